package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.seiche.api.Device;

/**
 * The built bundle on its own: its embedded JCuda classes and the driver binding under
 * /lib, loaded through a class loader that sees only the bundle and the api it imports
 * (as inside the framework), not the jcuda jars of the build. Without a driver the
 * device must come up and say "libcuda.so.1 not found", not fail to find a class.
 */
class BundleJarIT {
    @Test
    void theBundleLoadsJCudaFromItsOwnContent() throws Exception {
        Path jar = Path.of(System.getProperty("seiche.bundle"));
        URL[] urls = {jar.toUri().toURL(), codeSource(Device.class)};
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> device = loader.loadClass(CudaDevice.class.getName());
            assertEquals(jar.toUri().toURL(), device.getProtectionDomain().getCodeSource().getLocation());
            assertTrue(loader.getResource("lib/libJCudaDriver-12.6.0-linux-x86_64.so") != null, "driver binding missing");
            Object cuda = device.getConstructor().newInstance();
            String reason = (String) device.getMethod("unavailableReason").invoke(cuda);
            System.out.println("bundle jar: cuda " + (reason == null ? "available" : "unavailable: " + reason));
            assertTrue(reason == null || reason.startsWith("no CUDA driver (libcuda.so.1 not found)")
                    || reason.startsWith("no CUDA device"), reason);
        }
    }

    private static URL codeSource(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }
}
