package org.seiche.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.seiche.api.SeicheException;

/**
 * Deepwave's figures as recorded on a machine of this kind (never measured by the bench
 * itself): per case of the perf folder, its in-process seconds, its whole-process wall and
 * the yardstick's speed measured beside them, which scales a figure to the machine as it
 * runs now.
 */
final class DeepwaveFigures {
    /** How every Deepwave figure is labelled where the bench prints it. */
    static final String LABEL = "recorded on this machine kind, not measured in this run";

    /** One case: null process wall or Mcell-updates where the file gives none. */
    record Figure(String name, double seconds, Double processWall, Double mcellUpdates, int yardstickCells,
                  int yardstickThreads, double yardstickMcells) {
        /** Seconds scale as the inverse of speed: a slower machine now (yardstick lower) takes longer. */
        double secondsNow(double seconds, double yardstickNow) {
            return Double.isNaN(yardstickNow) ? seconds : seconds * yardstickMcells / yardstickNow;
        }

        /** Deepwave's Mcell-updates per second, null without a cell count. */
        Double mcellsPerSecond() {
            return mcellUpdates == null ? null : mcellUpdates / seconds;
        }
    }

    private final Path file;
    private final String recorded;
    private final Map<String, Figure> cases;

    private DeepwaveFigures(Path file, String recorded, Map<String, Figure> cases) {
        this.file = file;
        this.recorded = recorded;
        this.cases = cases;
    }

    /** Reads the file; a missing or malformed file is one clear message naming it. */
    static DeepwaveFigures read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SeicheException("--figures: " + file + " does not exist (Deepwave's recorded figures, "
                    + "../shared/perf/deepwave-figures.json next to the project by default)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new SeicheException("--figures: " + file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode all = root.path("cases");
        if (!all.isObject()) {
            throw new SeicheException("--figures: " + file + " has no \"cases\" object");
        }
        Map<String, Figure> cases = new LinkedHashMap<>();
        all.fields().forEachRemaining(e -> cases.put(e.getKey(), figure(file, e.getKey(), e.getValue())));
        return new DeepwaveFigures(file, root.path("deepwave").asText("Deepwave") + ", recorded " + root.path("measured").asText("?"),
                cases);
    }

    private static Figure figure(Path file, String name, JsonNode n) {
        for (String key : new String[] {"seconds", "yardstick_cells", "yardstick_threads", "yardstick_mcells"}) {
            if (!n.path(key).isNumber()) {
                throw new SeicheException("--figures: " + file + ": cases." + name + "." + key + " is missing or not a number");
            }
        }
        return new Figure(name, n.get("seconds").asDouble(), number(n.path("process_wall_median")), number(n.path("mcell_updates")),
                n.get("yardstick_cells").asInt(), n.get("yardstick_threads").asInt(), n.get("yardstick_mcells").asDouble());
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    /** The case's figure, or null when none was recorded. */
    Figure get(String name) {
        return cases.get(name);
    }

    Path file() {
        return file;
    }

    /** Which Deepwave and when, for the bench's header. */
    String recorded() {
        return recorded;
    }

    /** The perf cases' folder beside the figures (cases/NAME/pipeline.yaml). */
    Path casesDir() {
        return file.toAbsolutePath().getParent().resolve("cases");
    }
}
