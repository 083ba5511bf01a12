package org.seiche.plot;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PNG encoding of an RGB raster, several times faster than ImageIO's: a row equal to the
 * one above is filtered Up (all zeros), any other Sub (zeros along a cell), and deflate
 * runs at its fastest level. The pictures are blocks of one colour per cell, which this
 * compresses about as well as the exhaustive filter search ImageIO does on every row
 * (that search was most of the cost of an inversion iteration's pictures).
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int SUB = 1;
    private static final int UP = 2;

    private PngEncoder() {
    }

    /** 0xRRGGBB pixels, row after row. */
    static void write(OutputStream out, int[] pixels, int width, int height) throws IOException {
        DataOutputStream o = new DataOutputStream(out);
        o.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits per sample, RGB, deflate, adaptive filtering, no interlace
        chunk(o, "IHDR", header.toByteArray());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater, 1 << 16)) {
            byte[] row = new byte[1 + 3 * width];
            for (int y = 0; y < height; y++) {
                int base = y * width;
                boolean repeat = y > 0 && Arrays.equals(pixels, base, base + width, pixels, base - width, base);
                if (repeat) {
                    Arrays.fill(row, (byte) 0);
                    row[0] = UP;
                } else {
                    row[0] = SUB;
                    int previous = 0;
                    for (int x = 0; x < width; x++) {
                        int p = pixels[base + x];
                        row[1 + 3 * x] = (byte) ((p >> 16) - (previous >> 16));
                        row[2 + 3 * x] = (byte) ((p >> 8) - (previous >> 8));
                        row[3 + 3 * x] = (byte) (p - previous);
                        previous = p;
                    }
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(o, "IDAT", data.toByteArray());
        chunk(o, "IEND", new byte[0]);
        o.flush();
    }

    private static void chunk(DataOutputStream o, String type, byte[] body) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        o.writeInt(body.length);
        o.write(t);
        o.write(body);
        o.writeInt((int) crc.getValue());
    }
}
