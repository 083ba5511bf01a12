package org.seiche.scalar.cuda;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.ScalarGrids;
import org.seiche.scalar.internal.SourceInjection;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarOperator;

/**
 * Born's forward kernel (born_forward_*, no Java driver yet: the Born propagator has no
 * kernel SPI so far) through the host emulation, against its definition: the derivative of
 * the scalar receiver data along the scatter, by central differences of the Java CPU
 * kernel in float64. The scatter is a smooth bump that vanishes on the model's edge cells,
 * so that extending v by its edge values and the scatter by zeros agree.
 */
class BornHostEmulationTest {
    private static final double EPS = 1e-3;
    private static HostEmulator emulator;

    @BeforeAll
    static void compile() throws Exception {
        emulator = new HostEmulator(Path.of("target", "host-emulation"));
    }

    static Stream<ScalarCase> cases() {
        return Stream.concat(Stream.of(ScalarCase.synthetic()),
                ScalarCase.references().filter(c -> c.name().equals("scalar_accuracy8_multishot")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scatteredDataIsTheDerivativeAlongTheScatter(ScalarCase c) throws Exception {
        ScalarCase.Prepared p = c.prepare(Precision.FLOAT64);
        ScalarGrid grid = p.problem().grid();
        double[] v = grid.padding().crop(grid.velocity());
        double[] scatter = BornKernelRun.scatter(grid.modelShape());
        double[] ratio = BornKernelRun.ratio(grid).data();
        double maxVel = Double.isNaN(c.settings().maxVel()) ? max(v) : c.settings().maxVel();
        NdArray plus = forward(p, shifted(v, scatter, EPS), maxVel);
        NdArray minus = forward(p, shifted(v, scatter, -EPS), maxVel);
        NdArray difference = NdArray.zeros(plus.shape());
        for (int i = 0; i < plus.size(); i++) {
            difference.data()[i] = (plus.data()[i] - minus.data()[i]) / (2 * EPS);
        }
        CudaTesting.within(c + " Born (emulated) vs central differences", emulator.born(p, ratio), difference, 1e-6);
    }

    /** Receiver samples of the CPU kernel for another velocity, same grid, steps and PML scaling. */
    private static NdArray forward(ScalarCase.Prepared p, double[] v, double maxVel) {
        var problem = p.problem();
        ScalarGrid base = problem.grid();
        ScalarGrid grid = ScalarGrids.of(v, base.modelShape(), new double[] {base.spacing(0), base.spacing(1)},
                p.source().settings(), problem.steps().dt(), maxVel);
        NdArray terms = new SourceInjection(grid, problem.steps(), problem.sources(), problem.amplitudes()).terms();
        NdArray samples = NdArray.zeros(problem.receivers().shots(), problem.receivers().perShot(), problem.steps().steps());
        try (ScalarOperator op = new CpuScalarKernel().load(grid, Precision.FLOAT64, ScalarCase.CPU);
             ScalarBatch batch = op.open(problem.sources(), problem.receivers(), problem.steps().steps(), 0)) {
            batch.forward(terms, samples);
        }
        return samples;
    }

    private static double[] shifted(double[] v, double[] scatter, double eps) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += eps * scatter[i];
        }
        return out;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
