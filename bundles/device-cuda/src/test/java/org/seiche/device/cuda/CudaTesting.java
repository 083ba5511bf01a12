package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.seiche.api.NdArray;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;
import org.seiche.device.cuda.spi.CudaContext;

/**
 * What the kernel bundles' tests share (this module's test-jar): the cuda device or the
 * reason it cannot run, a smaller GPU, relative errors and dot products, and the g++ builds
 * of the kernels for the CPU (host emulation and the emulated driver). g++ includes the
 * kernel module's src/main/cuda and src/test/cuda, then this module's (flush.cuh,
 * host_shim.h, emulated_driver.cpp), found through the system property seiche.cudaDevice.
 */
public final class CudaTesting {
    /**
     * Relative L2 allowed against the CPU kernels in their default mode (the processor
     * flushing subnormals, org.seiche.wave.FlushToZero). The CUDA kernels store values below
     * 2^-102 (float32) as zero, as the CPU kernels do only where that mode is missing; with
     * the same arithmetic otherwise (--fmad=false, the CPU's summation order) that threshold
     * is the whole difference: the host emulation, whose arithmetic a card repeats, is
     * bit-identical to the CPU kernels in their Java-flush mode and differs from the default
     * mode by at most 1.6e-5 (Born's v^2 dt^2 gradient on scalar_accuracy8_multishot; scalar
     * 1.4e-5, edge_gradient_freesurface's source-term gradient; elastic 1.9e-6). Twice that
     * worst figure; an indexing or argument error gives O(1).
     */
    public static final double FLOAT32 = 3e-5;
    /** Float64 stores no value near its threshold (2^-998): the emulation gives the CPU's numbers exactly. */
    public static final double FLOAT64 = 1e-12;
    private static boolean shown;

    private CudaTesting() {
    }

    /** The cuda device when CUDA can run here; else the calling test is skipped with the reason. */
    public static CudaDevice deviceOrSkip(String what) {
        CudaProbe probe = CudaProbe.result();
        if (!shown) {
            shown = true;
            System.out.println(what + ": " + (probe.available() ? "on " + probe.gpu() : "skipped, " + probe.reason()));
        }
        assumeTrue(probe.available(), "CUDA cannot run here: " + probe.reason());
        return new CudaDevice();
    }

    /** A cuda device whose probe found no driver: what a kernel meets on a machine without a GPU. */
    public static CudaDevice withoutDriver() {
        return new CudaDevice(new CudaProbe(null, "no CUDA driver (libcuda.so.1 not found)"), new CudaDevice.Shared(), 1);
    }

    /** Runs a check as on a GPU that seems to have only that many bytes free. */
    public static void withMemoryLimit(long bytes, Check check) throws Exception {
        System.setProperty(CudaContext.MEMORY_LIMIT, String.valueOf(bytes));
        try {
            check.run();
        } finally {
            System.clearProperty(CudaContext.MEMORY_LIMIT);
        }
    }

    /** A check that may throw. */
    public interface Check {
        void run() throws Exception;
    }

    /** Asserts actual within a relative L2 error of expected (which must not be all zero), prints and returns it. */
    public static double within(String what, NdArray actual, NdArray expected, double tolerance) {
        assertEquals(expected.shapeString(), actual.shapeString(), what + " shape");
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.size(); i++) {
            double d = actual.data()[i] - expected.data()[i];
            num += d * d;
            den += expected.data()[i] * expected.data()[i];
        }
        double rel = Math.sqrt(num / den);
        System.out.printf("%s: rel-L2 %.3e (tolerance %.0e)%n", what, rel, tolerance);
        assertTrue(den > 0, what + ": the expected values are all zero, nothing is compared");
        assertTrue(rel <= tolerance, what + ": rel-L2 " + rel + " > " + tolerance);
        return rel;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * d mse / d data against observed (the same for every group) or, without it, seeded noise:
     * the adjoint sources of the parity cases.
     */
    public static List<NdArray> adjointSources(List<NdArray> data, NdArray observed) {
        List<NdArray> out = new ArrayList<>();
        Random random = new Random(4);
        for (NdArray d : data) {
            NdArray a = NdArray.zeros(d.shape());
            for (int i = 0; i < a.size(); i++) {
                a.data()[i] = observed != null ? 2 * (d.data()[i] - observed.data()[i]) / d.size() : random.nextGaussian();
            }
            out.add(a);
        }
        return out;
    }

    /**
     * Asserts that the data are linear in the source amplitudes, {@literal <F s, a> = <s, F^T a>}:
     * data and adjoint per receiver group, gradients with every source group's amplitudes.
     */
    public static void assertSourcesTranspose(String what, Survey survey, List<NdArray> data, List<NdArray> adjoint,
                                              Map<String, NdArray> gradients) {
        double forward = 0;
        for (int g = 0; g < adjoint.size(); g++) {
            forward += dot(data.get(g).data(), adjoint.get(g).data());
        }
        double sources = 0;
        for (int g = 0; g < survey.sources().size(); g++) {
            String name = Simulation.SOURCE_AMPLITUDES + (g == 0 ? "" : "_" + g);
            sources += dot(survey.sources().get(g).amplitudes().data(), gradients.get(name).data());
        }
        assertTranspose(what, forward, sources);
    }

    /** Asserts {@literal <J x, a> = <x, J^T a>} to 1e-12 (float64). */
    public static void assertTranspose(String what, double forward, double adjoint) {
        double rel = Math.abs(forward - adjoint) / Math.abs(forward);
        System.out.printf("%s dot product: <J x, a> %.12e, <x, J^T a> %.12e, relative difference %.1e%n", what, forward,
                adjoint, rel);
        assertTrue(forward != 0 && rel < 1e-12, what + ": adjoint is not the transpose, relative difference " + rel);
    }

    /** g++ on one C++ file (of the module's src/test/cuda, or this module's), strict warnings, extra options before the file. */
    public static List<String> compile(String source, Path output, String... options) {
        Path device = Path.of(System.getProperty("seiche.cudaDevice", "../../bundles/device-cuda"));
        Path file = Path.of("src/test/cuda", source);
        if (!file.toFile().exists()) {
            file = device.resolve(file);
        }
        List<String> command = new ArrayList<>(List.of("g++", "-O2", "-std=c++17", "-Wall", "-Wextra", "-Werror",
                "-I", "src/main/cuda", "-I", "src/test/cuda", "-I", device.resolve("src/main/cuda").toString(), "-I",
                device.resolve("src/test/cuda").toString()));
        command.addAll(List.of(options));
        command.addAll(List.of(file.toString(), "-o", output.toString()));
        return command;
    }

    /**
     * Builds the emulated CUDA driver (src/test/cuda/emulated_driver.cpp with the module's
     * emulated_kernels.h) as libcuda.so.1 in the first folder of LD_LIBRARY_PATH, before
     * anything touches JCuda; then the probe must find it (unless the module ships no PTX).
     */
    public static void buildEmulatedDriver(boolean kernels) throws IOException, InterruptedException {
        Path dir = Path.of(System.getenv("LD_LIBRARY_PATH").split(":")[0]);
        run(compile("emulated_driver.cpp", dir.resolve("libcuda.so.1"), "-shared", "-fPIC"), "g++ (emulated CUDA driver)");
        CudaProbe probe = CudaProbe.result();
        assertTrue(probe.available() || !kernels, "the emulated driver did not load: " + probe.reason());
    }

    /** Runs a build or emulation step; fails with its output when it does not exit 0. */
    public static void run(List<String> command, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(what + " failed:\n" + String.join(" ", command) + "\n" + output);
        }
    }
}
