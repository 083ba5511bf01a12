package org.seiche.inversion.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

class SettingsTest {
    @Test
    void readsNumbersListsAndArrays() {
        Settings s = Settings.ofMapping("smooth", Map.of("lengths", List.of(100.0, 50.0), "q", 0.5, "a",
                NdArray.zeros(2, 3), "parameter", "v"), Set.of("lengths", "q", "a"));
        assertArrayEquals(new double[] {100, 50}, s.numbers("lengths", 2));
        assertArrayEquals(new double[] {0.5, 0.5}, s.numbers("q", 2));
        assertEquals(0.5, s.positive("q"));
        assertEquals(7.0, s.number("missing", 7.0));
        assertEquals(3, s.integer("missing", 3, 1));
        assertEquals(6, s.array("a", new int[] {2, 3}).size());
    }

    @Test
    void errorsNameTheField() {
        assertEquals("inversion.mappings[relative].prior: missing; give an array as {file: name.npy}",
                message(() -> Settings.ofMapping("relative", Map.of(), Set.of("prior")).array("prior")));
        assertEquals("inversion.mappings[roi].mask: shape [2, 2] differs from the model's [2, 3]",
                message(() -> Settings.ofMapping("roi", Map.of("mask", NdArray.zeros(2, 2)), Set.of("mask"))
                        .array("mask", new int[] {2, 3})));
        assertEquals("inversion.optimiser.lr: must be positive, got -1.0",
                message(() -> Settings.ofOptimiser(Map.of("lr", -1.0), Set.of("lr")).positive("lr")));
        assertEquals("inversion.optimiser.history: must be a whole number of at least 1, got 2.5",
                message(() -> Settings.ofOptimiser(Map.of("history", 2.5), Set.of("history")).integer("history", 10, 1)));
        assertEquals("inversion.optimiser.lrr: unknown option (known: lr, momentum)",
                message(() -> Settings.ofOptimiser(Map.of("lrr", 1.0), Set.of("lr", "momentum"))));
        assertEquals("inversion.mappings[smooth].lengths: give 2 values (one per model dimension) or one for all, got 3",
                message(() -> Settings.ofMapping("smooth", Map.of("lengths", List.of(1.0, 2.0, 3.0)), Set.of("lengths"))
                        .numbers("lengths", 2)));
        assertEquals("inversion.optimiser.lr: must be a finite number, got 'fast'",
                message(() -> Settings.ofOptimiser(Map.of("lr", "fast"), Set.of("lr")).number("lr")));
    }

    private static String message(Runnable r) {
        return assertThrows(SeicheException.class, r::run).getMessage();
    }
}
