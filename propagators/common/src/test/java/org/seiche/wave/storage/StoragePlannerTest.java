package org.seiche.wave.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.seiche.api.SeicheException;
import org.seiche.api.Storage;
import org.seiche.api.Storage.Compression;
import org.seiche.api.Storage.Mode;

/** A budget alone picks memory, else checkpointing, else disk; what fits no mode is refused with its figures. */
class StoragePlannerTest {
    /** 1000 steps of 1 MB (float32, 250,000 cells); a snapshot of 6 fields, 11 MB of fields a shot. */
    private static final StoragePlanner.Sizes SIZES = new StoragePlanner.Sizes(11_000_000, 250_000, 4, 1000, 1, 6_000_000,
            11_000_000);

    private static Storage.Plan plan(Mode mode, Compression c, long budget, int shots) {
        return StoragePlanner.plan(new Storage(mode, c, null, budget), SIZES, shots);
    }

    @Test
    void aBudgetAlonePicksTheModeThatFits() {
        assertEquals(Mode.MEMORY, plan(null, Compression.NONE, 2_000_000_000L, 1).mode());
        assertEquals(11_000_000 + 1000 * 1_000_000L, plan(null, Compression.NONE, 2_000_000_000L, 1).bytesPerShot());
        Storage.Plan checkpoint = plan(null, Compression.NONE, 200_000_000L, 1);
        assertEquals(Mode.CHECKPOINT, checkpoint.mode());
        // (200 MB - 11 MB) / 6 MB = 31 snapshots beside the initial state
        assertEquals(32, checkpoint.snapshots());
        assertEquals(Revolve.forwardSteps(1000, 32), checkpoint.recomputedSteps());
        assertEquals(Mode.MEMORY, plan(null, Compression.INT8, 400_000_000L, 1).mode(), "int8 fits where plain steps do not");
        // a budget that allows two snapshots would recompute too much: disk
        assertEquals(Mode.DISK, plan(null, Compression.NONE, 25_000_000L, 1).mode());
        assertEquals(Mode.DISK, plan(null, Compression.NONE, 50_000_000L, 2).mode(), "the budget is for the batch");
    }

    @Test
    void whatCannotFitIsRefusedWithItsFiguresAndTheKeys() {
        SeicheException none = assertThrows(SeicheException.class, () -> plan(null, Compression.NONE, 1_000_000, 1));
        assertEquals("propagator.storage.memory: no mode fits: memory needs 1.00 GB, disk 6.0 MB for 1 shot(s) at once but the "
                + "budget is 1.0 MB; raise it, or lower shots_per_batch", none.getMessage());
        SeicheException memory = assertThrows(SeicheException.class, () -> plan(Mode.MEMORY, Compression.NONE, 500_000_000L, 1));
        assertEquals("propagator.storage.memory: memory mode stores 1.00 GB for 1 shot(s) at once but the budget is 500.0 MB; "
                + "raise it, lower shots_per_batch, or use mode checkpoint or disk (or compression)", memory.getMessage());
        SeicheException checkpoint = assertThrows(SeicheException.class, () -> plan(Mode.CHECKPOINT, Compression.NONE, 15_000_000, 1));
        assertTrue(checkpoint.getMessage().startsWith("propagator.storage.memory: checkpointing needs at least 17.0 MB"),
                checkpoint.getMessage());
    }

    @Test
    void anExplicitModeIsKept() {
        Storage.Plan disk = plan(Mode.DISK, Compression.BF16, 0, 4);
        assertEquals(Mode.DISK, disk.mode());
        assertEquals(Compression.BF16, disk.compression());
        assertEquals(11_000_000 + DiskFiles.BUFFERS * 1_000_000L + 2 * 500_000, disk.bytesPerShot());
        Storage.Plan few = plan(Mode.CHECKPOINT, Compression.NONE, 4 * 23_000_000L, 4);
        assertEquals(3, few.snapshots(), "two snapshots a shot beside the initial state");
        assertTrue(few.recomputedSteps() > 5000, "few snapshots recompute much: " + few.recomputedSteps());
    }
}
