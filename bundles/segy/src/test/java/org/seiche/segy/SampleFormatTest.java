package org.seiche.segy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** The extremes of the sample formats, which the files of SegyFilesTest (small values) do not reach. */
class SampleFormatTest {
    private static double first(SampleFormat f, ByteOrder order, int... bytes) {
        ByteBuffer b = ByteBuffer.allocate(bytes.length).order(order);
        for (int x : bytes) {
            b.put((byte) x);
        }
        double[] out = new double[1];
        f.decode(b.flip(), 1, out);
        return out[0];
    }

    @Test
    void ibmFloatsOfTheSeg_yStandard() {
        // SEG-Y rev 1, appendix: -118.625 is C2 76 A0 00
        assertEquals(-118.625, SampleFormat.ibm(0xC276A000));
        assertEquals(100.0, SampleFormat.ibm(0x42640000));
        assertEquals(0.0, SampleFormat.ibm(0));
        assertEquals(Math.scalb((double) 0xffffff, 4 * 63 - 24), SampleFormat.ibm(0x7fffffff), "the largest IBM float");
    }

    @Test
    void threeByteAndUnsignedIntegersInBothOrders() {
        assertEquals(-8388608, first(SampleFormat.INT24, ByteOrder.BIG_ENDIAN, 0x80, 0, 0));
        assertEquals(-2, first(SampleFormat.INT24, ByteOrder.LITTLE_ENDIAN, 0xfe, 0xff, 0xff));
        assertEquals(16777215, first(SampleFormat.UINT24, ByteOrder.BIG_ENDIAN, 0xff, 0xff, 0xff));
        assertEquals(0x010203, first(SampleFormat.UINT24, ByteOrder.LITTLE_ENDIAN, 3, 2, 1));
        assertEquals(18446744073709551615.0, first(SampleFormat.UINT64, ByteOrder.BIG_ENDIAN, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
        assertEquals(4294967295.0, first(SampleFormat.UINT32, ByteOrder.LITTLE_ENDIAN, 0xff, 0xff, 0xff, 0xff));
        assertEquals(65535, first(SampleFormat.UINT16, ByteOrder.BIG_ENDIAN, 0xff, 0xff));
        assertEquals(255, first(SampleFormat.UINT8, ByteOrder.BIG_ENDIAN, 0xff));
        assertEquals(-128, first(SampleFormat.INT8, ByteOrder.BIG_ENDIAN, 0x80));
        assertEquals(Long.MIN_VALUE, first(SampleFormat.INT64, ByteOrder.LITTLE_ENDIAN, 0, 0, 0, 0, 0, 0, 0, 0x80));
    }
}
