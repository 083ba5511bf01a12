package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.testing.TestDevice;
import org.seiche.wave.VectorSupport;

/**
 * The CPU kernel's ways to compute: its portable passes and its vector loops (when the
 * Vector API is there) give the same data and gradients to rounding, and so do a shot's
 * sweeps interleaved row by row (one thread per shot) and run one after another over row
 * chunks in parallel; and float32 really computes in float (its results differ from
 * float64 by float rounding, not zero).
 */
class KernelPathsTest {
    private static final int NY = 21;
    private static final int NX = 27;

    private static List<double[]> run(Precision precision) {
        return run(precision, Cases.DEVICE);
    }

    /** Receiver data and gradients of a case with PML, a zero-width top and every component. */
    private static List<double[]> run(Precision precision, Device device) {
        Survey survey = Cases.survey(0.0005, 80, List.of("y", "x", "p"),
                List.of(Cases.locations(2, 4, new int[] {0, 3}), Cases.locations(2, 3, new int[] {NY - 2, 7}),
                        Cases.locations(2, -2, new int[] {5, NX - 1})),
                List.of("y", "x", "p"),
                List.of(Cases.locations(2, 0, new int[] {0, 1}, new int[] {3, NX - 2}),
                        Cases.locations(2, 0, new int[] {NY - 2, 5}), Cases.locations(2, 0, new int[] {NY - 1, NX - 1})));
        PropagatorSettings settings = Cases.settings(4, 0, 6, 5, 7);
        List<double[]> out = new ArrayList<>();
        try (Simulation sim = Cases.prepare(Cases.velocityModel(NY, NX, 9), 5, survey, settings, precision, device);
             ForwardRun run = sim.forward(Cases.allShots(sim), Set.of("vp", "vs", "rho", Simulation.SOURCE_AMPLITUDES))) {
            Random r = new Random(4);
            List<NdArray> residual = new ArrayList<>();
            for (NdArray d : run.receiverData()) {
                out.add(d.data());
                residual.add(Cases.random(d.shape(), r));
            }
            Map<String, NdArray> g = run.adjoint(residual);
            for (String name : List.of("vp", "vs", "rho", Simulation.SOURCE_AMPLITUDES)) {
                out.add(g.get(name).data());
            }
        }
        return out;
    }

    private static double worst(List<double[]> a, List<double[]> b) {
        double worst = 0;
        for (int k = 0; k < a.size(); k++) {
            worst = Math.max(worst, ReferenceCaseTest.relL2(a.get(k), b.get(k)));
        }
        return worst;
    }

    private static List<double[]> withoutVectors(Function<Precision, List<double[]>> f, Precision p) {
        System.setProperty("seiche.vector", "false");
        try {
            assertFalse(VectorSupport.available(), "seiche.vector=false turns the vector loops off");
            return f.apply(p);
        } finally {
            System.clearProperty("seiche.vector");
        }
    }

    @Test
    void portablePassesAgreeWithVectorLoops() {
        // without the module this would compare the portable passes with themselves
        assertTrue(VectorSupport.available(), "the tests run with --add-modules jdk.incubator.vector");
        List<double[]> portable = withoutVectors(KernelPathsTest::run, Precision.FLOAT64);
        List<double[]> vectors = run(Precision.FLOAT64);
        double e = worst(portable, vectors);
        System.out.printf("portable vs vector loops: worst rel-L2 %.1e%n", e);
        assertTrue(e < 1e-12, "rel-L2 " + e);
    }

    @Test
    void rowChunksAgreeWithInterleavedSweeps() {
        for (Precision p : Precision.values()) {
            // the case's 2 shots: each on its own thread (interleaved sweeps), or one after
            // another with their rows split over 3 threads (sweeps over row chunks)
            List<double[]> interleaved = run(p, new TestDevice(1));
            List<double[]> chunked = run(p, new TestDevice(3));
            double e = worst(interleaved, chunked);
            System.out.printf("%s interleaved vs row chunks: worst rel-L2 %.1e%n", p.label(), e);
            assertTrue(e < 1e-12, "rel-L2 " + e);
        }
    }

    @Test
    void float32ComputesInFloat() {
        List<double[]> single = run(Precision.FLOAT32);
        List<double[]> twice = run(Precision.FLOAT64);
        double e = worst(single, twice);
        System.out.printf("float32 vs float64: worst rel-L2 %.1e%n", e);
        assertTrue(e < 1e-4, "rel-L2 " + e);
        assertNotEquals(0, e);
        List<double[]> portable = withoutVectors(KernelPathsTest::run, Precision.FLOAT32);
        assertTrue(worst(portable, single) < 1e-4);
    }

    /** Read at run time, so that no compiler folds the products below. */
    private static volatile float smallestNormal = Float.MIN_NORMAL;

    /**
     * The steps run with the processor flushing subnormals (org.seiche.wave.FlushToZero),
     * on the caller's thread too (alone, or stepping a band of rows beside a team); after the
     * forward and the adjoint run it computes IEEE subnormals again, and the step listener,
     * called from inside the loops, always computes them.
     */
    @Test
    void aRunLeavesTheCallersThreadInItsMode() {
        for (Device device : List.of(new TestDevice(1), new TestDevice(2))) {
            Survey survey = Cases.survey(0.002, 60, List.of("y"), List.of(Cases.locations(1, 3, new int[] {3, 6})),
                    List.of("y"), List.of(Cases.locations(1, 3, new int[] {2, 10})));
            AtomicLong heard = new AtomicLong();
            AtomicLong heardFlushed = new AtomicLong();
            SimulationSetup setup = new SimulationSetup(new Model(new double[] {5, 5}, Cases.velocityModel(16, 20, 3)), survey,
                    Cases.settings(4, 6), device, Precision.FLOAT32, shots -> {
                        heard.addAndGet(shots);
                        if (smallestNormal / 2 == 0) {
                            heardFlushed.addAndGet(shots);
                        }
                    });
            String what = device.threads() + " thread(s)";
            try (Simulation sim = new ElasticPropagator(new CpuElasticKernel()).prepare(setup); ForwardRun run = sim.forward(new int[] {0}, Set.of("vp"))) {
                assertEquals(Float.MIN_NORMAL / 2, smallestNormal / 2, what + ": a subnormal product after the forward run");
                run.adjoint(new ArrayList<>(run.receiverData()));
                assertEquals(Float.MIN_NORMAL / 2, smallestNormal / 2, what + ": a subnormal product after the adjoint run");
            }
            assertTrue(heard.get() > 0, what + ": steps heard");
            assertEquals(0, heardFlushed.get(), what + ": steps heard in the flush-to-zero mode, of " + heard.get());
        }
    }
}
