package org.seiche.tests.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.FrameworkUtil;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.seiche.api.Device;
import org.seiche.api.Loss;
import org.seiche.api.Mapping;
import org.seiche.api.NdArray;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.Propagator;
import org.seiche.api.ShotExecutor;

/** Each kind of plugin, found by its name property among the services DS registered, does its job. */
@ExtendWith(ServiceExtension.class)
class PluginsInFrameworkTest {
    @InjectService(filter = "(" + Propagator.PROPERTY + "=scalar)", timeout = 10_000)
    Propagator scalar;

    @InjectService(filter = "(" + Propagator.PROPERTY + "=born)", timeout = 10_000)
    Propagator born;

    @InjectService(filter = "(" + Device.PROPERTY + "=cpu)", timeout = 10_000)
    Device cpu;

    @InjectService(filter = "(" + Loss.PROPERTY + "=mse)", timeout = 10_000)
    Loss mse;

    @InjectService(filter = "(" + Mapping.PROPERTY + "=bounds)", timeout = 10_000)
    Mapping bounds;

    @InjectService(filter = "(" + Optimiser.PROPERTY + "=lbfgs)", timeout = 10_000)
    Optimiser lbfgs;

    @InjectService(filter = "(" + ShotExecutor.PROPERTY + "=local)", timeout = 10_000)
    ShotExecutor local;

    @Test
    void scalarPropagatorHasItsCpuKernel() {
        assertEquals("scalar", scalar.name());
        assertTrue(scalar.parameterNames().contains("v"), "scalar reads v: " + scalar.parameterNames());
        assertTrue(scalar.kernelDevices().contains("cpu"), "the cpu kernel is registered: " + scalar.kernelDevices());
    }

    /** Born is the scalar family's second component: the same bundle, the same kernels. */
    @Test
    void bornComesFromTheScalarBundleWithItsKernels() {
        assertEquals("born", born.name());
        assertTrue(born.parameterNames().containsAll(List.of("v", "scatter")),
                "born reads v and scatter: " + born.parameterNames());
        assertEquals(scalar.kernelDevices(), born.kernelDevices());
        assertEquals("seiche-propagator-scalar", FrameworkUtil.getBundle(born.getClass()).getSymbolicName());
        assertEquals(FrameworkUtil.getBundle(scalar.getClass()), FrameworkUtil.getBundle(born.getClass()));
    }

    @Test
    void cpuDeviceRunsEveryTaskOnce() {
        assertNull(cpu.unavailableReason());
        Device two = cpu.withThreads(2);
        assertEquals(2, two.threads());
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        two.parallel(runs.length(), runs::incrementAndGet);
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "task " + i);
        }
    }

    /** Its derivatives are checked by the loss contract (MseContractInFrameworkTest); here, its value. */
    @Test
    void mseIsTheMeanSquaredResidualOverTheSurvey() {
        NdArray data = new NdArray(new int[] {2, 1, 3}, new double[] {1, 2, 3, 4, 5, 6});
        NdArray observed = NdArray.filled(1, 2, 1, 3);
        // squared residuals 0+1+4+9+16+25 = 55 over the 6 samples of the 2 shots; a survey of 4 shots has 12
        assertEquals(55.0 / 6, mse.value(data, observed, 2), 1e-12);
        assertEquals(55.0 / 12, mse.value(data, observed, 4), 1e-12);
    }

    @Test
    void boundsRoundTripsInsideAndClampsOutside() {
        Mapping.Link link = bounds.create(Map.of("min", 1.0, "max", 2.0), null, null);
        NdArray inside = new NdArray(new int[] {3}, new double[] {1.0, 1.5, 2.0});
        assertArrayEquals(inside.data(), link.toInversion(link.toSimulation(inside)).data(), 0);
        NdArray outside = new NdArray(new int[] {3}, new double[] {0.5, 1.5, 3.0});
        assertArrayEquals(new double[] {1.0, 1.5, 2.0}, link.project(outside).data(), 0);
        NdArray g = NdArray.filled(7, 3);
        assertArrayEquals(new double[] {0, 7, 0}, link.gradientToInversion(outside, g).data(), 0);
    }

    @Test
    void lbfgsMinimisesAQuadratic() {
        double[] centre = {3, -1, 0.5, 2};
        double[] curvature = {1, 4, 9, 2};
        Objective quadratic = x -> {
            double loss = 0;
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double r = x[i] - centre[i];
                loss += 0.5 * curvature[i] * r * r;
                g[i] = curvature[i] * r;
            }
            return new Objective.Evaluation(loss, g);
        };
        Optimiser.Run run = lbfgs.start(Map.of("step_fraction", 0.5), centre.length);
        double[] x = {1, 1, 1, 1};
        Objective.Evaluation at = quadratic.evaluate(x);
        double start = at.loss();
        for (int k = 0; k < 30 && at.loss() > 1e-20; k++) {
            double[] next = run.step(x, at, quadratic);
            Objective.Evaluation atNext = quadratic.evaluate(next);
            assertTrue(atNext.loss() <= at.loss(), "step " + k + " does not raise the loss");
            x = next;
            at = atNext;
        }
        assertTrue(at.loss() < 1e-10 * start, "loss " + at.loss() + " from " + start);
        assertArrayEquals(centre, x, 1e-4);
    }

    @Test
    void localExecutorHandsResultsOnInBatchOrder() {
        org.seiche.api.ShotWork work = new org.seiche.api.ShotWork(null, "cpu", org.seiche.api.ShotWork.Compute.DATA, List.of(),
                Map.of(), List.of(), new int[][] {{2}, {0}, {1}}, "");
        List<Integer> order = new java.util.ArrayList<>();
        org.seiche.api.ShotRunner here = new org.seiche.api.ShotRunner() {
            @Override
            public org.seiche.api.ShotResult run(int batch) {
                return new org.seiche.api.ShotResult(batch, List.of(), Map.of(), new double[0], Map.of(), null, List.of(), 0, 0, 0, 1,
                        "local", 0);
            }

            @Override
            public void close() {
            }
        };
        try (ShotExecutor.Session s = local.open(Map.of())) {
            s.run(work, here, r -> order.add(r.batch()));
        }
        assertEquals(List.of(0, 1, 2), order);
    }
}
