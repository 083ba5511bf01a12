package org.seiche.scalar.cuda;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.device.cuda.CudaTesting;

/**
 * No GPU here, so the CUDA kernels' indexing and arithmetic are checked on the CPU: the
 * same scalar.cu compiled by g++ (HostEmulator), launched as CudaScalarBatch launches it,
 * against the Java CPU kernels (forward samples, source-term and v^2 dt^2 gradients) and,
 * for the reference cases, against Deepwave's receiver data and gradients.
 */
class ScalarHostEmulationTest {
    private static HostEmulator emulator;

    @BeforeAll
    static void compile() throws Exception {
        emulator = new HostEmulator(Path.of("target", "host-emulation"));
    }

    static Stream<ScalarCase> cases() {
        return Stream.concat(ScalarCase.references(), Stream.of(ScalarCase.synthetic()));
    }

    static Stream<ScalarCase> float64Cases() {
        return Stream.concat(Stream.of(ScalarCase.synthetic()), ScalarCase.references()
);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float32KernelsMatchTheCpuKernelsAndTheReference(ScalarCase c) throws Exception {
        ScalarCase.Prepared p = c.prepare(Precision.FLOAT32);
        compare(p, CudaTesting.FLOAT32).assertNearDeepwave(p, c + " emulated");
    }

    @ParameterizedTest
    @MethodSource("float64Cases")
    void float64KernelsMatchTheCpuKernels(ScalarCase c) throws Exception {
        compare(c.prepare(Precision.FLOAT64), CudaTesting.FLOAT64);
    }

    /** Emulated kernels vs the CPU kernel on the same adjoint source; returns the emulated run. */
    private static KernelRun compare(ScalarCase.Prepared p, double tolerance) throws Exception {
        var cpu = p.problem().operator();
        NdArray adjoint = KernelRun.of(cpu, p, null).innerAdjoint(p);
        KernelRun expected = KernelRun.of(cpu, p, adjoint);
        KernelRun emulated = emulator.run(p, adjoint);
        emulated.assertClose(expected, tolerance, p.source() + " " + p.precision().label() + " emulated vs CPU");
        return emulated;
    }
}
