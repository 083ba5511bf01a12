package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
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

/** The setup's step listener hears of every inner step of every shot, forward and adjoint (progress bars count on it). */
class StepListenerTest {
    @Test
    void everyInnerStepOfEveryShotIsHeard() {
        Survey survey = Cases.survey(0.002, 60, List.of("y"), List.of(Cases.locations(2, 3, new int[] {3, 6})),
                List.of("y"), List.of(Cases.locations(2, 3, new int[] {2, 10})));
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {6}, 25, Double.NaN, 1, Map.of());
        AtomicLong heard = new AtomicLong();
        SimulationSetup setup = new SimulationSetup(new Model(new double[] {5, 5}, Cases.velocityModel(16, 20, 3)), survey,
                settings, Cases.DEVICE, Precision.FLOAT32, heard::addAndGet);
        try (Simulation sim = new ElasticPropagator(new CpuElasticKernel()).prepare(setup)) {
            long inner = 60L * sim.stepRatio();
            try (ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("vp"))) {
                assertEquals(2 * inner, heard.get(), "forward steps heard");
                List<NdArray> residual = new ArrayList<>(run.receiverData());
                run.adjoint(residual);
                assertEquals(4 * inner, heard.get(), "forward and adjoint steps heard");
            }
        }
    }
}
