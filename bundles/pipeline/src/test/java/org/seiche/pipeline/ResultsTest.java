package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.io.Npy;

/** Results are written so that every file is old and whole or new and whole, summary.json last. */
class ResultsTest {
    @TempDir
    Path dir;

    private static final NdArray NEW_DATA = new NdArray(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6});
    private static final NdArray NEW_MODEL = new NdArray(new int[] {2}, new double[] {7, 8});

    private static Map<String, NdArray> arrays() {
        Map<String, NdArray> a = new LinkedHashMap<>();
        a.put("receiver_data", NEW_DATA);
        a.put("model_v", NEW_MODEL);
        return a;
    }

    private static Map<String, Consumer<Path>> picture(Consumer<Path> p) {
        return Map.of("loss", p);
    }

    private static void write(Path out, Map<String, Consumer<Path>> pictures) {
        Results.write(PipelineSpec.builder().output(out).precision(Precision.FLOAT64).build(), arrays(), pictures,
                Map.of("loss", 0.5, "task", "invert"), Map.of("history", Map.of("loss", List.of(1.0, 0.5))), Map.of());
    }

    /** An inversion's folder from an earlier run: results, iterations/ and checkpoint/ already there. */
    private Path earlierRun() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Npy.write(out.resolve("receiver_data.npy"), NdArray.zeros(4), Precision.FLOAT32);
        Npy.write(out.resolve("model_v.npy"), NdArray.zeros(3), Precision.FLOAT32);
        Files.writeString(out.resolve("loss.png"), "old picture");
        Files.writeString(out.resolve("history.json"), "{\"loss\": [9]}");
        Files.writeString(out.resolve("summary.json"), "{\"loss\": 9}");
        Files.createDirectories(out.resolve("iterations"));
        Files.writeString(out.resolve("iterations/model_v_0001.npy"), "kept");
        Files.createDirectories(out.resolve("checkpoint"));
        Files.writeString(out.resolve("checkpoint/state.bin"), "kept");
        return out;
    }

    private static Map<String, byte[]> contents(Path out) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                m.put(out.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return m;
    }

    private static void assertNoTemporaryFiles(Path out) throws IOException {
        try (Stream<Path> all = Files.walk(out.getParent())) {
            List<String> left = all.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".") || n.endsWith(".part"))
                    .toList();
            assertTrue(left.isEmpty(), "temporary files left: " + left);
        }
    }

    @Test
    void aNewFolderAppearsWholeOrNotAtAll() throws IOException {
        Path failed = dir.resolve("failed");
        assertThrows(SeicheException.class, () -> write(failed, picture(f -> {
            throw new SeicheException(f + ": disk full");
        })));
        assertFalse(Files.exists(failed));
        assertNoTemporaryFiles(failed);
        Path out = dir.resolve("fresh");
        write(out, picture(f -> writeString(f, "new picture")));
        assertEquals(Set.of("receiver_data.npy", "model_v.npy", "loss.png", "history.json", "summary.json"),
                contents(out).keySet());
        assertArrayEquals(NEW_DATA.data(), Npy.read(out.resolve("receiver_data.npy")).data(), 0.0);
        assertNoTemporaryFiles(out);
    }

    @Test
    void anExistingFolderGetsEveryResultReplacedAndKeepsTheRest() throws IOException {
        Path out = earlierRun();
        write(out, picture(f -> writeString(f, "new picture")));
        assertArrayEquals(NEW_DATA.data(), Npy.read(out.resolve("receiver_data.npy")).data(), 0.0);
        assertArrayEquals(NEW_MODEL.data(), Npy.read(out.resolve("model_v.npy")).data(), 0.0);
        assertEquals("new picture", Files.readString(out.resolve("loss.png")));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("0.5"));
        assertTrue(Files.readString(out.resolve("history.json")).contains("0.5"));
        assertEquals("kept", Files.readString(out.resolve("iterations/model_v_0001.npy")));
        assertEquals("kept", Files.readString(out.resolve("checkpoint/state.bin")));
        assertNoTemporaryFiles(out);
    }

    @Test
    void aFailureWhileWritingLeavesEveryOldFileWholeAndNoTemporaryFile() throws IOException {
        Path out = earlierRun();
        Map<String, byte[]> before = contents(out);
        // the arrays are written by then; the picture fails half-way through its file
        SeicheException e = assertThrows(SeicheException.class, () -> write(out, picture(f -> {
            writeString(f, "half a pic");
            throw new SeicheException(f + ": disk full");
        })));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        Map<String, byte[]> after = contents(out);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f + " is the old one, whole");
        }
        assertNoTemporaryFiles(out);
    }

    @Test
    void summaryJsonIsRenamedLastSoAnOldSummaryMeansTheRenamesWereCutShort() throws IOException {
        Path out = earlierRun();
        // a rename that fails (a folder where the picture goes) stops the renames after the arrays'
        Files.delete(out.resolve("loss.png"));
        Files.createDirectories(out.resolve("loss.png"));
        Files.writeString(out.resolve("loss.png/x"), "in the way");
        assertThrows(SeicheException.class, () -> write(out, picture(f -> writeString(f, "new picture"))));
        assertArrayEquals(NEW_DATA.data(), Npy.read(out.resolve("receiver_data.npy")).data(), 0.0, "renamed: new and whole");
        assertEquals("{\"loss\": 9}", Files.readString(out.resolve("summary.json")), "not renamed: old and whole");
        assertEquals("{\"loss\": [9]}", Files.readString(out.resolve("history.json")), "not renamed: old and whole");
        assertNoTemporaryFiles(out);
    }

    @Test
    void leftoversOfAKilledWriteAreRemoved() throws IOException {
        Path out = earlierRun();
        Files.writeString(out.resolve(".receiver_data.npy.partial-99999"), "killed");
        Files.writeString(out.resolve(".model_v.npy.partial-99999.part"), "killed");
        Files.writeString(out.resolve(".hidden-but-mine"), "a user's");
        write(out, picture(f -> writeString(f, "new picture")));
        assertFalse(Files.exists(out.resolve(".receiver_data.npy.partial-99999")));
        assertFalse(Files.exists(out.resolve(".model_v.npy.partial-99999.part")));
        assertEquals("a user's", Files.readString(out.resolve(".hidden-but-mine")), "only the writer's own names go");
    }

    private static void writeString(Path f, String s) {
        try {
            Files.writeString(f, s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
