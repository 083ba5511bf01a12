package org.seiche.wave;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;

/**
 * A batch's traces between the survey's samples and the kernel's inner steps, in every
 * dimension: sources upsampled and scaled, receivers downsampled, and the adjoints of both.
 * A source trace a propagator leaves out (null in the upsampled amplitudes) stays zero.
 */
public final class Traces {
    private Traces() {
    }

    /** Every source trace of the batch at the inner steps, unscaled. */
    public static double[][] upsampledAmplitudes(Survey batch, TraceLayout layout, Resampling r) {
        double[][] up = new double[layout.sourceBase(batch.sources().size())][];
        int nt = r.nt();
        for (int g = 0; g < batch.sources().size(); g++) {
            double[] a = batch.sources().get(g).amplitudes().data();
            int traces = a.length / nt;
            for (int i = 0; i < traces; i++) {
                double[] trace = new double[nt];
                System.arraycopy(a, i * nt, trace, 0, nt);
                up[layout.sourceBase(g) + i] = r.upsample(trace);
            }
        }
        return up;
    }

    /** The kernel's source traces [traces][steps]: each upsampled trace times its scale. */
    public static double[] scaled(double[][] amplitudes, TraceLayout layout, int steps) {
        double[] traces = new double[amplitudes.length * steps];
        for (int trace = 0; trace < amplitudes.length; trace++) {
            for (int t = 0; amplitudes[trace] != null && t < steps; t++) {
                traces[trace * steps + t] = layout.scale(trace) * amplitudes[trace][t];
            }
        }
        return traces;
    }

    /** Receiver data per group [shots, perShot, nt], downsampled from the inner traces. */
    public static List<NdArray> receiverData(Survey batch, TraceLayout layout, double[] inner, Resampling r) {
        int nt = r.nt();
        int steps = nt * r.stepRatio();
        List<NdArray> data = new ArrayList<>();
        for (int g = 0; g < batch.receivers().size(); g++) {
            int first = layout.receiverBase(g);
            int traces = layout.receiverBase(g + 1) - first;
            double[] out = new double[traces * nt];
            r.downsample(inner, first, out, 0, traces);
            data.add(new NdArray(new int[] {batch.shots(), batch.receivers().get(g).locations().perShot(), nt}, out));
        }
        return List.copyOf(data);
    }

    /** The adjoint sources (one per receiver group) at the inner steps, by the downsampling's adjoint. */
    public static double[] innerAdjointSources(List<NdArray> adjointSources, List<NdArray> receiverData,
                                               TraceLayout layout, Resampling r) {
        if (adjointSources.size() != receiverData.size()) {
            throw new SeicheException("adjoint: " + adjointSources.size() + " adjoint sources for "
                    + receiverData.size() + " receiver groups");
        }
        int nt = r.nt();
        int steps = nt * r.stepRatio();
        double[] inner = new double[layout.receiverBase(receiverData.size()) * steps];
        for (int g = 0; g < receiverData.size(); g++) {
            NdArray a = adjointSources.get(g);
            if (!a.sameShape(receiverData.get(g))) {
                throw new SeicheException("adjoint: adjoint source " + g + " has shape " + a.shapeString()
                        + ", its receiver data " + receiverData.get(g).shapeString());
            }
            r.downsampleAdjoint(a.data(), 0, inner, layout.receiverBase(g), a.size() / nt);
        }
        return inner;
    }

    /**
     * The gradients of every source group's amplitudes from the adjoint read at the source
     * points ([traces][steps]): the source scaling, then the upsampling's adjoint.
     */
    public static void sourceAmplitudeGradients(Survey batch, TraceLayout layout, double[] reads, Resampling r,
                                                Map<String, NdArray> out) {
        int nt = r.nt();
        int steps = nt * r.stepRatio();
        double[] inner = new double[steps];
        for (int group = 0; group < batch.sources().size(); group++) {
            int first = layout.sourceBase(group);
            int traces = layout.sourceBase(group + 1) - first;
            double[] grad = new double[traces * nt];
            for (int i = 0; i < traces; i++) {
                double scale = layout.scale(first + i);
                for (int t = 0; t < steps; t++) {
                    inner[t] = scale * reads[(first + i) * steps + t];
                }
                System.arraycopy(r.upsampleAdjoint(inner), 0, grad, i * nt, nt);
            }
            String name = group == 0 ? Simulation.SOURCE_AMPLITUDES : Simulation.SOURCE_AMPLITUDES + "_" + group;
            out.put(name, new NdArray(batch.sources().get(group).amplitudes().shape(), grad));
        }
    }

    /** Total values held by the upsampled source traces. */
    public static long values(double[][] amplitudes) {
        long n = 0;
        for (double[] a : amplitudes) {
            n += a == null ? 0 : a.length;
        }
        return n;
    }
}
