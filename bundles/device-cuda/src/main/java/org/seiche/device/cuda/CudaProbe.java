package org.seiche.device.cuda;

/**
 * Whether CUDA can run here: a GPU, or the reason why not. Probed once per JVM, because a
 * failed load of JCuda's native binding cannot be retried.
 */
record CudaProbe(Gpu gpu, String reason) {
    /** The PTX of the scalar kernels, compiled by nvcc at build time when it was there. */
    static final String SCALAR_PTX = "ptx/scalar.ptx";
    /** The PTX of the elastic kernels, built with it. */
    static final String ELASTIC_PTX = "ptx/elastic.ptx";

    static CudaProbe result() {
        return Once.RESULT;
    }

    /** Runs the probe with the given driver check; for tests and for the one real run. */
    static CudaProbe run(java.util.function.Supplier<Gpu> driver, boolean kernels) {
        String missingKernels = kernels ? null : "kernels not compiled (no nvcc at build time)";
        try {
            Gpu gpu = driver.get();
            return new CudaProbe(missingKernels == null ? gpu : null, missingKernels);
        } catch (LinkageError e) {
            return new CudaProbe(null, join(linkReason(e), missingKernels));
        } catch (CudaUnavailable e) {
            return new CudaProbe(null, join(e.getMessage(), missingKernels));
        } catch (RuntimeException e) {
            // JCuda's CudaException: the driver is there but refuses (too old, device busy, ...)
            return new CudaProbe(null, join("CUDA driver error " + e.getMessage(), missingKernels));
        }
    }

    /** JCuda's UnsatisfiedLinkError lists every load attempt; keep what a user can act on. */
    static String linkReason(LinkageError e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("libcuda.so")) {
            return "no CUDA driver (libcuda.so.1 not found)";
        }
        if (e instanceof NoClassDefFoundError) {
            return "JCuda failed to load earlier in this JVM (" + message + ")";
        }
        return "JCuda's native library did not load (" + message.lines().findFirst().orElse("") + ")";
    }

    private static String join(String first, String second) {
        return second == null ? first : first + "; " + second;
    }

    boolean available() {
        return reason == null;
    }

    private static final class Once {
        static final CudaProbe RESULT = run(DriverProbe::firstDevice,
                CudaProbe.class.getResource(SCALAR_PTX) != null);
    }
}
