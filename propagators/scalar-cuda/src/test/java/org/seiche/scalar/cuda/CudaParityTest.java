package org.seiche.scalar.cuda;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.device.cuda.CudaDevice;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.device.cuda.SnapshotFrames;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarOperator;
import org.seiche.scalar.spi.SnapshotTap;

/**
 * The scalar CUDA kernels on a real GPU against the Java CPU kernels in their default mode
 * (the processor flushing subnormals), their portable loops, which sum in the CUDA kernels'
 * order: scalar (every case of the host-emulation test: forward samples, source-term and
 * v^2 dt^2 gradients) and Born (scattered and background samples, the ratio, source-term and
 * v^2 dt^2 gradients, with and without the background adjoint), relative L2 within
 * {@link CudaTesting#FLOAT32} and {@link CudaTesting#FLOAT64}; Born's adjoint against its forward run by a dot
 * product; 1-D and 3-D grids (with Deepwave's references); snapshot frames against the CPU's,
 * and results unchanged by taking them. Skipped, with the reason, where CUDA cannot run.
 */
class CudaParityTest {
    /** Inner steps between snapshot frames. */
    private static final int EVERY = 7;
    private CudaDevice device;
    private CudaScalarKernel kernel;

    /**
     * Per test, so that each one is reported skipped with the reason; not in a @BeforeAll,
     * which would probe before a subclass's @BeforeAll could provide a driver.
     */
    @BeforeEach
    void gpu() {
        device = CudaTesting.deviceOrSkip("CUDA parity (scalar, Born)");
        kernel = new CudaScalarKernel(device);
    }

