package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.scalar.ScalarOperator;

/**
 * The CUDA kernels on a real GPU against the Java CPU kernels on every case of the
 * host-emulation test: forward samples, source-term and v^2 dt^2 gradients, relative L2
 * below 1e-5 in float32 (1e-12 in float64). Skipped, with the reason, where CUDA cannot run.
 */
class CudaParityTest {
    private CudaDevice device;

    private static boolean shown;

    /**
     * Per test, so that each one is reported skipped with the reason; not in a @BeforeAll,
     * which would probe before a subclass's @BeforeAll could provide a driver.
     */
    @BeforeEach
    void gpu() {
        CudaProbe probe = CudaProbe.result();
        if (!shown) {
            shown = true;
            System.out.println("CUDA parity: " + (probe.available() ? "on " + probe.gpu() : "skipped, " + probe.reason()));
        }
        assumeTrue(probe.available(), "CUDA cannot run here: " + probe.reason());
        device = new CudaDevice();
    }

    static Stream<ScalarCase> cases() {
        return ScalarHostEmulationTest.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float32(ScalarCase c) throws Exception {
        compare(c, Precision.FLOAT32, 1e-5);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float64(ScalarCase c) throws Exception {
        compare(c, Precision.FLOAT64, 1e-12);
    }

    /** A GPU that seems to hold one shot's wavefields and little more: shots in rounds, the store in host memory. */
    @ParameterizedTest
    @MethodSource("cases")
    void float32OnASmallGpu(ScalarCase c) throws Exception {
        ScalarCase.Prepared p = c.prepare(Precision.FLOAT32);
        long cells = p.problem().grid().cells();
        System.setProperty(CudaContext.MEMORY_LIMIT, String.valueOf(cells * Float.BYTES * 14));
        try {
            compare(c, Precision.FLOAT32, 1e-5);
        } finally {
            System.clearProperty(CudaContext.MEMORY_LIMIT);
        }
    }

    private void compare(ScalarCase c, Precision precision, double tolerance) throws Exception {
        ScalarCase.Prepared p = c.prepare(precision);
        ScalarOperator cpu = p.problem().operator();
        NdArray adjoint = KernelRun.of(cpu, p, null).innerAdjoint(p);
        KernelRun expected = KernelRun.of(cpu, p, adjoint);
        try (ScalarOperator gpu = new CudaScalarKernel().load(p.problem().grid(), precision, device)) {
            KernelRun.of(gpu, p, adjoint).assertClose(expected, tolerance, c + " " + precision.label() + " CUDA vs CPU");
        }
    }
}
