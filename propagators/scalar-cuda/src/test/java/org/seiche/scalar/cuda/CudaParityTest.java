package org.seiche.scalar.cuda;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.device.cuda.CudaDevice;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.scalar.spi.ScalarOperator;

/**
 * The scalar CUDA kernels on a real GPU against the Java CPU kernels in their default mode
 * (the processor flushing subnormals), their portable loops, which sum in the CUDA kernels'
 * order: scalar (every case of the host-emulation test: forward samples, source-term and
 * v^2 dt^2 gradients) and Born (scattered and background samples, the ratio, source-term and
 * v^2 dt^2 gradients, with and without the background adjoint), relative L2 within
 * {@link CudaTesting#FLOAT32} and {@link CudaTesting#FLOAT64}; Born's adjoint against its forward run by a dot
 * product. Skipped, with the reason, where CUDA cannot run.
 */
class CudaParityTest {
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

    static Stream<ScalarCase> bornCases() {
        return Stream.concat(Stream.of(ScalarCase.synthetic()),
                ScalarCase.references().filter(c -> c.name().equals("scalar_accuracy8_multishot")));
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
        long cells = c.prepare(Precision.FLOAT32).problem().grid().cells();
        CudaTesting.withMemoryLimit(cells * Float.BYTES * 26, () -> compareBorn(c, Precision.FLOAT32, CudaTesting.FLOAT32));
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
        ScalarCase.Prepared p = c.prepare(precision);
        ScalarOperator cpu = p.problem().operator();
        NdArray adjoint = KernelRun.of(cpu, p, null).innerAdjoint(p);
        KernelRun expected = KernelRun.of(cpu, p, adjoint);
        try (ScalarOperator gpu = kernel.load(p.problem().grid(), precision, device)) {
            KernelRun.of(gpu, p, adjoint).assertClose(expected, tolerance, c + " " + precision.label() + " CUDA vs CPU");
        }
    }
}
