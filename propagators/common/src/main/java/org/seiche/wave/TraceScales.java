package org.seiche.wave;

import java.util.List;
import java.util.function.IntFunction;

import org.seiche.api.Locations;
import org.seiche.api.Survey;

/**
 * A batch's trace numbering (TraceLayout) with, per source trace, its scale and the grid
 * cell of the coefficient in that scale, for the scaling's share of the gradients. The
 * propagator's placement fills scale and scaleCell.
 */
public abstract class TraceScales implements TraceLayout {
    private final int[] sourceBase;
    private final int[] receiverBase;
    protected final double[] scale;
    protected final int[] scaleCell;

    protected TraceScales(Survey batch) {
        sourceBase = bases(batch.sources().stream().map(g -> g.locations()).toList(), batch.shots());
        receiverBase = bases(batch.receivers().stream().map(g -> g.locations()).toList(), batch.shots());
        int traces = sourceBase[sourceBase.length - 1];
        scale = new double[traces];
        scaleCell = new int[traces];
    }

    private static int[] bases(List<Locations> groups, int shots) {
        int[] base = new int[groups.size() + 1];
        for (int g = 0; g < groups.size(); g++) {
            base[g + 1] = base[g] + shots * groups.get(g).perShot();
        }
        return base;
    }

    @Override
    public final int sourceBase(int g) {
        return sourceBase[g];
    }

    @Override
    public final int receiverBase(int g) {
        return receiverBase[g];
    }

    @Override
    public final double scale(int trace) {
        return scale[trace];
    }

    /**
     * Adds the scaling's share of a coefficient's gradient, d(dt C a)/dC = dt a, times the
     * adjoint read at the source ({@code reads}, [traces][steps]), into target(trace) at the
     * trace's cell; a null target (a coefficient not asked, or none) is skipped.
     */
    protected final void addScalingTerms(IntFunction<double[]> target, double[][] amplitudes, double[] reads, int steps,
                                         double dt) {
        for (int trace = 0; trace < scale.length; trace++) {
            double[] g = target.apply(trace);
            if (g != null && amplitudes[trace] != null) {
                double sum = 0;
                for (int t = 0; t < steps; t++) {
                    sum += amplitudes[trace][t] * reads[trace * steps + t];
                }
                g[scaleCell[trace]] += dt * sum;
            }
        }
    }
}
