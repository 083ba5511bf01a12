package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

/**
 * Long runs stay bounded: a Poisson solid (vp = sqrt(3) vs) at a Courant number near the
 * 0.6 limit, in a closed box of zero-width (reflecting) sides (no damping: the energy must not grow) and with
 * PML (it must decay), and a fluid layer (vs = 0) under a vacuum zone inside the model
 * above a solid. The energy proxy is the sum over a grid of receivers of squared samples.
 */
class StabilityTest {
    private static final int N = 50;
    private static final int STEPS = 4000;
    private static final double DT = 0.0012;

    private static Map<String, NdArray> layered(double[][] layers, int[] tops) {
        double[][] values = new double[3][N * N];
        for (int i = 0; i < N; i++) {
            int layer = 0;
            while (layer + 1 < tops.length && i >= tops[layer + 1]) {
                layer++;
            }
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < 3; k++) {
                    values[k][i * N + j] = layers[layer][k];
                }
            }
        }
        Map<String, NdArray> m = new LinkedHashMap<>();
        String[] names = {"vp", "vs", "rho"};
        for (int k = 0; k < 3; k++) {
            m.put(names[k], new NdArray(new int[] {N, N}, values[k]));
        }
        return m;
    }

    /** Receivers every 4 cells from row firstRow down. */
    private static Locations receiverGrid(int firstRow) {
        int rows = (N - 2 - firstRow) / 4 + 1;
        int cols = (N - 3) / 4 + 1;
        int[][] cells = new int[rows * cols][];
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                cells[a * cols + b] = new int[] {firstRow + 4 * a, 1 + 4 * b};
            }
        }
        return Cases.locations(1, 0, cells);
    }

    /** Largest energy proxy over [from, to) of the run's time samples. */
    private static double maxEnergy(List<NdArray> data, int from, int to) {
        double max = 0;
        for (int t = from; t < to; t++) {
            double e = 0;
            for (NdArray d : data) {
                int receivers = d.dim(1);
                for (int r = 0; r < receivers; r++) {
                    double v = d.data()[r * STEPS + t];
                    e += v * v;
                }
            }
            assertTrue(Double.isFinite(e), "energy at sample " + t + " is " + e);
            max = Math.max(max, e);
        }
        return max;
    }

    private static List<NdArray> run(Map<String, NdArray> model, String source, int[] sourceCell, int receiverRow,
                                     int[] widths, Precision precision) {
        Locations receivers = receiverGrid(receiverRow);
        Survey survey = new Survey(DT, STEPS, List.of(new SourceGroup(source,
                Cases.locations(1, 0, sourceCell), Cases.ricker(1, 1, STEPS, DT, 15))),
                List.of(new ReceiverGroup("p", receivers), new ReceiverGroup("y", receivers)));
        try (Simulation sim = Cases.prepare(model, 5, survey, Cases.settings(4, widths), precision);
             ForwardRun run = sim.forward(new int[] {0}, Set.of())) {
            assertEquals(1, sim.stepRatio(), "the case runs at the stability limit's edge, without sub-stepping");
            return run.receiverData();
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void poissonSolidInAClosedBoxKeepsItsEnergy(Precision precision) {
        Map<String, NdArray> m = layered(new double[][] {{1000 * Math.sqrt(3), 1000, 2000}}, new int[] {0});
        List<NdArray> data = run(m, "y", new int[] {N / 3, N / 2}, 0, new int[] {0}, precision);
        double early = maxEnergy(data, 0, STEPS / 2);
        double late = maxEnergy(data, 3 * STEPS / 4, STEPS);
        System.out.printf("closed Poisson solid %s: energy early %.3e, late %.3e%n", precision, early, late);
        assertTrue(late < 3 * early, "energy grew from " + early + " to " + late);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void poissonSolidUnderAZeroWidthTopDecaysIntoThePml(Precision precision) {
        Map<String, NdArray> m = layered(new double[][] {{1000 * Math.sqrt(3), 1000, 2000}}, new int[] {0});
        List<NdArray> data = run(m, "y", new int[] {0, N / 2}, 0, new int[] {0, 20, 20, 20}, precision);
        double early = maxEnergy(data, 0, STEPS / 4);
        double late = maxEnergy(data, 3 * STEPS / 4, STEPS);
        System.out.printf("Poisson solid with PML %s: energy early %.3e, late %.3e%n", precision, early, late);
        assertTrue(late < 1e-3 * early, "energy did not decay: " + early + " -> " + late);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void fluidLayerUnderVacuumOverASolid(Precision precision) {
        Map<String, NdArray> m = layered(new double[][] {{0, 0, 0}, {1500, 0, 1000}, {1730, 900, 2200}},
                new int[] {0, 8, 25});
        List<NdArray> data = run(m, "p", new int[] {12, N / 2}, 9, new int[] {0, 20, 20, 20}, precision);
        double early = maxEnergy(data, 0, STEPS / 4);
        double late = maxEnergy(data, 3 * STEPS / 4, STEPS);
        System.out.printf("fluid layer %s: energy early %.3e, late %.3e%n", precision, early, late);
        assertTrue(late < 1e-2 * early, "energy did not decay: " + early + " -> " + late);
    }
}
