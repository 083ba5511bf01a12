package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.io.Npy;

/**
 * A model per shot inverted through ./fwi run (a time-lapse survey: the same two shots over
 * a lens that moved): each shot's model comes nearer its own true model, and the written
 * models keep the shot axis.
 */
class ShotModelsIT {
    private static final int NZ = 30;
    private static final int NX = 60;

    @TempDir
    Path tmp;

    private static final String SURVEY = """
            precision: float64
            model:
              spacing: 10.0
              parameters:
                v: {file: MODEL}
            propagator: {name: scalar, accuracy: 4, pml_width: [0, 10, 10, 10], max_vel: 2100}
            survey:
              dt: 0.002
              nt: 200
              sources:
                locations: [[[1, 30]], [[1, 30]]]
                wavelet: {type: ricker, freq: 12.0}
              receivers:
                locations: {regular: {shots: 2, per_shot: 30, first: [1, 0], step: [0, 2]}}
            """;

    /** Two layers, and in the true models a slow lens whose centre moves by shot. */
    private static NdArray model(boolean lens) {
        NdArray v = NdArray.zeros(2, NZ, NX);
        for (int s = 0; s < 2; s++) {
            for (int z = 0; z < NZ; z++) {
                for (int x = 0; x < NX; x++) {
                    double value = z < 15 ? 1600 : 2000;
                    double dz = (z - 10) / 3.0;
                    double dx = (x - 20 - 20 * s) / 8.0;
                    if (lens && dz * dz + dx * dx < 1) {
                        value -= 150;
                    }
                    v.data()[(s * NZ + z) * NX + x] = value;
                }
            }
        }
        return v;
    }

    @Test
    void eachShotsModelNearsItsOwnTrueModel() throws IOException {
        NdArray truth = model(true);
        NdArray start = model(false);
        Npy.write(tmp.resolve("v_true.npy"), truth, Precision.FLOAT64);
        Npy.write(tmp.resolve("v_start.npy"), start, Precision.FLOAT64);
        Fwi.write(tmp.resolve("observed.yaml"), "task: forward\n" + SURVEY.replace("MODEL", "v_true.npy"));
        Fwi.Outcome o = Fwi.runIn(tmp, "run", "observed.yaml", "--out", "observed", "--quiet");
        assertEquals(0, o.exit(), o.err());
        Fwi.write(tmp.resolve("invert.yaml"), "task: invert\n" + SURVEY.replace("MODEL", "v_start.npy") + """
                observed: {file: observed/receiver_data.npy}
                inversion:
                  parameters: [v]
                  iterations: 3
                  optimiser: {name: lbfgs}
                  true_model: {v: {file: v_true.npy}}
                """);
        o = Fwi.runIn(tmp, "run", "invert.yaml", "--out", "out", "--quiet");
        assertEquals(0, o.exit(), o.err());
        Path out = tmp.resolve("out");
        NdArray inverted = Npy.read(out.resolve("model_v.npy"));
        assertArrayEquals(new int[] {2, NZ, NX}, inverted.shape(), "the final model keeps the shot axis");
        assertArrayEquals(new int[] {2, NZ, NX}, Npy.read(out.resolve("iterations/model_v_0001.npy")).shape());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"shot_models\" : [ \"v\" ]"), summary);
        int cells = NZ * NX;
        for (int s = 0; s < 2; s++) {
            double before = distance(start.data(), truth.data(), s * cells, cells);
            double after = distance(inverted.data(), truth.data(), s * cells, cells);
            assertTrue(after < 0.95 * before, "shot " + s + "'s model error " + after + " from " + before);
        }
        assertFalse(Arrays.equals(Arrays.copyOfRange(inverted.data(), 0, cells), Arrays.copyOfRange(inverted.data(), cells, 2 * cells)),
                "each shot inverts its own model");
    }

    private static double distance(double[] a, double[] b, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
