package org.seiche.device.cuda.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.seiche.api.SeicheException;

class MemoryPlanTest {
    private static final long MIB = 1 << 20;

    @Test
    void everythingOnTheGpuWhenItFits() {
        MemoryPlan plan = MemoryPlan.of(4, 10 * MIB, 100 * MIB, 1000 * MIB);
        assertTrue(plan.storeOnDevice());
        assertEquals(4, plan.shotsAtOnce());
        assertEquals("gpu", plan.storeName());
        assertEquals(MemoryPlan.MAX_SHOTS_AT_ONCE, MemoryPlan.of(100_000, 1, 0, 1L << 30).shotsAtOnce());
    }

    @Test
    void fewerShotsAtOnceBeforeTheStoreLeavesTheGpu() {
        // 900 MiB usable: 8 x 100 stored leaves 100 for wavefields, 3 shots of 30
        MemoryPlan plan = MemoryPlan.of(8, 30 * MIB, 100 * MIB, 1000 * MIB);
        assertTrue(plan.storeOnDevice());
        assertEquals(3, plan.shotsAtOnce());
    }

    @Test
    void theStoreOverflowsToHostMemory() {
        MemoryPlan plan = MemoryPlan.of(8, 30 * MIB, 200 * MIB, 1000 * MIB);
        assertFalse(plan.storeOnDevice());
        assertEquals(8, plan.shotsAtOnce());
        assertTrue(plan.storeName().startsWith("host"));
    }

    @Test
    void aForwardRunStoresNothing() {
        MemoryPlan plan = MemoryPlan.of(100, 30 * MIB, 0, 1000 * MIB);
        assertTrue(plan.storeOnDevice());
        assertEquals(30, plan.shotsAtOnce());
    }

    @Test
    void oneShotThatDoesNotFitIsRefused() {
        SeicheException e = assertThrows(SeicheException.class, () -> MemoryPlan.of(1, 2000 * MIB, 0, 1000 * MIB));
        assertTrue(e.getMessage().contains("2000 MiB"), e.getMessage());
    }
}
