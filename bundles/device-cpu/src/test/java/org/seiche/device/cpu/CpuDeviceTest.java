package org.seiche.device.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class CpuDeviceTest {
    @Test
    void runsEveryTaskOnceAlsoWhenNested() {
        CpuDevice cpu = new CpuDevice(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(12);
        cpu.parallel(3, outer -> cpu.parallel(4, inner -> hits.incrementAndGet(outer * 4 + inner)));
        int[] ones = new int[12];
        java.util.Arrays.fill(ones, 1);
        int[] got = new int[12];
        for (int i = 0; i < 12; i++) {
            got[i] = hits.get(i);
        }
        assertArrayEquals(ones, got);
        cpu.close();
    }

    @Test
    void rethrowsAFailure() {
        CpuDevice cpu = new CpuDevice(2);
        assertThrows(IllegalStateException.class, () -> cpu.parallel(5, i -> {
            if (i == 3) {
                throw new IllegalStateException("boom");
            }
        }));
        assertEquals(3, cpu.withThreads(3).threads());
        cpu.close();
    }
}
