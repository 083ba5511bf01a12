package org.seiche.scalar.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.seiche.api.NdArray;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.io.Npy;
import org.seiche.scalar.internal.ScalarGrids;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.ScalarOperator;
import org.seiche.scalar.spi.SnapshotTap;

/**
 * What a scalar kernel gives for a case: receiver samples at the inner steps, d loss /
 * d source terms and d loss / d (v^2 dt^2) on the padded grid, from one forward and one
 * backward run with every step stored.
 */
record KernelRun(NdArray samples, NdArray termGradient, NdArray v2dt2Gradient) {
    static KernelRun of(ScalarOperator operator, ScalarCase.Prepared p, NdArray innerAdjoint) {
        return of(operator, p, innerAdjoint, null);
    }

    /** As above, the batch offering its fields to snapshots (null: none). */
    static KernelRun of(ScalarOperator operator, ScalarCase.Prepared p, NdArray innerAdjoint, SnapshotTap snapshots) {
        var problem = p.problem();
        int steps = problem.steps().steps();
        int shots = problem.sources().shots();
        NdArray samples = NdArray.zeros(shots, problem.receivers().perShot(), steps);
        NdArray termGradient = NdArray.zeros(shots, problem.sources().perShot(), steps);
        NdArray v2dt2Gradient = NdArray.zeros(problem.grid().paddedShape());
        try (ScalarBatch batch = operator.open(problem.sources(), problem.receivers(), steps, 1, snapshots)) {
            batch.forward(p.injection().terms(), samples);
            if (innerAdjoint != null) {
                batch.backward(innerAdjoint, termGradient, v2dt2Gradient);
            }
        }
        return new KernelRun(samples, termGradient, v2dt2Gradient);
    }

    /** Receiver data at the survey's samples. */
    NdArray data(ScalarCase.Prepared p) {
        return p.problem().steps().downsample(samples);
    }

    /** d mse / d data against the observed data, brought to the inner steps. */
    NdArray innerAdjoint(ScalarCase.Prepared p) throws Exception {
        NdArray data = data(p);
        NdArray observed = p.observed(data);
        NdArray g = NdArray.zeros(data.shape());
        for (int i = 0; i < g.size(); i++) {
            g.data()[i] = 2 * (data.data()[i] - observed.data()[i]) / data.size();
        }
        return p.problem().steps().downsampleAdjoint(g);
    }

    /** d loss / d v on the model, assembled as the scalar propagator does it. */
    NdArray velocityGradient(ScalarCase.Prepared p) {
        double[] padded = v2dt2Gradient.data().clone();
        p.injection().addV2dt2Gradient(termGradient, padded);
        return new NdArray(p.problem().grid().modelShape(), ScalarGrids.velocityGradient(p.problem().grid(), padded));
    }

    /**
     * For a reference case: the receiver data within 1e-3 and the gradients within 1e-2
     * (relative L2) of Deepwave's, as compare.py holds them; nothing for a synthetic case.
     */
    void assertNearDeepwave(ScalarCase.Prepared p, String what) throws Exception {
        if (!p.source().isReference()) {
            return;
        }
        Path expected = p.source().folder().resolve("expected");
        CudaTesting.within(what + " vs Deepwave receiver data", data(p), Npy.read(expected.resolve("receiver_data.npy")),
                1e-3);
        if (Files.exists(expected.resolve("gradient_v.npy"))) {
            CudaTesting.within(what + " vs Deepwave gradient_v", velocityGradient(p),
                    Npy.read(expected.resolve("gradient_v.npy")), 1e-2);
        }
        if (Files.exists(expected.resolve("gradient_source_amplitudes.npy"))) {
            CudaTesting.within(what + " vs Deepwave gradient_source_amplitudes",
                    p.injection().amplitudeGradient(termGradient), Npy.read(expected.resolve("gradient_source_amplitudes.npy")),
                    1e-2);
        }
    }

    /** Asserts each output within a relative L2 error of the other run's, and prints the figures. */
    void assertClose(KernelRun expected, double tolerance, String what) {
        CudaTesting.within(what + " receiver samples", samples, expected.samples, tolerance);
        CudaTesting.within(what + " source-term gradient", termGradient, expected.termGradient, tolerance);
        CudaTesting.within(what + " v^2 dt^2 gradient", v2dt2Gradient, expected.v2dt2Gradient, tolerance);
    }

}
