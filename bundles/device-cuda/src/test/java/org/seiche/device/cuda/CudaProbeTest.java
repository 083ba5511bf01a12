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
        });
        assertEquals("no CUDA driver (libcuda.so.1 not found)", p.reason());
        assertNull(p.gpu());
    }

    @Test
    void aDriverThatRefusesSaysSo() {
        CudaProbe p = CudaProbe.run(() -> {
            throw new IllegalStateException("CUDA_ERROR_NO_DEVICE");
        });
        assertEquals("CUDA driver error CUDA_ERROR_NO_DEVICE", p.reason());
    }

    @Test
    void aDriverWithoutCardSaysSo() {
        CudaProbe p = CudaProbe.run(() -> {
            throw new CudaUnavailable("no CUDA device");
        });
        assertEquals("no CUDA device", p.reason());
    }

    @Test
    void aCardMakesItAvailable() {
        CudaProbe p = CudaProbe.run(() -> CARD);
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
            assertTrue(p.reason().startsWith("no CUDA driver") || p.reason().startsWith("no CUDA device"), p.reason());
        }
    }
}
