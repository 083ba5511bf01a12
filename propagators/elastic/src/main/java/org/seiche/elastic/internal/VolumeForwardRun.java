package org.seiche.elastic.internal;

import java.nio.DoubleBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Survey;
import org.seiche.elastic.cpu.VolumeGrid;
import org.seiche.elastic.cpu.VolumeNumerics;
import org.seiche.elastic.cpu.VolumeTerms;
import org.seiche.wave.Traces;

/**
 * One batch's receiver data on a 1-D or 3-D grid and its adjoint: the kernel runs backward
 * from the adjoint sources, and its coefficient gradients go through the force sources'
 * share, the staggered averaging's adjoint and the parameter conversion.
 */
final class VolumeForwardRun implements ForwardRun {
    private final VolumeSimulation simulation;
    private final Survey batch;
    private final VolumePlacement placement;
    private final double[][] amplitudes;
    private final VolumeNumerics.VolumeAdjoint adjoint;
    private final GradientRequest request;
    private final VolumeTerms terms;
    private final List<NdArray> receiverData;

    VolumeForwardRun(VolumeSimulation simulation, Survey batch, VolumePlacement placement, double[][] amplitudes,
                     double[] receivers, VolumeNumerics.VolumeAdjoint adjoint, GradientRequest request, VolumeTerms terms) {
        this.simulation = simulation;
        this.batch = batch;
        this.placement = placement;
        this.amplitudes = amplitudes;
        this.adjoint = adjoint;
        this.request = request;
        this.terms = terms;
        this.receiverData = Traces.receiverData(batch, placement, receivers, simulation.resampling());
        if (!request.any()) {
            adjoint.close();
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
        VolumeGrid grid = simulation.grid();
        int ndim = grid.ndim();
        int pairs = VolumeGrid.pairs(ndim);
        double[][] coefficients = new double[2 + pairs + ndim][];
        for (int i = 0; i < coefficients.length; i++) {
            boolean asked = i < 2 ? terms.normal() : i < 2 + pairs ? terms.shear() : terms.divergence();
            coefficients[i] = asked ? new double[grid.size()] : null;
        }
        DoubleBuffer[] buffers = new DoubleBuffer[coefficients.length];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = coefficients[i] == null ? null : DoubleBuffer.wrap(coefficients[i]);
        }
        int steps = simulation.steps();
        double[] reads = new double[placement.sourceBase(batch.sources().size()) * steps];
        adjoint.adjoint(DoubleBuffer.wrap(Traces.innerAdjointSources(adjointSources, receiverData, placement,
                simulation.resampling())), buffers, DoubleBuffer.wrap(reads));
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (!request.parameters().isEmpty()) {
            placement.addSourceBuoyancyTerms(coefficients, 2 + pairs, amplitudes, reads, steps, grid.dt());
            double[][] model = simulation.staggered().modelGradients(coefficients);
            out.putAll(simulation.materials().gradients(model[0], model[1], model[2], request.parameters()));
        }
        if (request.sourceAmplitudes()) {
            Traces.sourceAmplitudeGradients(batch, placement, reads, simulation.resampling(), out);
        }
        return out;
    }

    @Override
    public long peakMemoryBytes() {
        return adjoint.peakBytes() + Double.BYTES * Traces.values(amplitudes);
    }

    @Override
    public void close() {
        adjoint.close();
    }
}
