package org.seiche.acoustic.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.device.cuda.CudaDevice;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.device.cuda.spi.CudaGpu;

class CudaAcousticKernelTest {
    private static final CpuDevice CPU = new CpuDevice(1);
    /** The cuda device where CUDA cannot run: its context refuses with the reason. */
    private static final CudaDevice NO_DRIVER = CudaTesting.withoutDriver();

    @Test
    void theKernelIsForDeviceCuda() {
        assertEquals(CudaGpu.DEVICE, new CudaAcousticKernel(NO_DRIVER).deviceName());
    }

    @Test
    void theKernelRefusesAnotherDevice() {
        SeicheException e = assertThrows(SeicheException.class, () -> new CudaAcousticKernel(NO_DRIVER).prepare(null, Precision.FLOAT32, CPU));
        assertTrue(e.getMessage().contains("device cuda"), e.getMessage());
    }

    /** device: cuda without a GPU: the kernel fails with the device's reason, before touching JCuda. */
    @Test
    void theKernelSaysWhyItCannotRun() {
        SeicheException e = assertThrows(SeicheException.class, () -> new CudaAcousticKernel(NO_DRIVER).prepare(null, Precision.FLOAT32, NO_DRIVER));
        assertTrue(e.getMessage().contains("libcuda.so.1"), e.getMessage());
    }
}
