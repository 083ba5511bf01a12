package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.seiche.api.Device;
import org.seiche.api.SeicheException;

class CudaDeviceTest {
    private static final CudaProbe NO_DRIVER = new CudaProbe(null, "no CUDA driver (libcuda.so.1 not found)");

    @Test
    void anUnavailableDeviceSaysWhyAndLosesToTheCpu() {
        CudaDevice d = new CudaDevice(NO_DRIVER, new CudaDevice.Shared(), 2);
        assertEquals("cuda", d.name());
        assertEquals(NO_DRIVER.reason(), d.unavailableReason());
        assertEquals(0, d.priority());
        SeicheException e = assertThrows(SeicheException.class, d::context);
        assertTrue(e.getMessage().contains("libcuda.so.1"), e.getMessage());
        d.close();
    }

    @Test
    void anAvailableDeviceOutranksTheCpu() {
        CudaDevice d = new CudaDevice(new CudaProbe(new Gpu(0, "card", 1L << 30, 8, 0), null), new CudaDevice.Shared(), 2);
        assertTrue(d.priority() > 0);
        d.close();
    }

    @Test
    void runsHostWorkOnItsThreads() {
        CudaDevice d = new CudaDevice(NO_DRIVER, new CudaDevice.Shared(), 2);
        Device three = d.withThreads(3);
        assertEquals(3, three.threads());
        assertSame(d, d.withThreads(2));
        AtomicIntegerArray hits = new AtomicIntegerArray(12);
        three.parallel(3, outer -> three.parallel(4, inner -> hits.incrementAndGet(outer * 4 + inner)));
        for (int i = 0; i < 12; i++) {
            assertEquals(1, hits.get(i));
        }
        d.close();
    }
}
