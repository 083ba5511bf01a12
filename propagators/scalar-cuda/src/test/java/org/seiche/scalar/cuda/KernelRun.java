package org.seiche.scalar.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.seiche.api.NdArray;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.scalar.internal.ScalarGrids;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.ScalarOperator;

/**
 * What a scalar kernel gives for a case: receiver samples at the inner steps, d loss /
 * d source terms and d loss / d (v^2 dt^2) on the padded grid, from one forward and one
 * backward run with every step stored.
 */
record KernelRun(NdArray samples, NdArray termGradient, NdArray v2dt2Gradient) {
    static KernelRun of(ScalarOperator operator, ScalarCase.Prepared p, NdArray innerAdjoint) {
        var problem = p.problem();
        int steps = problem.steps().steps();
        int shots = problem.sources().shots();
        NdArray samples = NdArray.zeros(shots, problem.receivers().perShot(), steps);
        NdArray termGradient = NdArray.zeros(shots, problem.sources().perShot(), steps);
        NdArray v2dt2Gradient = NdArray.zeros(problem.grid().paddedShape());
        try (ScalarBatch batch = operator.open(problem.sources(), problem.receivers(), steps, 1)) {
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

    /** Asserts each output within a relative L2 error of the other run's, and prints the figures. */
    void assertClose(KernelRun expected, double tolerance, String what) {
        CudaTesting.within(what + " receiver samples", samples, expected.samples, tolerance);
        CudaTesting.within(what + " source-term gradient", termGradient, expected.termGradient, tolerance);
        CudaTesting.within(what + " v^2 dt^2 gradient", v2dt2Gradient, expected.v2dt2Gradient, tolerance);
    }

}
