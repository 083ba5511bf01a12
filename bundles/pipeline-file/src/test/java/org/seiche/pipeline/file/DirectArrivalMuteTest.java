package org.seiche.pipeline.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;

/** mask: {direct_arrival}: the tapered mute the reader builds. */
class DirectArrivalMuteTest {
    @Test
    void muteIsZeroAtTheDirectArrivalAndOneFarFromIt() {
        Locations src = new Locations(1, 1, 2, new int[] {0, 0});
        Locations rec = new Locations(1, 1, 2, new int[] {0, 100});
        double dt = 0.001;
        // 100 cells of 5 m at 2000 m/s: the arrival at 0.25 s = sample 250
        NdArray m = DirectArrivalMute.build(src, rec, new double[] {5, 5}, 600, dt, 2000, 0.02, 0.05, 0);
        assertEquals(0.0, m.data()[250], 0.0);
        assertEquals(1.0, m.data()[10], 0.0);
        assertEquals(1.0, m.data()[590], 0.0);
        // the taper: 1 at its start, falling towards 0
        int start = 250 - (20 + 100) / 2;
        assertEquals(1.0, m.data()[start], 1e-12);
        assertEquals(Math.cos(25 / 50.0 * Math.PI / 2), m.data()[start + 25], 1e-12);
        // a delay of the wavelet's peak time moves the window later by as many samples
        NdArray delayed = DirectArrivalMute.build(src, rec, new double[] {5, 5}, 600, dt, 2000, 0.02, 0.05, 0.06);
        for (int i = 0; i < 600 - 60; i++) {
            assertEquals(m.data()[i], delayed.data()[i + 60], 1e-12, "sample " + i);
        }
    }
}
