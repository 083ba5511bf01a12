package org.seiche.device.cuda;

/**
 * Whether CUDA can run here: a GPU, or the reason why not. Probed once per JVM, because a
 * failed load of JCuda's native binding cannot be retried.
 */
record CudaProbe(Gpu gpu, String reason) {
    static CudaProbe result() {
        return Once.RESULT;
    }

    /** Runs the probe with the given driver check; for tests and for the one real run. */
    static CudaProbe run(java.util.function.Supplier<Gpu> driver) {
        try {
            return new CudaProbe(driver.get(), null);
        } catch (LinkageError e) {
            return new CudaProbe(null, linkReason(e));
        } catch (CudaUnavailable e) {
            return new CudaProbe(null, e.getMessage());
        } catch (RuntimeException e) {
            // JCuda's CudaException: the driver is there but refuses (too old, device busy, ...)
            return new CudaProbe(null, "CUDA driver error " + e.getMessage());
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

    boolean available() {
        return reason == null;
    }

    private static final class Once {
        static final CudaProbe RESULT = run(DriverProbe::firstDevice);
    }
}