    static Stream<ScalarCase> cases() {
        return ScalarHostEmulationTest.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float32(ScalarCase c) throws Exception {
        compare(c, Precision.FLOAT32, CudaTesting.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float64(ScalarCase c) throws Exception {
        compare(c, Precision.FLOAT64, CudaTesting.FLOAT64);
    }

    /** A GPU that seems to hold one shot's wavefields and little more: shots in rounds, the store in host memory. */
    @ParameterizedTest
    @MethodSource("cases")
    void float32OnASmallGpu(ScalarCase c) throws Exception {
        long cells = c.prepare(Precision.FLOAT32).problem().grid().cells();
        CudaTesting.withMemoryLimit(cells * Float.BYTES * 14, () -> compare(c, Precision.FLOAT32, CudaTesting.FLOAT32));
    }

    /** The 2-D synthetic case and scalar_accuracy8_multishot, the synthetic 1-D case and the 3-D one of accuracy 2. */
    static Stream<ScalarCase> bornCases() {
        return Stream.of(Stream.of(ScalarCase.synthetic()),
                ScalarCase.references().filter(c -> c.name().equals("scalar_accuracy8_multishot")),
                ScalarCase.volumes().filter(c -> c.name().equals("synthetic_1d_accuracy6")
                        || c.name().equals("synthetic_3d_accuracy2"))).flatMap(c -> c);
    }

    static Stream<ScalarCase> volumes() {
        return ScalarCase.volumes();
    }

    static Stream<ScalarCase> float64Volumes() {
        return ScalarCase.volumes().filter(c -> !c.name().startsWith("scalar_3d"));
    }

    /** The synthetic cases of every dimension (scalar_accuracy8_multishot's 450 steps are slow to emulate). */
    static Stream<ScalarCase> snapshotCases() {
        return bornCases().filter(c -> !c.isReference());
    }

    /** 1-D and 3-D grids against the CPU kernels, and the reference cases against Deepwave too. */
    @ParameterizedTest
    @MethodSource("volumes")
    void volumeFloat32(ScalarCase c) throws Exception {
        ScalarCase.Prepared p = c.prepare(Precision.FLOAT32);
        compare(p, CudaTesting.FLOAT32).assertNearDeepwave(p, c + " float32 CUDA");
    }

    /** As {@link #volumeFloat32}, but for the 3-D references, slow to emulate (the synthetic 3-D cases have every accuracy). */
    @ParameterizedTest
    @MethodSource("float64Volumes")
    void volumeFloat64(ScalarCase c) throws Exception {
        ScalarCase.Prepared p = c.prepare(Precision.FLOAT64);
        compare(p, CudaTesting.FLOAT64).assertNearDeepwave(p, c + " float64 CUDA");
    }

    /** A 3-D grid's shots in rounds and its stored steps in host memory. */
    @Test
    void volumeFloat32OnASmallGpu() throws Exception {
        ScalarCase c = ScalarCase.volumes().filter(v -> v.name().equals("synthetic_3d_accuracy6")).findFirst().orElseThrow();
        ScalarCase.Prepared p = c.prepare(Precision.FLOAT32);
        CudaTesting.withMemoryLimit(p.problem().grid().cells() * Float.BYTES * 20L, () -> compare(p, CudaTesting.FLOAT32));
    }

    @ParameterizedTest
    @MethodSource("bornCases")
    void bornFloat32(ScalarCase c) throws Exception {
        compareBorn(c, Precision.FLOAT32, CudaTesting.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("bornCases")
    void bornFloat64(ScalarCase c) throws Exception {
        compareBorn(c, Precision.FLOAT64, CudaTesting.FLOAT64);
    }

    /** Born's shots in rounds and its stored steps in host memory. */
    @ParameterizedTest
    @MethodSource("bornCases")
    void bornFloat32OnASmallGpu(ScalarCase c) throws Exception {
        ScalarGrid grid = c.prepare(Precision.FLOAT32).problem().grid();
        // one shot's two fields and two gradient sums fit, two shots' do not
        long arrays = 2L * ScalarFields.arrays(new ScalarLayout(grid).dims) + 6;
        CudaTesting.withMemoryLimit(grid.cells() * Float.BYTES * arrays,
                () -> compareBorn(c, Precision.FLOAT32, CudaTesting.FLOAT32));
    }

    /** The scattered data are linear in r: {@literal <J r, a> = <r, J^T a>}, J^T a the ratio gradient. */
    @ParameterizedTest
    @MethodSource("bornCases")
    void bornAdjointIsTheTransposeOfTheForward(ScalarCase c) throws Exception {
        ScalarCase.Prepared p = c.prepare(Precision.FLOAT64);
        NdArray ratio = BornKernelRun.ratio(p.problem().grid());
        NdArray a = BornKernelRun.adjoint(p);
        try (ScalarOperator gpu = kernel.load(p.problem().grid(), Precision.FLOAT64, device)) {
            BornKernelRun run = BornKernelRun.of(gpu, p, ratio, a, false);
            CudaTesting.assertTranspose(c + " Born", CudaTesting.dot(run.scattered().data(), a.data()), CudaTesting.dot(ratio.data(), run.ratioGradient().data()));
        }
    }

    /**
     * Snapshots on the GPU (shot 1 of 2, forward and adjoint, every 7 steps): the CPU's frames,
     * and every result equal to the bit to a run without them; on a GPU holding both shots at
     * once (the heard shot second in its group) and on one taking them in rounds (first in its own).
     */
    @ParameterizedTest
    @MethodSource("snapshotCases")
    void snapshots(ScalarCase c) throws Exception {
        for (Precision precision : Precision.values()) {
            double tolerance = precision == Precision.FLOAT64 ? CudaTesting.FLOAT64 : CudaTesting.FLOAT32;
            ScalarCase.Prepared p = c.prepare(precision);
            var problem = p.problem();
            ScalarOperator cpu = problem.operator();
            NdArray adjoint = KernelRun.of(cpu, p, null).innerAdjoint(p);
            Frames expected = frames(p, Set.of(SnapshotTap.WAVEFIELD), 1);
            KernelRun.of(cpu, p, adjoint, expected.tap());
            int count = 2 * (problem.steps().steps() / EVERY);
            // one shot's field and gradient sum fit, two shots' do not
            long arrays = ScalarFields.arrays(new ScalarLayout(problem.grid()).dims) + 4;
            for (long limit : new long[] {0, problem.grid().cells() * DeviceArray.bytesPerValue(precision) * arrays}) {
                String what = c + " " + precision.label() + (limit > 0 ? " in rounds" : "");
                Frames frames = frames(p, Set.of(SnapshotTap.WAVEFIELD), 1);
                CudaTesting.withMemoryLimit(limit > 0 ? limit : Long.MAX_VALUE, () -> {
                    try (ScalarOperator gpu = kernel.load(problem.grid(), precision, device)) {
                        KernelRun plain = KernelRun.of(gpu, p, adjoint);
                        KernelRun taken = KernelRun.of(gpu, p, adjoint, frames.tap());
                        SnapshotFrames.assertSame(plain.samples(), taken.samples(), what + " samples");
                        SnapshotFrames.assertSame(plain.termGradient(), taken.termGradient(), what + " source-term gradient");
                        SnapshotFrames.assertSame(plain.v2dt2Gradient(), taken.v2dt2Gradient(), what + " v^2 dt^2 gradient");
                    }
                });
                frames.heard().assertClose(expected.heard(), count, tolerance, what + " CUDA vs CPU");
            }
        }
    }

    /** Born's snapshots on the GPU (both fields of both shots, with the background adjoint): as {@link #snapshots}. */
    @ParameterizedTest
    @MethodSource("snapshotCases")
    void bornSnapshots(ScalarCase c) throws Exception {
        for (Precision precision : Precision.values()) {
            double tolerance = precision == Precision.FLOAT64 ? CudaTesting.FLOAT64 : CudaTesting.FLOAT32;
            ScalarCase.Prepared p = c.prepare(precision);
            var problem = p.problem();
            NdArray ratio = BornKernelRun.ratio(problem.grid());
            NdArray a = BornKernelRun.adjoint(p);
            Set<String> fields = Set.of(SnapshotTap.WAVEFIELD, SnapshotTap.SCATTERED);
            Frames expected = frames(p, fields);
            BornKernelRun.of(problem.operator(), p, ratio, a, true, expected.tap());
            Frames frames = frames(p, fields);
            String what = c + " " + precision.label() + " Born";
            try (ScalarOperator gpu = kernel.load(problem.grid(), precision, device)) {
                BornKernelRun plain = BornKernelRun.of(gpu, p, ratio, a, true);
                BornKernelRun taken = BornKernelRun.of(gpu, p, ratio, a, true, frames.tap());
                SnapshotFrames.assertSame(plain.scattered(), taken.scattered(), what + " scattered samples");
                SnapshotFrames.assertSame(plain.background(), taken.background(), what + " background samples");
                SnapshotFrames.assertSame(plain.ratioGradient(), taken.ratioGradient(), what + " ratio gradient");
                SnapshotFrames.assertSame(plain.termGradient(), taken.termGradient(), what + " source-term gradient");
                SnapshotFrames.assertSame(plain.v2dt2Gradient(), taken.v2dt2Gradient(), what + " v^2 dt^2 gradient");
            }
            int count = problem.sources().shots() * 2 * 2 * (problem.steps().steps() / EVERY);
            frames.heard().assertClose(expected.heard(), count, tolerance, what + " CUDA vs CPU");
        }
    }

    private static Frames frames(ScalarCase.Prepared p, Set<String> fields, int... shots) {
        return Frames.of(p.problem().grid(), p.problem().sources().shots(), EVERY, fields, shots);
    }

    private void compareBorn(ScalarCase c, Precision precision, double tolerance) throws Exception {
        ScalarCase.Prepared p = c.prepare(precision);
        NdArray ratio = BornKernelRun.ratio(p.problem().grid());
        NdArray a = BornKernelRun.adjoint(p);
        try (ScalarOperator gpu = kernel.load(p.problem().grid(), precision, device)) {
            for (boolean velocity : new boolean[] {true, false}) {
                BornKernelRun expected = BornKernelRun.of(p.problem().operator(), p, ratio, a, velocity);
                BornKernelRun.of(gpu, p, ratio, a, velocity).assertClose(expected, tolerance,
                        c + " " + precision.label() + (velocity ? " (with v)" : "") + " Born CUDA vs CPU");
            }
        }
    }

    private void compare(ScalarCase c, Precision precision, double tolerance) throws Exception {
        compare(c.prepare(precision), tolerance);
    }

    /** The GPU's run of a case against the CPU's; returns the GPU's. */
    private KernelRun compare(ScalarCase.Prepared p, double tolerance) throws Exception {
        ScalarOperator cpu = p.problem().operator();
        NdArray adjoint = KernelRun.of(cpu, p, null).innerAdjoint(p);
        KernelRun expected = KernelRun.of(cpu, p, adjoint);
        try (ScalarOperator gpu = kernel.load(p.problem().grid(), p.precision(), device)) {
            KernelRun run = KernelRun.of(gpu, p, adjoint);
            run.assertClose(expected, tolerance, p.source() + " " + p.precision().label() + " CUDA vs CPU");
            return run;
        }
    }
}
