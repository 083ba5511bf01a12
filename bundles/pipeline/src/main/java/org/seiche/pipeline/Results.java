package org.seiche.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;

/**
 * Writes a run's results complete or not at all: everything (arrays, their pictures, the
 * JSON files) goes to a hidden folder next to the output folder first and is moved into
 * place only once every file is written.
 */
final class Results {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {
    }

    /** Fails early, before any computation, when the output folder cannot be made. */
    static void checkWritable(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SeicheException("output: cannot create " + parent + " (" + e.getMessage() + ")");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SeicheException("output: " + dir + " exists and is not a directory");
        }
        if (!Files.isWritable(Files.isDirectory(dir) ? dir : parent)) {
            throw new SeicheException("output: " + (Files.isDirectory(dir) ? dir : parent) + " is not writable");
        }
    }

    static void write(PipelineSpec spec, Map<String, NdArray> arrays, Map<String, Consumer<Path>> pictures, Map<String, Object> summary,
                      Map<String, Object> jsonFiles) {
        Path dir = spec.output();
        Path abs = dir.toAbsolutePath();
        Path staging = abs.resolveSibling("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            OutputFormat.write(spec, staging, arrays, summary);
            for (Map.Entry<String, Consumer<Path>> e : pictures.entrySet()) {
                e.getValue().accept(staging.resolve(e.getKey() + ".png"));
            }
            JSON.writeValue(staging.resolve("summary.json").toFile(), summary);
            for (Map.Entry<String, Object> e : jsonFiles.entrySet()) {
                JSON.writeValue(staging.resolve(e.getKey() + ".json").toFile(), e.getValue());
            }
            if (!Files.exists(abs)) {
                Files.move(staging, abs, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.move(f, abs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.delete(staging);
        } catch (IOException e) {
            throw new SeicheException("output: cannot write results to " + abs + " (" + e.getMessage() + ")");
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // best effort: a leftover hidden staging folder is harmless
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
