package org.seiche.pipeline.file;

import java.util.List;
import java.util.Set;

import org.seiche.api.Task;

/**
 * What the pipeline's snapshots block asks for: every K inner steps, the fields, the shots
 * (none: all), the format and whether the adjoint's wavefields are written too. The spec
 * holds it as the option {@value #FOLDER}; the runner writes the files.
 */
public record SnapshotPlan(int every, List<String> fields, int[] shots, String format, boolean adjoint) {
    /** The spec option holding the plan, and the output folder the snapshots go to. */
    public static final String FOLDER = "snapshots";
    static final Set<String> KEYS = Set.of("every", "fields", "shots", "format", "adjoint");
    static final Set<String> FORMATS = Set.of("npy", "png", "gif");

    /**
     * snapshots: {every: K, fields: [wavefield], shots: [0] | all, format: npy | png | gif,
     * adjoint: false}, for the forward and gradient tasks.
     */
    static SnapshotPlan read(Field f, Task task) {
        f.requireObject();
        if (task != Task.FORWARD && task != Task.GRADIENT) {
            throw f.fail("task " + task + " takes none (forward and gradient do)");
        }
        int every = f.required("every").integer();
        if (every < 1) {
            throw f.get("every").fail("must be at least 1 (inner time steps between frames), got " + every);
        }
        List<String> fields = f.has("fields") ? f.get("fields").words() : List.of("wavefield");
        if (fields.isEmpty()) {
            throw f.get("fields").fail("name at least one field, e.g. [wavefield]");
        }
        Field shotsField = f.get("shots");
        int[] shots = !shotsField.present() ? new int[] {0}
                : shotsField.node().isTextual() && shotsField.text().equals("all") ? new int[0] : shotsField.integers();
        for (int s : shots) {
            if (s < 0) {
                throw shotsField.fail("shot " + s + " is negative (shots count from 0)");
            }
        }
        String format = f.get("format").text("npy");
        if (!FORMATS.contains(format)) {
            throw f.get("format").fail("'" + format + "' is not npy, png or gif");
        }
        boolean adjoint = f.get("adjoint").bool(false);
        if (adjoint && task != Task.GRADIENT) {
            throw f.get("adjoint").fail("task " + task + " runs no adjoint (gradient does)");
        }
        return new SnapshotPlan(every, List.copyOf(fields), shots, format, adjoint);
    }
}
