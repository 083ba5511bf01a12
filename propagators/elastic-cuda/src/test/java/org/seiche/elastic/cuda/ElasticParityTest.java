package org.seiche.elastic.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.Precision;
import org.seiche.api.Snapshots;
import org.seiche.device.cuda.CudaDevice;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.device.cuda.SnapshotFrames;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.elastic.spi.ElasticTap;

/**
 * The elastic CUDA kernels on a real GPU against the Java CPU kernel's portable loops in
 * their default mode, through the elastic propagator: receiver data, the vp, vs, rho and
 * source amplitude gradients, elastic_small and synthetic cases of every accuracy, relative
 * L2 within {@link CudaTesting#FLOAT32} and {@link CudaTesting#FLOAT64}; the adjoint against its forward
 * run by a dot product; elastic_small against Deepwave. Skipped, with the reason, where CUDA
 * cannot run.
 */
class ElasticParityTest {
    /** Inner steps between snapshot frames. */
    private static final int EVERY = 5;
    private CudaDevice device;
    private CudaElasticKernel kernel;

    /** Per test, so that each one is reported skipped with the reason. */
    @BeforeEach
    void gpu() {
        device = CudaTesting.deviceOrSkip("CUDA parity (elastic)");
        kernel = new CudaElasticKernel(device);
    }

    static Stream<ElasticCase> elasticCases() {
        return ElasticCase.cases();
    }

    @ParameterizedTest
    @MethodSource("elasticCases")
    void elasticFloat32(ElasticCase c) {
        compareElastic(c, Precision.FLOAT32, CudaTesting.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("elasticCases")
    void elasticFloat64(ElasticCase c) {
        compareElastic(c, Precision.FLOAT64, CudaTesting.FLOAT64);
    }

    /** Two shots one after the other, the stored terms in host memory. */
    @Test
    void elasticFloat32OnASmallGpu() throws Exception {
        ElasticCase c = ElasticCase.accuracy2FreeSurface();
        CudaTesting.withMemoryLimit(grid(c) * Float.BYTES * 30, () -> compareElastic(c, Precision.FLOAT32, CudaTesting.FLOAT32));
    }

    /** The data are linear in the source amplitudes: {@literal <F s, a> = <s, F^T a>}. */
    @Test
    void elasticAdjointIsTheTransposeOfTheForward() {
        ElasticCase c = ElasticCase.accuracy8Reflecting();
        ElasticCase.Result r = c.run(device, kernel, Precision.FLOAT64);
        CudaTesting.assertSourcesTranspose(c + " elastic", c.survey(), r.data(), c.adjointSources(r.data()), r.gradients());
    }

    /** elastic_small on the GPU in float32, within the case's own tolerances of Deepwave. */
    @Test
    void elasticSmallMatchesDeepwave() {
        ElasticCase c = ElasticCase.reference();
        ElasticCase.Result r = c.run(device, kernel, Precision.FLOAT32);
        CudaTesting.within(c + " CUDA vs Deepwave receiver data", r.data().get(0), ElasticCase.read("expected/receiver_data.npy"),
                1e-3);
        for (String p : ElasticCase.PARAMETERS) {
            CudaTesting.within(c + " CUDA vs Deepwave gradient_" + p, r.gradients().get(p),
                    ElasticCase.read("expected/gradient_" + p + ".npy"), 1e-2);
        }
    }

    /**
     * Snapshots on the GPU (every field of shot 1 of 2, forward and adjoint, every 5 steps):
     * the CPU's frames, and every result equal to the bit to a run without them; the shots at
     * once and in rounds.
     */
    @Test
    void snapshots() throws Exception {
        ElasticCase c = ElasticCase.accuracy2FreeSurface();
        for (Precision precision : Precision.values()) {
            double tolerance = precision == Precision.FLOAT64 ? CudaTesting.FLOAT64 : CudaTesting.FLOAT32;
            SnapshotFrames expected = new SnapshotFrames();
            c.run(ElasticCase.CPU, null, precision, snapshots(expected));
            int frames = 2 * ElasticTap.fieldNames().size() * (steps(c, precision) / EVERY);
            for (boolean rounds : new boolean[] {false, true}) {
                String what = c + " " + precision.label() + (rounds ? " in rounds" : "") + " elastic";
                SnapshotFrames heard = new SnapshotFrames();
                CudaTesting.withMemoryLimit(rounds ? grid(c) * DeviceArray.bytesPerValue(precision) * 30 : Long.MAX_VALUE,
                        () -> {
                            ElasticCase.Result plain = c.run(device, kernel, precision);
                            ElasticCase.Result taken = c.run(device, kernel, precision, snapshots(heard));
                            for (int g = 0; g < plain.data().size(); g++) {
                                SnapshotFrames.assertSame(plain.data().get(g), taken.data().get(g), what + " data " + g);
                            }
                            for (String name : plain.gradients().keySet()) {
                                SnapshotFrames.assertSame(plain.gradients().get(name), taken.gradients().get(name),
                                        what + " gradient " + name);
                            }
                        });
                heard.assertClose(expected, frames, tolerance, what + " CUDA vs CPU");
            }
        }
    }

    private static Snapshots snapshots(SnapshotFrames listener) {
        return new Snapshots(EVERY, ElasticTap.fieldNames(), new int[] {1}, true, listener);
    }

    /** The case's inner steps, as the frames a listener hears tell them: the last forward frame's step. */
    private static int steps(ElasticCase c, Precision precision) {
        int[] last = {0};
        c.run(ElasticCase.CPU, null, precision, new Snapshots(1, Set.of("vx"), new int[] {0}, false,
                (shot, step, field, adjoint, values) -> last[0] = Math.max(last[0], step)));
        return last[0];
    }

    /** Cells of the case's padded grid (as elasticFloat32OnASmallGpu counts them). */
    private static long grid(ElasticCase c) {
        int[] w = c.settings().widths(2);
        int halo = c.settings().accuracy();
        return (long) (c.model().get("vp").dim(0) + w[0] + w[1] + halo) * (c.model().get("vp").dim(1) + w[2] + w[3] + halo);
    }

    private void compareElastic(ElasticCase c, Precision precision, double tolerance) {
        ElasticCase.Result expected = c.run(ElasticCase.CPU, null, precision);
        ElasticCase.Result actual = c.run(device, kernel, precision);
        String what = c + " " + precision.label() + " elastic CUDA vs CPU";
        for (int g = 0; g < expected.data().size(); g++) {
            CudaTesting.within(what + " receiver data " + g, actual.data().get(g), expected.data().get(g), tolerance);
        }
        assertEquals(expected.gradients().keySet(), actual.gradients().keySet());
        for (String name : expected.gradients().keySet()) {
            CudaTesting.within(what + " gradient " + name, actual.gradients().get(name), expected.gradients().get(name), tolerance);
        }
    }

}
