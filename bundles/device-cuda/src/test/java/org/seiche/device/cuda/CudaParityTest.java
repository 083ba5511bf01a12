package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.scalar.ScalarOperator;

/**
 * The CUDA kernels on a real GPU against the Java CPU kernels in their default mode (the
 * processor flushing subnormals), their portable loops, which sum in the CUDA kernels' order:
 * scalar (every case of the host-emulation test: forward samples, source-term and v^2 dt^2
 * gradients), Born (scattered and background samples, the ratio, source-term and v^2 dt^2
 * gradients, with and without the background adjoint) and elastic (through the elastic
 * propagator: receiver data, the vp, vs, rho and source amplitude gradients, elastic_small
 * and synthetic cases of every accuracy), relative L2 within {@link #FLOAT32} and
 * {@link #FLOAT64}; the adjoints against their forward runs by dot products; elastic_small against
 * Deepwave. Skipped, with the reason, where CUDA cannot run.
 */
class CudaParityTest {
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
    static final double FLOAT32 = 3e-5;
    /** Float64 stores no value near its threshold (2^-998): the emulation gives the CPU's numbers exactly. */
    static final double FLOAT64 = 1e-12;

    private CudaDevice device;

    private static boolean shown;

    /**
     * Per test, so that each one is reported skipped with the reason; not in a @BeforeAll,
     * which would probe before a subclass's @BeforeAll could provide a driver.
     */
    @BeforeEach
    void gpu() {
        CudaProbe probe = CudaProbe.result();
        if (!shown) {
            shown = true;
            System.out.println("CUDA parity: " + (probe.available() ? "on " + probe.gpu() : "skipped, " + probe.reason()));
        }
        assumeTrue(probe.available(), "CUDA cannot run here: " + probe.reason());
        device = new CudaDevice();
    }

