package org.seiche.device.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** PTX modules shipped in the bundle, as cuModuleLoadData wants them (NUL-terminated text). */
final class Ptx {
    private Ptx() {
    }

    static byte[] read(String resource) {
        try (InputStream in = Ptx.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CudaUnavailable("kernels not compiled (no nvcc at build time): " + resource + " is missing");
            }
            byte[] text = in.readAllBytes();
            return Arrays.copyOf(text, text.length + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
