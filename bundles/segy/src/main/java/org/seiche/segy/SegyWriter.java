package org.seiche.segy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * Writes receiver data [shots, receivers, nt] as SEG-Y rev 2: EBCDIC textual header,
 * big-endian, 4-byte IEEE samples (format 5), fixed trace length, one trace per receiver
 * slot that has a position (empty slots are left out), field record = shot + 1. Positions
 * go in with one power-of-ten scalar (bytes 69-72) chosen so that they are stored exactly
 * where a scalar up to 1/10000 allows.
 */
public final class SegyWriter {
    private static final int[] DIVISORS = {1, 10, 100, 1000, 10000};

    private SegyWriter() {
    }

    public static void write(Path file, NdArray data, double dt, Geometry g) {
        if (data.ndim() != 3 || data.dim(0) != g.shots() || data.dim(1) != g.perShot()) {
            throw new SeicheException(file + ": receiver data " + data.shapeString() + " does not match the geometry's "
                    + g.shots() + " shots of " + g.perShot() + " receivers");
        }
        int nt = data.dim(2);
        String bad = intervalProblem(dt);
        if (bad != null) {
            throw new SeicheException(file + ": " + bad);
        }
        long us = Math.round(dt * 1e6);
        int divisor = divisor(file, g);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(headers(g, nt, (int) us));
            ByteBuffer t = ByteBuffer.allocate(TraceHeader.BYTES + 4 * nt).order(ByteOrder.BIG_ENDIAN);
            double[] d = data.data();
            int seq = 0;
            for (int s = 0; s < g.shots(); s++) {
                double[] src = g.source(s);
                for (int r = 0; r < g.perShot(); r++) {
                    double[] rec = g.receiver(s, r);
                    if (rec == null) {
                        continue;
                    }
                    seq++;
                    t.clear();
                    t.put(new byte[TraceHeader.BYTES]).clear();
                    t.putInt(0, seq).putInt(4, seq).putInt(8, g.fieldRecord(s)).putInt(12, r + 1);
                    t.putShort(28, (short) 1); // trace identification: time-domain seismic data
                    t.putInt(40, scaled(-rec[0], divisor)).putInt(44, 0).putInt(48, scaled(src[0], divisor));
                    t.putShort(68, (short) -divisor).putShort(70, (short) -divisor);
                    t.putInt(72, scaled(src[2], divisor)).putInt(76, scaled(src[1], divisor));
                    t.putInt(80, scaled(rec[2], divisor)).putInt(84, scaled(rec[1], divisor));
                    t.putShort(88, (short) 1); // coordinate units: length
                    t.putShort(114, (short) (nt <= 0xffff ? nt : 0)).putShort(116, (short) us);
                    t.position(TraceHeader.BYTES);
                    int base = (s * g.perShot() + r) * nt;
                    for (int i = 0; i < nt; i++) {
                        t.putFloat((float) d[base + i]);
                    }
                    t.flip();
                    while (t.hasRemaining()) {
                        ch.write(t);
                    }
                }
            }
        } catch (IOException e) {
            throw new SeicheException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    /** Why a sample interval (s) cannot be written, or null when it can: whole microseconds, 1 to 65535. */
    public static String intervalProblem(double dt) {
        double micros = dt * 1e6;
        long us = Math.round(micros);
        if (us < 1 || us > 0xffff || Math.abs(us - micros) > 1e-6 * micros) {
            return "sample interval " + dt + " s is not a whole number of microseconds from 1 to 65535 (SEG-Y binary header bytes"
                    + " 3217-3218)";
        }
        return null;
    }

    private static ByteBuffer headers(Geometry g, int nt, int us) {
        StringBuilder text = new StringBuilder();
        String[] lines = {"SEG-Y REV 2 WRITTEN BY SEICHE: RECEIVER DATA", "SHOTS " + g.shots() + ", RECEIVER SLOTS PER SHOT " + g.perShot(),
            "SAMPLES PER TRACE " + nt + ", SAMPLE INTERVAL " + us + " MICROSECONDS", "4-BYTE IEEE FLOAT SAMPLES, BIG-ENDIAN",
            "FIELD RECORD = SHOT + 1; TRACE IN RECORD = RECEIVER SLOT + 1",
            "SOURCE DEPTH BYTES 49-52, RECEIVER ELEVATION = -DEPTH BYTES 41-44, METRES"};
        for (int i = 0; i < 40; i++) {
            String body = i == 38 ? "SEG-Y_REV2.0" : i == 39 ? "END TEXTUAL HEADER" : i < lines.length ? lines[i] : "";
            text.append(String.format(Locale.ROOT, "%-80.80s", String.format(Locale.ROOT, "C%2d %s", i + 1, body)));
        }
        ByteBuffer b = ByteBuffer.allocate(SegyReader.HEADERS_BYTES).order(ByteOrder.BIG_ENDIAN);
        b.put(Ebcdic.encode(text.toString()));
        b.putShort(3212, (short) 1); // data traces per ensemble
        b.putShort(3216, (short) us).putShort(3218, (short) us);
        b.putShort(3220, (short) (nt <= 0xffff ? nt : 0)).putShort(3222, (short) (nt <= 0xffff ? nt : 0));
        b.putShort(3224, (short) SampleFormat.IEEE_FLOAT32.code());
        b.putShort(3226, (short) Math.min(g.perShot(), Short.MAX_VALUE)); // ensemble fold
        b.putShort(3228, (short) 1); // trace sorting: as recorded
        b.putShort(3254, (short) 1); // measurement system: metres
        b.putInt(3268, nt);
        b.putInt(3296, SegyReader.BYTE_ORDER_CONSTANT);
        b.put(3500, (byte) 2).put(3501, (byte) 0); // revision 2.0
        b.putShort(3502, (short) 1); // fixed trace length
        b.putShort(3504, (short) 0); // no extended textual headers
        b.clear();
        return b;
    }

    /** The smallest power-of-ten divisor that stores every position exactly, else the largest that fits 32 bits. */
    private static int divisor(Path file, Geometry g) {
        double largest = 0;
        for (int pass = 0; pass < DIVISORS.length; pass++) {
            int d = DIVISORS[pass];
            boolean exact = true;
            boolean fits = true;
            for (int s = 0; s < g.shots(); s++) {
                for (int r = -1; r < g.perShot(); r++) {
                    double[] p = r < 0 ? g.source(s) : g.receiver(s, r);
                    if (p == null) {
                        continue;
                    }
                    for (double v : p) {
                        double x = v * d;
                        largest = Math.max(largest, Math.abs(v));
                        fits &= Math.abs(x) < Integer.MAX_VALUE;
                        exact &= Math.abs(x - Math.rint(x)) <= 1e-9 * Math.max(1, Math.abs(x));
                    }
                }
            }
            if (!fits) {
                if (pass == 0) {
                    throw new SeicheException(file + ": a position of " + largest + " m does not fit the 32-bit coordinate fields");
                }
                return DIVISORS[pass - 1];
            }
            if (exact) {
                return d;
            }
        }
        return DIVISORS[DIVISORS.length - 1];
    }

    private static int scaled(double metres, int divisor) {
        return (int) Math.rint(metres * divisor);
    }
}
