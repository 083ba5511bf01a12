package org.seiche.device.cuda.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.seiche.api.SeicheException;

/**
 * PTX modules shipped in a kernel bundle, as cuModuleLoadData wants them (NUL-terminated
 * text). A kernel bundle built without nvcc ships none: its kernels then refuse to load.
 */
public final class Ptx {
    private Ptx() {
    }

    /** Whether the owner's bundle holds that PTX resource. */
    public static boolean present(Class<?> owner, String resource) {
        return owner.getResource(resource) != null;
    }

    /** The text of a PTX resource of the owner's bundle (relative to the owner class). */
    public static byte[] read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SeicheException("device: cuda: kernels not compiled (no nvcc at build time): " + resource
                        + " is missing from " + owner.getPackageName());
            }
            byte[] text = in.readAllBytes();
            return Arrays.copyOf(text, text.length + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
