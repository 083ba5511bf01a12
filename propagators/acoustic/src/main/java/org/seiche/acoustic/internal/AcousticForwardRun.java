package org.seiche.acoustic.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.acoustic.spi.AcousticGradient;
import org.seiche.acoustic.spi.AcousticRecording;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Survey;
import org.seiche.wave.Traces;

/**
 * One batch's receiver data (downsampled from the inner steps) and its adjoint: the adjoint
 * sources are taken to the inner steps by the downsampling's adjoint, the kernel runs
 * backward, and its results go through the source scaling, the upsampling's adjoint, the
 * staggered averaging's adjoint and the parameter conversion.
 */
final class AcousticForwardRun implements ForwardRun {
    private final AcousticSimulation simulation;
    private final Survey batch;
    private final Placement placement;
    private final double[][] amplitudes;
    private final AcousticRecording recording;
    private final GradientRequest request;
    private final List<NdArray> receiverData;

    AcousticForwardRun(AcousticSimulation simulation, Survey batch, Placement placement, double[][] amplitudes,
                       AcousticRecording recording, GradientRequest request) {
        this.simulation = simulation;
        this.batch = batch;
        this.placement = placement;
        this.amplitudes = amplitudes;
        this.recording = recording;
        this.request = request;
        this.receiverData = Traces.receiverData(batch, placement, recording.receiverTraces(), simulation.resampling());
        if (!request.any()) {
            recording.close();
        }
    }

    @Override
    public List<NdArray> receiverData() {
        return receiverData;
    }

    @Override
    public Map<String, NdArray> adjoint(List<NdArray> adjointSources) {
        if (!request.any()) {
            throw new IllegalStateException("this run was forward only: ask for gradients in Simulation.forward");
        }
        AcousticGradient g = recording.adjoint(Traces.innerAdjointSources(adjointSources, receiverData, placement,
                simulation.resampling()));
        Map<String, NdArray> out = new LinkedHashMap<>();
        int steps = simulation.steps();
        double dt = simulation.grid().dt();
        if (!request.parameters().isEmpty()) {
            // the kernel's sums over the stored steps, times -dt and the storage interval
            double factor = -dt * simulation.gradientInterval();
            double[] gradK = scaled(g.k(), factor);
            double[][] gradB = null;
            if (g.buoyancy() != null) {
                gradB = new double[g.buoyancy().length][];
                for (int d = 0; d < gradB.length; d++) {
                    gradB[d] = scaled(g.buoyancy()[d], factor);
                }
            }
            placement.addScalingTerms(gradK, gradB, amplitudes, g.sourceTraces(), steps, dt);
            out.putAll(simulation.medium().gradients(gradK, gradB, request.parameters()));
        }
        if (request.sourceAmplitudes()) {
            Traces.sourceAmplitudeGradients(batch, placement, g.sourceTraces(), simulation.resampling(), out);
        }
        return out;
    }

    private static double[] scaled(double[] a, double factor) {
        if (a == null) {
            return null;
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = factor * a[i];
        }
        return out;
    }

    /** Forward steps checkpointing recomputed in the adjoint. */
    long recomputedSteps() {
        return recording.recomputedSteps();
    }

    @Override
    public long peakMemoryBytes() {
        return recording.peakBytes() + Double.BYTES * Traces.values(amplitudes);
    }

    @Override
    public void close() {
        recording.close();
    }
}
