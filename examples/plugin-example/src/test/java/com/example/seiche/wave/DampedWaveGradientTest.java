package com.example.seiche.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

import com.example.seiche.wave.cpu.CpuDampedWaveKernel;

/**
 * The adjoint is the exact transpose of the forward modelling: a dot-product test on the
 * (linear) map from source amplitudes to receiver data, and a float64 central finite
 * difference of a least-squares misfit in the velocity. Two shots, damping on, one unused
 * receiver, a random velocity, so that every term of the steps takes part.
 */
class DampedWaveGradientTest {
    private static final int N0 = 14;
    private static final int N1 = 17;
    private static final int NT = 60;
    private static final double DT = 0.001;
    private final Random random = new Random(17);

    @Test
    void theAdjointPassesTheDotProductTest() {
        Model model = model(velocity());
        NdArray a = randomArray(2, 2, NT);
        NdArray g = randomArray(2, 3, NT);
        try (Simulation sim = prepare(model, a); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of(Simulation.SOURCE_AMPLITUDES))) {
            double forward = dot(run.receiverData().get(0), g);
            double adjoint = dot(a, run.adjoint(List.of(g)).get(Simulation.SOURCE_AMPLITUDES));
            double error = Math.abs(forward - adjoint) / Math.abs(forward);
            System.out.printf("dot-product test: <F a, g> = %.15e, <a, F^T g> = %.15e, relative error %.2e%n", forward, adjoint, error);
            assertTrue(error < 1e-12, "relative error " + error);
        }
    }

    @Test
    void theVelocityGradientMatchesACentralFiniteDifference() {
        NdArray c = velocity();
        NdArray a = randomArray(2, 2, NT);
        NdArray observed = data(c.copy(), a);
        for (int k = 0; k < observed.size(); k++) {
            observed.data()[k] *= 0.7;
        }
        NdArray gradient;
        try (Simulation sim = prepare(model(c), a); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of(DampedWavePropagator.VELOCITY))) {
            NdArray residual = minus(run.receiverData().get(0), observed);
            gradient = run.adjoint(List.of(residual)).get(DampedWavePropagator.VELOCITY);
        }
        NdArray direction = randomArray(N0, N1);
        double eps = 1e-3;
        double plus = misfit(shifted(c, direction, eps), a, observed);
        double minus = misfit(shifted(c, direction, -eps), a, observed);
        double fd = (plus - minus) / (2 * eps);
        double exact = dot(gradient, direction);
        double error = Math.abs(fd - exact) / Math.abs(exact);
        System.out.printf("finite difference: %.15e, adjoint: %.15e, relative error %.2e%n", fd, exact, error);
        assertTrue(error < 1e-7, "relative error " + error);
    }

    @Test
    void anUnstableStepIsRefusedNamingDt() {
        NdArray c = NdArray.filled(4000.0, N0, N1);
        SeicheException e = assertThrows(SeicheException.class, () -> prepare(model(c), randomArray(2, 2, NT)));
        assertTrue(e.getMessage().startsWith("survey.dt:"), e.getMessage());
    }

    @Test
    void aDeviceWithoutKernelIsRefused() {
        DampedWavePropagator p = new DampedWavePropagator();
        SeicheException e = assertThrows(SeicheException.class, () -> p.prepare(setup(model(velocity()), randomArray(2, 2, NT))));
        assertEquals("propagator damped-wave: no kernel for device 'cpu' (have [])", e.getMessage());
    }

    private double misfit(NdArray c, NdArray a, NdArray observed) {
        NdArray r = minus(data(c, a), observed);
        return 0.5 * dot(r, r);
    }

    private NdArray data(NdArray c, NdArray a) {
        try (Simulation sim = prepare(model(c), a); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            return run.receiverData().get(0);
        }
    }

    private static Simulation prepare(Model model, NdArray amplitudes) {
        DampedWavePropagator p = new DampedWavePropagator();
        p.addKernel(new CpuDampedWaveKernel());
        return p.prepare(setup(model, amplitudes));
    }

    private static SimulationSetup setup(Model model, NdArray amplitudes) {
        Locations sources = new Locations(2, 2, 2, new int[] {3, 4, 7, 12, 2, 2, 10, 9});
        Locations receivers = new Locations(2, 3, 2, new int[] {1, 1, 12, 15, -1, -1, 5, 5, 13, 0, 0, 16});
        Survey survey = new Survey(DT, NT, List.of(new SourceGroup("", sources, amplitudes)),
                List.of(new ReceiverGroup("", receivers)));
        PropagatorSettings settings = new PropagatorSettings(2, new int[] {0}, 25.0, Double.NaN, 1,
                Map.of(DampedWavePropagator.DAMPING, 30.0));
        return new SimulationSetup(model, survey, settings, new SerialCpu(), Precision.FLOAT64);
    }

    private static Model model(NdArray c) {
        return new Model(new double[] {5.0, 6.0}, Map.of(DampedWavePropagator.VELOCITY, c));
    }

    private NdArray velocity() {
        NdArray c = randomArray(N0, N1);
        for (int k = 0; k < c.size(); k++) {
            c.data()[k] = 1500 + 300 * c.data()[k];
        }
        return c;
    }

    private NdArray randomArray(int... shape) {
        NdArray x = NdArray.zeros(shape);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = random.nextGaussian();
        }
        return x;
    }

    private static NdArray shifted(NdArray c, NdArray direction, double eps) {
        NdArray out = c.copy();
        for (int k = 0; k < out.size(); k++) {
            out.data()[k] += eps * direction.data()[k];
        }
        return out;
    }

    private static NdArray minus(NdArray x, NdArray y) {
        NdArray out = x.copy();
        for (int k = 0; k < out.size(); k++) {
            out.data()[k] -= y.data()[k];
        }
        return out;
    }

    private static double dot(NdArray x, NdArray y) {
        assertTrue(x.sameShape(y), x.shapeString() + " vs " + y.shapeString());
        double s = 0;
        for (int k = 0; k < x.size(); k++) {
            s += x.data()[k] * y.data()[k];
        }
        return s;
    }

    /** The CPU device, one thread: the kernels need nothing more. */
    private record SerialCpu() implements Device {
        @Override
        public String name() {
            return "cpu";
        }

        @Override
        public int threads() {
            return 1;
        }

        @Override
        public Device withThreads(int threads) {
            return this;
        }

        @Override
        public void parallel(int count, IntConsumer task) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
        }
    }
}
