package org.seiche.wave;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.seiche.api.Snapshots;
import org.seiche.api.StepListener;
import org.seiche.api.WavefieldListener;

/**
 * The processor's flush-to-zero and denormals-are-zero modes for the thread running a time
 * loop's steps (x86-64 Linux, through a small native library the build compiles with gcc).
 * In these modes the CPU makes subnormal numbers zero itself, at no cost, so a kernel's
 * SIMD loops need not flush every stored vector (three instructions each; the scalar
 * 4-shot forward ran 1.11x faster without them). Subnormals appear ahead of every
 * wavefront and where the PML fields decay, and computing with them is 20 to 100 times
 * slower; only their value, below 1.2e-38 in float32, is lost. Where the library is missing
 * (another platform, no gcc at build time) or -Dseiche.flushToZero=false, kernels flush in
 * Java instead; when the library was there to load and did not (a noexec temporary folder,
 * another platform), one line on stderr says so, and a run's summary.json records which
 * mode ran ({@link #SUBNORMALS}).
 * <p>
 * Every enable is paired with a restore on the same thread, so a caller's thread leaves a
 * run in the mode it came in with; step listeners run in their caller's mode
 * ({@link #outside}).
 */
public final class FlushToZero {
    /** Whether the modes can be set: the kernels then leave subnormals to the processor. */
    public static final boolean AVAILABLE = Boolean.parseBoolean(System.getProperty("seiche.flushToZero", "true")) && load();

    /** Who makes subnormals zero in the kernels: "processor" (these modes) or "java" (the kernels' own flush). */
    public static final String SUBNORMALS = AVAILABLE ? "processor" : "java";

    private FlushToZero() {
    }

    /** Sets both modes on the calling thread; returns its previous mode for {@link #restore}. */
    public static int enable() {
        return AVAILABLE ? enable0() : 0;
    }

    /** Puts back the mode {@link #enable} returned, on the thread that called it. */
    public static void restore(int mode) {
        if (AVAILABLE) {
            restore0(mode);
        }
    }

    /** Runs work with both modes set on the calling thread, then puts its mode back. */
    public static void run(Runnable work) {
        int mode = enable();
        try {
            work.run();
        } finally {
            restore(mode);
        }
    }

    /**
     * The listener, told of steps from inside a window of these modes on any thread, run in
     * the mode of the thread that calls this (a run's caller): third-party code computes with
     * the subnormals its caller computes with. The modes are back for the steps after it.
     */
    public static StepListener outside(StepListener listener) {
        if (!AVAILABLE || listener == StepListener.NONE) {
            return listener;
        }
        int caller = enable0();
        restore0(caller);
        return shots -> {
            int window = swap0(caller);
            try {
                listener.stepped(shots);
            } finally {
                restore0(window);
            }
        };
    }

    /** Snapshots whose listener runs in the caller's mode, as {@link #outside(StepListener)} does for steps. */
    public static Snapshots outside(Snapshots snapshots) {
        if (!AVAILABLE || snapshots == null) {
            return snapshots;
        }
        int caller = enable0();
        restore0(caller);
        WavefieldListener listener = snapshots.listener();
        return new Snapshots(snapshots.every(), snapshots.fields(), snapshots.shots(), snapshots.adjoint(),
                (shot, step, field, adjoint, values) -> {
                    int window = swap0(caller);
                    try {
                        listener.wavefield(shot, step, field, adjoint, values);
                    } finally {
                        restore0(window);
                    }
                });
    }

    private static native int enable0();

    private static native void restore0(int mode);

    /** Sets the mode, returns the one it replaced. */
    private static native int swap0(int mode);

    /** Loads the library from this class's resources: copied to a file, loaded, and the file removed. */
    private static boolean load() {
        if (!System.getProperty("os.name", "").startsWith("Linux") || !"amd64".equals(System.getProperty("os.arch"))) {
            return unavailable("this platform is " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + ", the library is for x86-64 Linux");
        }
        try (InputStream in = FlushToZero.class.getResourceAsStream("libseiche-flush-to-zero.so")) {
            if (in == null) {
                return unavailable("the build had no gcc to compile it");
            }
            Path library = Files.createTempFile("seiche-flush-to-zero", ".so");
            try {
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
                System.load(library.toString());
            } finally {
                Files.deleteIfExists(library); // the loaded library stays mapped
            }
            return true;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            return unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Says once (this class loads once) that the kernels flush in Java: results move in the last bits, speed falls. */
    private static boolean unavailable(String why) {
        System.err.println("warning: subnormals flushed in Java, not by the processor (seiche's flush-to-zero library did not load: "
                + why + "); the kernels run slower");
        return false;
    }
}
