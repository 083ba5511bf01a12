package org.seiche.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void stepsFollowTheOneTwoFiveSeries() {
        assertEquals(200, Ticks.step(990, 6), 1e-9);
        assertEquals(0.2, Ticks.step(1.998, 10), 1e-12);
        assertEquals(5e-8, Ticks.step(1.9e-7, 4), 1e-20);
        assertEquals(1000, Ticks.step(3000, 3), 1e-9);
        assertEquals(2e-6, Ticks.smaller(5e-6), 1e-18);
        assertEquals(1e-6, Ticks.smaller(2e-6), 1e-18);
        assertEquals(0.5, Ticks.smaller(1), 1e-12);
        for (double span = 1e-6; span < 1e6; span *= 1.37) {
            double s = Ticks.step(span, 5);
            double mantissa = s / Math.pow(10, Math.floor(Math.log10(s) + 1e-9));
            assertTrue(Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6,
                    span + " gave a step of " + s);
            assertTrue(span / s <= 5 + 1e-9 && span / s > 1, span + " gave " + span / s + " intervals of " + s);
        }
    }

    @Test
    void valuesAreTheMultiplesInsideTheRange() {
        assertArrayEquals(new double[] {0, 200, 400, 600, 800}, Ticks.values(0, 990, 6, 0), 1e-9);
        assertArrayEquals(new double[] {-5e-8, 0, 5e-8}, Ticks.values(-9.6e-8, 9.6e-8, 4, 0), 1e-20);
        assertArrayEquals(new double[] {0, 1, 2, 3}, Ticks.values(0, 3, 10, 1), 0, "an index has whole ticks");
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5}, Ticks.values(0, 1.998, 5, 0), 1e-12);
        assertArrayEquals(new double[] {-4e-6, -2e-6, 0, 2e-6, 4e-6}, Ticks.values(-4.59e-6, 4.59e-6, 4, 0), 1e-18,
                "at least three ticks: the next smaller step when 5e-6 would show only 0");
        assertArrayEquals(new double[] {0, 1}, Ticks.values(0, 1, 4, 1), 0, "an index's steps stay whole");
    }

    @Test
    void labelsHaveTheDecimalsTheirSpacingNeeds() {
        assertArrayEquals(new String[] {"0", "0.2", "0.4"}, Ticks.labels(new double[] {0, 0.2, 0.4}));
        assertArrayEquals(new String[] {"-5e-8", "0", "5e-8"}, Ticks.labels(new double[] {-5e-8, 0, 5e-8}));
        assertArrayEquals(new String[] {"1500", "2000"}, Ticks.labels(new double[] {1500, 2000}));
        assertArrayEquals(new String[] {"0", "0.005", "0.010"}, Ticks.labels(new double[] {0, 0.005, 0.01}));
        assertEquals("1.5e-7", Ticks.format(1.5e-7, 5e-8));
        assertEquals("0.00123", Ticks.significant(0.0012345));
        assertEquals("1.23e-4", Ticks.significant(1.2345e-4));
        assertEquals("1500", Ticks.significant(1500));
    }
}
