package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;

/**
 * The parity test through the bundle's whole Java path - JCuda, the driver calls, the
 * kernel arguments, shots in rounds, the store in host-mapped memory - with an emulated
 * CUDA driver (src/test/cuda/emulated_driver.cpp) in place of NVIDIA's: a libcuda.so.1
 * whose device memory is host memory and whose kernels are scalar.cu compiled for the
 * CPU. Its own failsafe run puts it on LD_LIBRARY_PATH, so JCuda's binding loads it; the
 * library is built here, before anything touches JCuda. The PTX itself is not run (but
 * must be there: the kernels' signatures come from it), so in a build without nvcc each
 * test is skipped with that reason, as the parity test is.
 */
class EmulatedDriverIT extends CudaParityTest {
    @BeforeAll
    static void buildTheDriver() throws Exception {
        Path dir = Path.of(System.getenv("LD_LIBRARY_PATH").split(":")[0]);
        HostEmulator.run(HostEmulator.compile("emulated_driver.cpp", dir.resolve("libcuda.so.1"), "-shared", "-fPIC"),
                "g++ (emulated CUDA driver)");
        CudaProbe probe = CudaProbe.result();
        boolean kernels = CudaProbe.class.getResource(CudaProbe.SCALAR_PTX) != null;
        assertTrue(probe.available() || !kernels, "the emulated driver did not load: " + probe.reason());
    }
}
