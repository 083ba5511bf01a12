package org.seiche.elastic.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;
import org.seiche.elastic.Coefficient;
import org.seiche.elastic.ElasticGradient;
import org.seiche.elastic.ElasticRecording;
import org.seiche.wave.Resampling;

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
        for (int g = 0; g < batch.receivers().size(); g++) {
            int first = placement.receiverBase(g);
            int traces = placement.receiverBase(g + 1) - first;
            double[] out = new double[traces * nt];
            double[] trace = new double[steps];
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
        ElasticGradient g = recording.adjoint(innerAdjointSources(adjointSources));
        Map<String, NdArray> out = new LinkedHashMap<>();
        int steps = simulation.steps();
        if (!request.parameters().isEmpty()) {
            Map<Coefficient, double[]> coefficients = new EnumMap<>(g.coefficients());
            placement.addSourceBuoyancyTerms(coefficients, amplitudes, g.sourceTraces(), steps, simulation.grid().dt());
            double[][] model = simulation.staggered().modelGradients(coefficients);
            out.putAll(simulation.materials().gradients(model[0], model[1], model[2], request.parameters()));
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
            traces += a.length;
        }
        return recording.peakBytes() + (long) Double.BYTES * traces;
    }

    @Override
    public void close() {
        recording.close();
    }
}
