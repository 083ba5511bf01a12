package org.seiche.pipeline.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Optimiser;
import org.seiche.api.PipelineSpec;
import org.seiche.inversion.support.Backtracking;
import org.seiche.io.Npy;
import org.seiche.pipeline.PipelineTestSupport;
import org.seiche.pipeline.PipelineService;

/**
 * inversion.mode: stochastic steps the optimiser once per batch, the batches in a fresh order
 * every iteration (seeded by the iteration, so a resumed run repeats it), each step on that
 * batch's loss alone from where the step before left the model; an iteration's loss is the sum
 * of the batches' losses as each was stepped. The stand-in propagator's receivers see one cell
 * each, so the cells a gradient touches say which shot a step saw.
 */
class StochasticModeTest {
    @TempDir
    Path dir;

    /** One step as the optimiser saw it. */
    private record Step(double[] x, double loss, int shot, double[] next) {
    }

    /** Gradient descent that records each step; the shot is the one whose receiver cells the gradient touches. */
    private static final class Recorder implements Optimiser {
        final List<Step> steps = new ArrayList<>();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public Run start(Map<String, Object> config, int size) {
            return (PipelineTestSupport.Stateless) (x, atX, objective) -> {
                double[] d = atX.gradient().clone();
                for (int i = 0; i < d.length; i++) {
                    d[i] *= -0.05;
                }
                double[] next = Backtracking.step(objective, x, atX, d);
                steps.add(new Step(x.clone(), atX.loss(), shotOf(atX.gradient()), next));
                return next;
            };
        }
    }

    /** Receiver cells (flat, 3 x 3 model) of each shot of PipelineTestSupport.SURVEY. */
    private static final int[][] CELLS = {{3, 8}, {4, 7}, {5, 6}};

    private static int shotOf(double[] gradient) {
        int found = -1;
        for (int s = 0; s < CELLS.length; s++) {
            boolean touched = gradient[CELLS[s][0]] != 0 || gradient[CELLS[s][1]] != 0;
            if (touched) {
                assertEquals(-1, found, "a stochastic step saw more than one shot: " + java.util.Arrays.toString(gradient));
                found = s;
            }
        }
        for (int i = 0; i < gradient.length; i++) {
            boolean ofShot = found >= 0 && (CELLS[found][0] == i || CELLS[found][1] == i);
            assertTrue(ofShot || gradient[i] == 0, "gradient outside the shot's receivers at cell " + i);
        }
        return found;
    }

    @Test
    void eachBatchStepsInTurnInASeededOrderAndTheLossesAddUp() throws IOException {
        PipelineTestSupport.writeInputs(dir);
        // observed data of v = 1.5 everywhere, so the steps have somewhere to go
        PipelineService runtime = InversionTestSupport.runtime();
        Files.writeString(dir.resolve("truth.yaml"), "task: forward\nprecision: float64\noutput: truth\n"
                + PipelineTestSupport.SURVEY.replace("{file: v.npy}", "{constant: 1.5, shape: [3, 3]}"));
        runtime.run(runtime.read(dir.resolve("truth.yaml")));
        Files.copy(dir.resolve("truth/receiver_data.npy"), dir.resolve("observed.npy"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("invert.yaml"), """
                task: invert
                precision: float64
                inversion:
                  iterations: 3
                  shots_per_batch: 1
                  mode: stochastic
                  optimiser: {name: recorder}
                gradient_wrt: [v]
                """ + PipelineTestSupport.SURVEY);
        Recorder recorder = new Recorder();
        runtime.addOptimiser(recorder, Map.of());
        PipelineSpec spec = runtime.read(dir.resolve("invert.yaml"));
        var result = runtime.run(spec);

        NdArray amplitudes = spec.survey().sources().get(0).amplitudes();
        NdArray observed = Npy.read(dir.resolve("observed.npy"));
        var history = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out/history.json").toFile());
        assertEquals(9, recorder.steps.size(), "one step per batch, 3 batches, 3 iterations");
        double[] x = Npy.read(dir.resolve("v.npy")).data();
        for (int it = 0; it < 3; it++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
            Collections.shuffle(order, new Random(1000L + it));
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                Step step = recorder.steps.get(3 * it + k);
                assertEquals(order.get(k), step.shot(), "iteration " + (it + 1) + " step " + (k + 1));
                assertArrayEquals(x, step.x(), "each batch steps from where the one before left the model");
                assertEquals(shotLoss(step.shot(), step.x(), amplitudes, observed), step.loss(),
                        1e-12 * step.loss(), "the step's loss is its shot's alone");
                assertTrue(shotLoss(step.shot(), step.next(), amplitudes, observed) < step.loss(),
                        "the step lowered its batch's loss");
                sum += step.loss();
                x = step.next();
            }
            assertEquals(sum, history.get("iterations").get(it).get("loss").asDouble(), 1e-15 * sum,
                    "an iteration's loss is its batches' losses summed");
            assertTrue(history.get("iterations").get(it).get("evaluations").asInt() >= 6,
                    "each batch's objective evaluates its start and the point kept");
        }
        assertArrayEquals(x, Npy.read(dir.resolve("out/model_v.npy")).data(), "the model written is the last step's");
        double first = history.get("loss").get(0).asDouble();
        assertTrue((double) result.summary().get("loss") < 0.8 * first, "3 stochastic iterations from " + first + " reached "
                + result.summary().get("loss"));
    }

    /** mse of one shot of the stand-in propagator (receiver = amplitude * v^2 at its cell), over the survey's samples. */
    private static double shotLoss(int shot, double[] v, NdArray amplitudes, NdArray observed) {
        int nt = observed.dim(2);
        double s = 0;
        for (int r = 0; r < 2; r++) {
            double vc = v[CELLS[shot][r]];
            for (int t = 0; t < nt; t++) {
                double d = amplitudes.data()[shot * amplitudes.dim(1) * nt + t] * vc * vc
                        - observed.data()[(shot * 2 + r) * nt + t];
                s += d * d;
            }
        }
        return s / observed.size();
    }
}
