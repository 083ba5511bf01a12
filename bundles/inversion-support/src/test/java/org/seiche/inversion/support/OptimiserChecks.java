package org.seiche.inversion.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.seiche.api.Objective;
import org.seiche.api.Optimiser;

/** Driving an optimiser as the pipeline does, shared by the optimiser bundles' tests (test-jar). */
public final class OptimiserChecks {
    private OptimiserChecks() {
    }

    /** x after the given number of steps, each from a fresh evaluation at x as the pipeline makes. */
    public static double[] run(Optimiser.Run run, Objective f, double[] x, int steps) {
        for (int i = 0; i < steps; i++) {
            x = run.step(x, f.evaluate(x), f);
        }
        return x;
    }

    /** Steps until ||x - x*|| <= tolerance ||x0 - x*||; the count, or -1 past the limit. */
    public static int stepsToConverge(Optimiser.Run run, Problems.Problem f, double[] x0, double tolerance, int limit) {
        double[] x = x0;
        for (int i = 1; i <= limit; i++) {
            x = run.step(x, f.evaluate(x), f);
            if (f.error(x, x0) <= tolerance) {
                return i;
            }
        }
        return -1;
    }

    /**
     * 3 steps straight through against 1 step, state() through a checkpoint's Java
     * serialisation, restore into a new run, 2 more steps: identical bit for bit.
     */
    public static void assertResumesExactly(Optimiser o, Map<String, Object> config, Objective f, double[] x0) {
        double[] straight = run(o.start(config, x0.length), f, x0, 3);
        Optimiser.Run first = o.start(config, x0.length);
        double[] x = run(first, f, x0, 1);
        Optimiser.Run resumed = o.start(config, x0.length);
        resumed.restore(throughCheckpoint(first.state()));
        assertArrayEquals(straight, run(resumed, f, x, 2), o.name() + " resumed differs from straight through");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> throughCheckpoint(Map<String, Object> state) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(new LinkedHashMap<>(state));
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Map<String, Object>) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("optimiser state is not plain serialisable values", e);
        }
    }
}
