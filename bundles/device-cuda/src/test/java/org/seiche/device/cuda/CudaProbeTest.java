package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CudaProbeTest {
    private static final Gpu CARD = new Gpu(0, "Test card", 8L << 30, 8, 6);

    @Test
    void aMissingDriverSaysSo() {
        CudaProbe p = CudaProbe.run(() -> {
            throw new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver-12.6.0-linux-x86_64\"\n"
                    + "/tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot open shared object file");
        }, true);
        assertEquals("no CUDA driver (libcuda.so.1 not found)", p.reason());
        assertNull(p.gpu());
    }

    @Test
    void aDriverWithoutCardSaysSo() {
        CudaProbe p = CudaProbe.run(() -> {
            throw new CudaUnavailable("no CUDA device");
        }, true);
        assertEquals("no CUDA device", p.reason());
    }

    @Test
    void missingKernelsAreReportedEvenWithACard() {
        CudaProbe p = CudaProbe.run(() -> CARD, false);
        assertEquals("kernels not compiled (no nvcc at build time)", p.reason());
        assertTrue(!p.available());
    }

    @Test
    void bothReasonsWhenBothAreMissing() {
        CudaProbe p = CudaProbe.run(() -> {
            throw new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver");
        }, false);
        assertTrue(p.reason().startsWith("JCuda failed to load earlier"), p.reason());
        assertTrue(p.reason().endsWith("; kernels not compiled (no nvcc at build time)"), p.reason());
    }

    @Test
    void aCardAndKernelsMakeItAvailable() {
        CudaProbe p = CudaProbe.run(() -> CARD, true);
        assertTrue(p.available());
        assertEquals(CARD, p.gpu());
    }

    /** The real probe on this machine: a GPU, or one of the expected reasons, never a class-loading error. */
    @Test
    void theRealProbeGivesACardOrAReason() {
        CudaProbe p = CudaProbe.result();
        if (p.available()) {
            assertNotNull(p.gpu());
            System.out.println("CUDA: " + p.gpu());
        } else {
            System.out.println("CUDA unavailable: " + p.reason());
            assertTrue(p.reason().startsWith("no CUDA driver") || p.reason().startsWith("no CUDA device")
                    || p.reason().startsWith("kernels not compiled"), p.reason());
        }
    }
}
