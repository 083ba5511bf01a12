package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.io.Npy;

/**
 * Input files through the real launcher: every layout numpy writes gives the same run, and
 * observed data holding a NaN is refused before any modelling. The files are numpy's own
 * (src/test/resources/npy-layouts/make_fixtures.py).
 */
class InputsIT {
    @TempDir
    Path tmp;

    private static final String FORWARD = """
            task: forward
            precision: float64
            model:
              spacing: 5.0
              parameters:
                v: {file: MODEL}
            """ + Fwi.ONE_SHOT;

    private void copyFixture(String name) throws IOException {
        try (InputStream in = InputsIT.class.getResourceAsStream("/npy-layouts/" + name)) {
            Files.copy(in, tmp.resolve(name));
        }
    }

    private Path pipeline(String name, String yaml) throws IOException {
        return Fwi.write(tmp.resolve(name), yaml);
    }

    @Test
    void bigEndianFortranOrderAndIntegerModelsGiveTheSameReceiverDataAsThePlainFile() throws IOException {
        NdArray plain = null;
        for (String model : List.of("v.npy", "v_big_endian.npy", "v_fortran.npy", "v_int16.npy")) {
            copyFixture(model);
            Path p = pipeline(model + ".yaml", FORWARD.replace("MODEL", model));
            Path out = tmp.resolve("out_" + model);
            Fwi.Outcome o = Fwi.run("run", p.toString(), "--out", out.toString(), "--quiet");
            assertEquals(0, o.exit(), model + ": " + o.err());
            NdArray data = Npy.read(out.resolve("receiver_data.npy"));
            if (plain == null) {
                plain = data;
                assertTrue(Arrays.stream(data.data()).anyMatch(d -> Math.abs(d) > 0), "the receivers record the source");
            } else {
                assertArrayEquals(plain.data(), data.data(), 0.0, model + " reads as the plain file does");
            }
        }
    }

    @Test
    void observedDataHoldingNaNIsRefusedWithTheFileAndTheIndex() throws IOException {
        copyFixture("v.npy");
        copyFixture("observed_nan.npy");
        Path p = pipeline("gradient.yaml", FORWARD.replace("MODEL", "v.npy").replace("task: forward", "task: gradient")
                + "observed: {file: observed_nan.npy}\ngradient_wrt: [v]\n");
        Path out = tmp.resolve("out");
        Fwi.Outcome o = Fwi.run("run", p.toString(), "--out", out.toString(), "--quiet");
        assertEquals(1, o.exit(), o.err());
        Fwi.assertOneLineError(o, "observed: " + tmp.resolve("observed_nan.npy") + " holds NaN at [0, 1, 17]");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aModelPerShotForAnotherNumberOfShotsIsRefusedInOneLine() throws IOException {
        double[] v = new double[2 * 20 * 30];
        Arrays.fill(v, 1500);
        Npy.write(tmp.resolve("v_two_shots.npy"), new NdArray(new int[] {2, 20, 30}, v), org.seiche.api.Precision.FLOAT64);
        Path p = pipeline("per_shot.yaml", FORWARD.replace("MODEL", "v_two_shots.npy"));
        Path out = tmp.resolve("out");
        Fwi.Outcome o = Fwi.run("run", p.toString(), "--out", out.toString(), "--quiet");
        assertEquals(1, o.exit(), o.err());
        Fwi.assertOneLineError(o, "model.parameters.v: leading (shot) axis 2 but the survey has 1 shot (a model per shot needs one model each)");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anObjectArrayIsRefusedNamingItsDtype() throws IOException {
        copyFixture("v_object.npy");
        Path p = pipeline("object.yaml", FORWARD.replace("MODEL", "v_object.npy"));
        Fwi.Outcome o = Fwi.run("run", p.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(1, o.exit(), o.err());
        assertTrue(o.err().contains("v_object.npy: dtype '|O' (Python objects) is not supported"), o.err());
    }
}
