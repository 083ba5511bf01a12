package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.wave.Wavelets;

/** The setup's step listener hears of every inner step of every shot, forward and adjoint (progress bars count on it). */
class StepListenerTest {
    @Test
    void everyInnerStepOfEveryShotIsHeard() {
        NdArray amplitudes = NdArray.zeros(3, 1, 120);
        double[] w = Wavelets.ricker(20, 120, 0.004, 0.06);
        for (int s = 0; s < 3; s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * 120, 120);
        }
        SimulationSetup base = Setups.setup(NdArray.filled(2000, 30, 40), new double[] {5, 5},
                new PropagatorSettings(4, new int[] {8}, 20, Double.NaN, 1, Map.of()), 0.004, amplitudes,
                Setups.locations(3, 1, 1, 3, 1, 20, 1, 35), Setups.locations(3, 1, 2, 5, 2, 30, 2, 15), Precision.FLOAT32);
        AtomicLong heard = new AtomicLong();
        SimulationSetup setup = new SimulationSetup(base.model(), base.survey(), base.settings(), base.device(),
                base.precision(), heard::addAndGet);
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup)) {
            long innerSteps = 120L * sim.stepRatio();
            try (ForwardRun run = sim.forward(new int[] {0, 1, 2}, Set.of())) {
                assertEquals(3 * innerSteps, heard.get(), "forward steps heard");
            }
            heard.set(0);
            try (ForwardRun run = sim.forward(new int[] {0, 2}, Set.of("v"))) {
                run.adjoint(List.of(run.receiverData().get(0)));
                assertEquals(2 * 2 * innerSteps, heard.get(), "forward and adjoint steps heard");
            }
        }
    }
}
