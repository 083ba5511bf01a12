package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.ScalarPropagator;

/**
 * The SIMD loops (Vector API) and the portable reference loops give the same receiver data
 * and gradients, in both precisions, with PML, a free surface and every accuracy.
 */
class KernelPathsTest {
    private static final ScalarPropagator SIMD = new ScalarPropagator(new CpuScalarKernel(true));
    private static final ScalarPropagator PORTABLE = new ScalarPropagator(new CpuScalarKernel(false));

    /**
     * 37 columns + PML: 55 domain columns, a whole number of 4- or 8-lane vectors once the rows
     * reach into the guard columns; 45 columns: 63, the same for 16 lanes (float32 in 512-bit
     * vectors); 40 columns: too many to spare, so the portable loops take row tails.
     */
    @ParameterizedTest(name = "{0} accuracy {1}, {2} columns")
    @CsvSource({"float64, 2, 37", "float64, 4, 37", "float64, 6, 37", "float64, 8, 37", "float32, 4, 37", "float32, 8, 37",
                "float32, 2, 45", "float32, 4, 45", "float32, 8, 45", "float64, 4, 45", "float32, 2, 40", "float32, 4, 40"})
    void simdMatchesPortable(String precision, int accuracy, int nx) {
        assertTrue(new CpuScalarKernel(true).vectorised(), "the tests run with --add-modules jdk.incubator.vector");
        Precision p = Precision.parse(precision);
        double tolerance = p == Precision.FLOAT64 ? 1e-12 : 1e-5;
        Random random = new Random(accuracy);
        int ny = 23;
        NdArray v = NdArray.zeros(ny, nx);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = 1800 + 300 * random.nextDouble();
        }
        PropagatorSettings settings = Setups.settings(accuracy, new int[] {0, 9, 11, 7}, 20, Double.NaN);
        SimulationSetup setup = Setups.setup(v, new double[] {5, 5}, settings, 0.001, Setups.random(random, 1, 2, 1, 120),
                Setups.locations(2, 1, 0, 5, 11, 30), Setups.locations(2, 2, 0, 36, 22, 0, 3, 3, 20, 20), p);
        Map<String, NdArray> simd = run(SIMD, setup);
        Map<String, NdArray> portable = run(PORTABLE, setup);
        for (String name : portable.keySet()) {
            double rel = Setups.relativeL2(simd.get(name), portable.get(name));
            System.out.printf("%s accuracy %d, %d columns, %s: SIMD vs portable rel-L2 %.2e%n", precision, accuracy, nx, name, rel);
            assertTrue(rel < tolerance, name + " differs by " + rel);
        }
    }

    /** Read at run time, so that no compiler folds the product below. */
    private static volatile float smallestNormal = Float.MIN_NORMAL;

    /**
     * The steps run with the processor flushing subnormals (org.seiche.wave.FlushToZero) on
     * whichever threads step them: here the caller's too, which steps one of the two bands
     * of a shot large enough to be split; after each run (forward, adjoint, Hessian-vector
     * product) it computes IEEE subnormals again, and the step listener, called from inside
     * the second-order loops' window, always computes them.
     */
    @Test
    void aRunLeavesTheCallersThreadInItsMode() {
        Random random = new Random(5);
        NdArray v = NdArray.filled(2000, 260, 260);
        PropagatorSettings settings = Setups.settings(4, new int[] {0, 9, 11, 7}, 20, Double.NaN);
        SimulationSetup plain = Setups.setup(v, new double[] {5, 5}, settings, 0.001, Setups.random(random, 1, 1, 1, 60),
                Setups.locations(1, 1, 130, 130), Setups.locations(1, 2, 100, 140, 200, 160), Precision.FLOAT32);
        AtomicLong heard = new AtomicLong();
        AtomicLong heardFlushed = new AtomicLong();
        SimulationSetup setup = new SimulationSetup(plain.model(), plain.survey(), plain.settings(), plain.device(),
                plain.precision(), shots -> {
                    heard.addAndGet(shots);
                    if (smallestNormal / 2 == 0) {
                        heardFlushed.addAndGet(shots);
                    }
                });
        try (Simulation sim = SIMD.prepare(setup); ForwardRun run = sim.forward(new int[] {0}, Set.of("v"))) {
            NdArray data = run.receiverData().get(0);
            assertTrue(java.util.Arrays.stream(data.data()).anyMatch(x -> x != 0), "a wave recorded");
            assertEquals(Float.MIN_NORMAL / 2, smallestNormal / 2, "a subnormal product after the forward run");
            run.adjoint(List.of(data));
            assertEquals(Float.MIN_NORMAL / 2, smallestNormal / 2, "a subnormal product after the adjoint run");
            long beforeHessian = heard.get();
            run.hessianVector(Map.of("v", NdArray.filled(1, 260, 260)), List.of(data), tangent -> tangent);
            assertEquals(Float.MIN_NORMAL / 2, smallestNormal / 2, "a subnormal product after the Hessian-vector product");
            assertTrue(heard.get() > beforeHessian, "the second-order loops tell the listener");
        }
        assertEquals(0, heardFlushed.get(), "steps heard in the flush-to-zero mode, of " + heard.get());
    }

    private static Map<String, NdArray> run(ScalarPropagator propagator, SimulationSetup setup) {
        try (Simulation sim = propagator.prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v", Simulation.SOURCE_AMPLITUDES))) {
            NdArray data = run.receiverData().get(0);
            Map<String, NdArray> out = new java.util.HashMap<>(run.adjoint(List.of(data)));
            out.put("data", data);
            return out;
        }
    }
}
