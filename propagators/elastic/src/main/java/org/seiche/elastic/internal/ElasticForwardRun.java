package org.seiche.elastic.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Survey;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGradient;
import org.seiche.elastic.spi.ElasticRecording;
import org.seiche.wave.Traces;

/**
 * One batch's receiver data (downsampled from the inner steps) and its adjoint: the
 * adjoint sources are taken to the inner steps by the downsampling's adjoint, the kernel
 * runs backward, and its results go through the source scaling, the upsampling's adjoint,
 * the staggered averaging's adjoint and the parameter conversion.
 */
final class ElasticForwardRun implements ForwardRun {
    private final ElasticSimulation simulation;
    private final Survey batch;
    private final Placement placement;
    private final double[][] amplitudes;
    private final ElasticRecording recording;
    private final GradientRequest request;
    private final List<NdArray> receiverData;

    ElasticForwardRun(ElasticSimulation simulation, Survey batch, Placement placement, double[][] amplitudes,
                      ElasticRecording recording, GradientRequest request) {
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
        ElasticGradient g = recording.adjoint(Traces.innerAdjointSources(adjointSources, receiverData, placement,
                simulation.resampling()));
        Map<String, NdArray> out = new LinkedHashMap<>();
        int steps = simulation.steps();
        if (!request.parameters().isEmpty()) {
            Map<Coefficient, double[]> coefficients = new EnumMap<>(g.coefficients());
            placement.addSourceBuoyancyTerms(coefficients, amplitudes, g.sourceTraces(), steps, simulation.grid().dt());
            double[][] model = simulation.staggered().modelGradients(coefficients);
            out.putAll(simulation.materials().gradients(model[0], model[1], model[2], request.parameters()));
        }
        if (request.sourceAmplitudes()) {
            Traces.sourceAmplitudeGradients(batch, placement, g.sourceTraces(), simulation.resampling(), out);
        }
        return out;
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
