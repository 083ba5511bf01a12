package org.seiche.acoustic.cuda;

import org.junit.jupiter.api.BeforeAll;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.device.cuda.spi.Ptx;

/**
 * The parity test through the kernels' whole Java path - JCuda, the driver calls, the
 * kernel arguments, shots in rounds, the store in host-mapped memory - with an emulated
 * CUDA driver (bundles/device-cuda/src/test/cuda/emulated_driver.cpp with this module's
 * emulated_kernels.h) in place of NVIDIA's: a libcuda.so.1 whose device memory is host
 * memory and whose kernels are acoustic.cu compiled for the CPU. Its own failsafe run puts it
 * on LD_LIBRARY_PATH, so JCuda's binding loads it; the library is built here, before
 * anything touches JCuda. The PTX itself is not run (but must be there: the kernels'
 * signatures come from it).
 */
class EmulatedDriverIT extends AcousticParityTest {
    @BeforeAll
    static void buildTheDriver() throws Exception {
        CudaTesting.buildEmulatedDriver(Ptx.present(AcousticFunctions.class, AcousticFunctions.PTX));
    }
}