    static Stream<ScalarCase> cases() {
        return ScalarHostEmulationTest.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float32(ScalarCase c) throws Exception {
        compare(c, Precision.FLOAT32, FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float64(ScalarCase c) throws Exception {
        compare(c, Precision.FLOAT64, FLOAT64);
    }

    /** A GPU that seems to hold one shot's wavefields and little more: shots in rounds, the store in host memory. */
    @ParameterizedTest
    @MethodSource("cases")
    void float32OnASmallGpu(ScalarCase c) throws Exception {
        long cells = c.prepare(Precision.FLOAT32).problem().grid().cells();
        withMemoryLimit(cells * Float.BYTES * 14, () -> compare(c, Precision.FLOAT32, FLOAT32));
    }

    static Stream<ScalarCase> bornCases() {
        return Stream.concat(Stream.of(ScalarCase.synthetic()),
                ScalarCase.references().filter(c -> c.name().equals("scalar_accuracy8_multishot")));
    }

    @ParameterizedTest
    @MethodSource("bornCases")
    void bornFloat32(ScalarCase c) throws Exception {
        compareBorn(c, Precision.FLOAT32, FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("bornCases")
    void bornFloat64(ScalarCase c) throws Exception {
        compareBorn(c, Precision.FLOAT64, FLOAT64);
    }

    /** Born's shots in rounds and its stored steps in host memory. */
    @ParameterizedTest
    @MethodSource("bornCases")
    void bornFloat32OnASmallGpu(ScalarCase c) throws Exception {
        long cells = c.prepare(Precision.FLOAT32).problem().grid().cells();
        withMemoryLimit(cells * Float.BYTES * 26, () -> compareBorn(c, Precision.FLOAT32, FLOAT32));
    }

    /** The scattered data are linear in r: {@literal <J r, a> = <r, J^T a>}, J^T a the ratio gradient. */
    @ParameterizedTest
    @MethodSource("bornCases")
    void bornAdjointIsTheTransposeOfTheForward(ScalarCase c) throws Exception {
        ScalarCase.Prepared p = c.prepare(Precision.FLOAT64);
        NdArray ratio = BornKernelRun.ratio(p.problem().grid());
        NdArray a = BornKernelRun.adjoint(p);
        try (ScalarOperator gpu = new CudaScalarKernel().load(p.problem().grid(), Precision.FLOAT64, device)) {
            BornKernelRun run = BornKernelRun.of(gpu, p, ratio, a, false);
            assertTranspose(c + " Born", dot(run.scattered().data(), a.data()), dot(ratio.data(), run.ratioGradient().data()));
        }
    }

    private void compareBorn(ScalarCase c, Precision precision, double tolerance) throws Exception {
        ScalarCase.Prepared p = c.prepare(precision);
        NdArray ratio = BornKernelRun.ratio(p.problem().grid());
        NdArray a = BornKernelRun.adjoint(p);
        try (ScalarOperator gpu = new CudaScalarKernel().load(p.problem().grid(), precision, device)) {
            for (boolean velocity : new boolean[] {true, false}) {
                BornKernelRun expected = BornKernelRun.of(p.problem().operator(), p, ratio, a, velocity);
                BornKernelRun.of(gpu, p, ratio, a, velocity).assertClose(expected, tolerance,
                        c + " " + precision.label() + (velocity ? " (with v)" : "") + " Born CUDA vs CPU");
            }
        }
    }

    static Stream<ElasticCase> elasticCases() {
        return ElasticCase.cases();
    }

    @ParameterizedTest
    @MethodSource("elasticCases")
    void elasticFloat32(ElasticCase c) {
        compareElastic(c, Precision.FLOAT32, FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("elasticCases")
    void elasticFloat64(ElasticCase c) {
        compareElastic(c, Precision.FLOAT64, FLOAT64);
    }

    /** Two shots one after the other, the stored terms in host memory. */
    @Test
    void elasticFloat32OnASmallGpu() throws Exception {
        ElasticCase c = ElasticCase.accuracy2FreeSurface();
        int[] w = c.settings().widths(2);
        int halo = c.settings().accuracy();
        long grid = (long) (c.model().get("vp").dim(0) + w[0] + w[1] + halo) * (c.model().get("vp").dim(1) + w[2] + w[3] + halo);
        withMemoryLimit(grid * Float.BYTES * 30, () -> compareElastic(c, Precision.FLOAT32, FLOAT32));
    }

    /** The data are linear in the source amplitudes: {@literal <F s, a> = <s, F^T a>}. */
    @Test
    void elasticAdjointIsTheTransposeOfTheForward() {
        ElasticCase c = ElasticCase.accuracy8Reflecting();
        ElasticCase.Result r = c.run(device, new CudaElasticKernel(), Precision.FLOAT64);
        List<NdArray> a = c.adjointSources(r.data());
        double data = 0;
        for (int g = 0; g < a.size(); g++) {
            data += dot(r.data().get(g).data(), a.get(g).data());
        }
        double sources = 0;
        for (int g = 0; g < c.survey().sources().size(); g++) {
            String name = Simulation.SOURCE_AMPLITUDES + (g == 0 ? "" : "_" + g);
            sources += dot(c.survey().sources().get(g).amplitudes().data(), r.gradients().get(name).data());
        }
        assertTranspose(c + " elastic", data, sources);
    }

    /** elastic_small on the GPU in float32, within the case's own tolerances of Deepwave. */
    @Test
    void elasticSmallMatchesDeepwave() {
        ElasticCase c = ElasticCase.reference();
        ElasticCase.Result r = c.run(device, new CudaElasticKernel(), Precision.FLOAT32);
        KernelRun.within(c + " CUDA vs Deepwave receiver data", r.data().get(0), ElasticCase.read("expected/receiver_data.npy"),
                1e-3);
        for (String p : ElasticCase.PARAMETERS) {
            KernelRun.within(c + " CUDA vs Deepwave gradient_" + p, r.gradients().get(p),
                    ElasticCase.read("expected/gradient_" + p + ".npy"), 1e-2);
        }
    }

    private void compareElastic(ElasticCase c, Precision precision, double tolerance) {
        ElasticCase.Result expected = c.run(ScalarCase.CPU, null, precision);
        ElasticCase.Result actual = c.run(device, new CudaElasticKernel(), precision);
        String what = c + " " + precision.label() + " elastic CUDA vs CPU";
        for (int g = 0; g < expected.data().size(); g++) {
            KernelRun.within(what + " receiver data " + g, actual.data().get(g), expected.data().get(g), tolerance);
        }
        assertEquals(expected.gradients().keySet(), actual.gradients().keySet());
        for (String name : expected.gradients().keySet()) {
            KernelRun.within(what + " gradient " + name, actual.gradients().get(name), expected.gradients().get(name), tolerance);
        }
    }

    /** Runs a check as on a GPU that seems to have only that many bytes free. */
    private static void withMemoryLimit(long bytes, Check check) throws Exception {
        System.setProperty(CudaContext.MEMORY_LIMIT, String.valueOf(bytes));
        try {
            check.run();
        } finally {
            System.clearProperty(CudaContext.MEMORY_LIMIT);
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void assertTranspose(String what, double forward, double adjoint) {
        double rel = Math.abs(forward - adjoint) / Math.abs(forward);
        System.out.printf("%s dot product: <J x, a> %.12e, <x, J^T a> %.12e, relative difference %.1e%n", what, forward,
                adjoint, rel);
        assertTrue(forward != 0 && rel < 1e-12, what + ": adjoint is not the transpose, relative difference " + rel);
    }

    private void compare(ScalarCase c, Precision precision, double tolerance) throws Exception {
        ScalarCase.Prepared p = c.prepare(precision);
        ScalarOperator cpu = p.problem().operator();
        NdArray adjoint = KernelRun.of(cpu, p, null).innerAdjoint(p);
        KernelRun expected = KernelRun.of(cpu, p, adjoint);
        try (ScalarOperator gpu = new CudaScalarKernel().load(p.problem().grid(), precision, device)) {
            KernelRun.of(gpu, p, adjoint).assertClose(expected, tolerance, c + " " + precision.label() + " CUDA vs CPU");
        }
    }
}
