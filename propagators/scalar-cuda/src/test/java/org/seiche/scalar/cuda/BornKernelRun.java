package org.seiche.scalar.cuda;

import java.util.Arrays;
import java.util.Random;

import org.seiche.api.NdArray;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.scalar.spi.BornBatch;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarOperator;
import org.seiche.scalar.spi.SnapshotTap;

/**
 * What a Born kernel gives for a scalar case and a scatter ratio r: the scattered and the
 * background receiver samples, and from the adjoint of seeded adjoint samples d / d r, with
 * the velocity gradient also d / d source terms and d / d (v^2 dt^2), every step stored.
 */
record BornKernelRun(NdArray scattered, NdArray background, NdArray ratioGradient, NdArray termGradient,
                     NdArray v2dt2Gradient) {
    static BornKernelRun of(ScalarOperator operator, ScalarCase.Prepared p, NdArray ratio, NdArray adjoint,
                            boolean velocity) {
        return of(operator, p, ratio, adjoint, velocity, null);
    }

    /** As above, the batch offering its fields to snapshots (null: none). */
    static BornKernelRun of(ScalarOperator operator, ScalarCase.Prepared p, NdArray ratio, NdArray adjoint,
                            boolean velocity, SnapshotTap snapshots) {
        var problem = p.problem();
        int steps = problem.steps().steps();
        int shots = problem.sources().shots();
        NdArray scattered = NdArray.zeros(shots, problem.receivers().perShot(), steps);
        NdArray background = NdArray.zeros(shots, problem.receivers().perShot(), steps);
        NdArray ratioGradient = NdArray.zeros(problem.grid().paddedShape());
        NdArray termGradient = velocity ? NdArray.zeros(shots, problem.sources().perShot(), steps) : null;
        NdArray v2dt2Gradient = velocity ? NdArray.zeros(problem.grid().paddedShape()) : null;
        try (BornBatch batch = operator.openBorn(problem.sources(), problem.receivers(), steps, 1, ratio, velocity, snapshots)) {
            batch.forward(p.injection().terms(), scattered, background);
            batch.backward(adjoint, termGradient, ratioGradient, v2dt2Gradient);
        }
        return new BornKernelRun(scattered, background, ratioGradient, termGradient, v2dt2Gradient);
    }

    /** Seeded adjoint samples for the case's receivers at the inner steps. */
    static NdArray adjoint(ScalarCase.Prepared p) {
        var problem = p.problem();
        NdArray a = NdArray.zeros(problem.receivers().shots(), problem.receivers().perShot(), problem.steps().steps());
        Random random = new Random(5);
        for (int i = 0; i < a.size(); i++) {
            a.data()[i] = random.nextGaussian();
        }
        return a;
    }

    /** r = 2 scatter / v on the padded grid, the scatter extended with zeros (as the Born propagator does). */
    static NdArray ratio(ScalarGrid grid) {
        double[] r = grid.padding().extendZeros(scatter(grid.modelShape()));
        for (int i = 0; i < r.length; i++) {
            r[i] = 2 * r[i] / grid.velocity()[i];
        }
        return new NdArray(grid.paddedShape(), r);
    }

    /**
     * A scatter of 50 m/s at the model's centre, Gaussian, zero on its edge cells (so that
     * extending it with zeros and extending it with its edge values agree); any dimension.
     */
    static double[] scatter(int[] shape) {
        double[] s = new double[(int) NdArray.size(shape)];
        double sigma = Arrays.stream(shape).min().getAsInt() / 6.0;
        for (int i = 0; i < s.length; i++) {
            int rest = i;
            boolean edge = false;
            double r2 = 0;
            for (int d = shape.length - 1; d >= 0; d--) {
                int x = rest % shape[d];
                rest /= shape[d];
                edge |= x == 0 || x == shape[d] - 1;
                double dx = x - shape[d] / 2.0;
                r2 += dx * dx;
            }
            s[i] = edge ? 0 : 50 * Math.exp(-r2 / (2 * sigma * sigma));
        }
        return s;
    }

    /** Asserts each output within a relative L2 error of the other run's, and prints the figures. */
    void assertClose(BornKernelRun expected, double tolerance, String what) {
        CudaTesting.within(what + " scattered samples", scattered, expected.scattered, tolerance);
        CudaTesting.within(what + " background samples", background, expected.background, tolerance);
        CudaTesting.within(what + " ratio gradient", ratioGradient, expected.ratioGradient, tolerance);
        if (termGradient != null) {
            CudaTesting.within(what + " source-term gradient", termGradient, expected.termGradient, tolerance);
            CudaTesting.within(what + " v^2 dt^2 gradient", v2dt2Gradient, expected.v2dt2Gradient, tolerance);
        }
    }
}
