package org.seiche.acoustic.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.acoustic.spi.AcousticGradient;
import org.seiche.acoustic.spi.AcousticRecording;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;
import org.seiche.wave.Resampling;

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
        this.receiverData = downsampled(recording.receiverTraces());
        if (!request.any()) {
            recording.close();
        }
    }

    private List<NdArray> downsampled(double[] inner) {
        Resampling r = simulation.resampling();
        int steps = simulation.steps();
        int nt = r.nt();
        List<NdArray> data = new ArrayList<>();
        double[] trace = new double[steps];
        for (int g = 0; g < batch.receivers().size(); g++) {
            int first = placement.receiverBase(g);
            int traces = placement.receiverBase(g + 1) - first;
            double[] out = new double[traces * nt];
            for (int i = 0; i < traces; i++) {
                System.arraycopy(inner, (first + i) * steps, trace, 0, steps);
                System.arraycopy(r.downsample(trace), 0, out, i * nt, nt);
            }
            data.add(new NdArray(new int[] {batch.shots(), batch.receivers().get(g).locations().perShot(), nt}, out));
        }
        return List.copyOf(data);
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
        AcousticGradient g = recording.adjoint(innerAdjointSources(adjointSources));
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
            Resampling r = simulation.resampling();
            int nt = r.nt();
            double[] inner = new double[steps];
            for (int group = 0; group < batch.sources().size(); group++) {
                int first = placement.sourceBase(group);
                int traces = placement.sourceBase(group + 1) - first;
                double[] grad = new double[traces * nt];
                for (int i = 0; i < traces; i++) {
                    double scale = placement.scale(first + i);
                    for (int t = 0; t < steps; t++) {
                        inner[t] = scale * g.sourceTraces()[(first + i) * steps + t];
                    }
                    System.arraycopy(r.upsampleAdjoint(inner), 0, grad, i * nt, nt);
                }
                String name = group == 0 ? Simulation.SOURCE_AMPLITUDES : Simulation.SOURCE_AMPLITUDES + "_" + group;
                out.put(name, new NdArray(batch.sources().get(group).amplitudes().shape(), grad));
            }
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

    /** The adjoint sources (one per receiver group) at the inner steps, by the downsampling's adjoint. */
    private double[] innerAdjointSources(List<NdArray> adjointSources) {
        if (adjointSources.size() != receiverData.size()) {
            throw new SeicheException("adjoint: " + adjointSources.size() + " adjoint sources for " + receiverData.size()
                    + " receiver groups");
        }
        Resampling r = simulation.resampling();
        int steps = simulation.steps();
        int nt = r.nt();
        double[] inner = new double[placement.receiverBase(receiverData.size()) * steps];
        double[] trace = new double[nt];
        for (int g = 0; g < receiverData.size(); g++) {
            NdArray a = adjointSources.get(g);
            if (!a.sameShape(receiverData.get(g))) {
                throw new SeicheException("adjoint: adjoint source " + g + " has shape " + a.shapeString()
                        + ", its receiver data " + receiverData.get(g).shapeString());
            }
            int first = placement.receiverBase(g);
            for (int i = 0; i < a.size() / nt; i++) {
                System.arraycopy(a.data(), i * nt, trace, 0, nt);
                System.arraycopy(r.downsampleAdjoint(trace), 0, inner, (first + i) * steps, steps);
            }
        }
        return inner;
    }

    @Override
    public long peakMemoryBytes() {
        long traces = 0;
        for (double[] a : amplitudes) {
            traces += a == null ? 0 : a.length;
        }
        return recording.peakBytes() + (long) Double.BYTES * traces;
    }

    @Override
    public void close() {
        recording.close();
    }
}
