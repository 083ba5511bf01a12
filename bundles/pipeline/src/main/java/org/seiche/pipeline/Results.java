package org.seiche.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;

/**
 * Writes a run's results so that a kill at any moment leaves each file whole. Into a new
 * output folder everything goes to a hidden folder beside it, renamed into place once every
 * file is written: the results are complete or absent. Into an existing folder (an
 * inversion's holds iterations/ and checkpoint/ already) every file is first written beside
 * its final name under a hidden temporary one, and only once all are written is each renamed
 * over its old version, summary.json last: every file is old and whole or new and whole, and
 * a summary.json that is new means every result is.
 */
final class Results {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** What a temporary name ends with: the writing process's id, so that two never share one. */
    private static final String PARTIAL = ".partial-";
    /** A hidden temporary name (or an array writer's own beside it) of a write killed before its rename. */
    private static final Pattern LEFTOVER = Pattern.compile("\\..+" + Pattern.quote(PARTIAL) + "\\d+(\\.part)?");

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

    /**
     * The run's arrays (in the output format), pictures and JSON files, and folders written
     * already (snapshots), moved in by name and replacing old ones; summary.json last.
     */
    static void write(PipelineSpec spec, Map<String, NdArray> arrays, Map<String, Consumer<Path>> pictures, Map<String, Object> summary,
                      Map<String, Object> jsonFiles, Map<String, Path> folders) {
        Path dir = spec.output();
        // file name to how it is written, in the order of their renames: summary.json last
        Map<String, Consumer<Path>> files = new LinkedHashMap<>(OutputFormat.files(spec, arrays, summary));
        pictures.forEach((name, picture) -> files.put(name + ".png", picture));
        jsonFiles.forEach((name, value) -> files.put(name + ".json", f -> json(f, value)));
        folders.forEach((name, folder) -> files.put(name, f -> moveFolder(folder, f)));
        files.put("summary.json", f -> json(f, summary));
        Path abs = dir.toAbsolutePath();
        try {
            if (Files.isDirectory(abs)) {
                replaceIn(abs, files);
            } else {
                createWhole(abs, files);
            }
        } catch (IOException e) {
            throw new SeicheException("output: cannot write results to " + abs + " (" + e.getMessage() + ")");
        }
    }

    /** A new folder: written whole beside it, then renamed into place. */
    private static void createWhole(Path dir, Map<String, Consumer<Path>> files) throws IOException {
        Path staging = dir.resolveSibling("." + dir.getFileName() + PARTIAL + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            for (Map.Entry<String, Consumer<Path>> f : files.entrySet()) {
                f.getValue().accept(staging.resolve(f.getKey()));
            }
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // best effort: a leftover hidden staging folder is harmless
            }
        }
    }

    /** An existing folder: every file written under a temporary name beside its own, then each renamed over it. */
    private static void replaceIn(Path dir, Map<String, Consumer<Path>> files) throws IOException {
        removeLeftovers(dir);
        Map<Path, Path> renames = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Consumer<Path>> f : files.entrySet()) {
                Path temporary = dir.resolve("." + f.getKey() + PARTIAL + ProcessHandle.current().pid());
                renames.put(temporary, dir.resolve(f.getKey()));
                f.getValue().accept(temporary);
            }
            for (Map.Entry<Path, Path> r : renames.entrySet()) {
                if (Files.isDirectory(r.getKey()) && Files.isDirectory(r.getValue())) {
                    // a folder result (snapshots) cannot be renamed over its old one: that goes once the new one is whole
                    deleteTree(r.getValue());
                }
                Files.move(r.getKey(), r.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            for (Path temporary : renames.keySet()) {
                try {
                    deleteTree(temporary);
                } catch (IOException ignored) {
                    // best effort: the next write into this folder removes it
                }
            }
        }
    }

    /** Temporary files of a write into this folder that was killed before its renames. */
    private static void removeLeftovers(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                if (LEFTOVER.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void moveFolder(Path folder, Path to) {
        try {
            Files.move(folder, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SeicheException(to + ": cannot move " + folder + " there (" + e.getMessage() + ")");
        }
    }

    private static void json(Path file, Object value) {
        try {
            JSON.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new SeicheException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    static void deleteTree(Path p) throws IOException {
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
