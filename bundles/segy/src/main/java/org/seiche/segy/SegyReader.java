package org.seiche.segy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.seiche.api.SeicheException;

/**
 * A SEG-Y file open for reading: the textual and binary headers read and checked at open,
 * traces read one at a time through the file channel, so memory does not grow with the file.
 * Byte order comes from the rev 2 byte-order constant (bytes 3297-3300) when present, else
 * from which order makes the sample format code (bytes 3225-3226) one Seiche knows.
 */
public final class SegyReader implements AutoCloseable {
    static final int TEXT_BYTES = 3200;
    static final int BINARY_BYTES = 400;
    static final int HEADERS_BYTES = TEXT_BYTES + BINARY_BYTES;
    static final int BYTE_ORDER_CONSTANT = 0x01020304;
    private static final String END_TEXT = "((SEG: EndText))";

    private final Path path;
    private final FileChannel channel;
    private final ByteOrder order;
    private final boolean ebcdic;
    private final String text;
    private final SampleFormat format;
    private final int revision;
    private final int samples;
    private final int intervalMicros;
    private final int extendedHeaders;
    private final boolean feet;
    private final long dataStart;
    private final int traceBytes;
    private final int traces;

    /** Opens and checks a file; the caller closes it. */
    public static SegyReader open(Path path) {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new SeicheException(path + ": no such SEG-Y file");
        } catch (IOException e) {
            throw new SeicheException(path + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            return new SegyReader(path, ch);
        } catch (RuntimeException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the refusal is what matters
            }
            throw e;
        }
    }

    private SegyReader(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        long size = size();
        if (size < HEADERS_BYTES) {
            throw fail("is " + size + " bytes, shorter than the 3600 bytes of the textual and binary headers");
        }
        ByteBuffer head = read(0, HEADERS_BYTES);
        byte[] textBytes = new byte[TEXT_BYTES];
        head.get(0, textBytes);
        ebcdic = Ebcdic.isEbcdic(textBytes);
        text = Ebcdic.decode(textBytes, ebcdic);
        order = byteOrder(head);
        head.order(order);
        format = SampleFormat.of(head.getShort(3224));
        int rev = head.getShort(3500) & 0xffff;
        // rev 1 wrote 0x0100 as one 16-bit number, rev 2 two bytes (major, minor): both put the major first in
        // big-endian files; a little-endian writer swaps it into the low byte, and some writers put 1 or 2 there
        int major = rev >> 8;
        revision = major == 0 && (rev == 1 || rev == 2) ? rev : major;
        int extended = revision >= 1 ? head.getShort(3504) : 0;
        if (extended < -1) {
            throw fail("binary header bytes 3505-3506: " + extended + " extended textual headers (expected -1 or at least 0)");
        }
        if (revision >= 2 && head.getInt(3506) != 0) {
            throw fail("binary header bytes 3507-3510: " + head.getInt(3506)
                    + " additional trace headers per trace; Seiche reads files without them");
        }
        extendedHeaders = extended == -1 ? countExtended(size) : extended;
        dataStart = HEADERS_BYTES + (long) TEXT_BYTES * extendedHeaders;
        if (size < dataStart) {
            throw fail("is " + size + " bytes, but its " + extendedHeaders + " extended textual headers (bytes 3505-3506) end at byte "
                    + dataStart);
        }
        feet = head.getShort(3254) == 2;
        TraceHeader first = size >= dataStart + TraceHeader.BYTES ? readHeader(dataStart) : null;
        int ns = head.getShort(3220) & 0xffff;
        if (revision >= 2 && head.getInt(3268) > 0) {
            ns = head.getInt(3268);
        }
        if (ns == 0 && first != null) {
            ns = first.samples();
        }
        if (ns == 0) {
            throw fail("the number of samples per trace is 0 in the binary header (bytes 3221-3222) and in trace 1's header");
        }
        samples = ns;
        int dt = head.getShort(3216) & 0xffff;
        if (dt == 0 && first != null) {
            dt = first.intervalMicros();
        }
        if (dt == 0) {
            throw fail("the sample interval is 0 in the binary header (bytes 3217-3218) and in trace 1's header (bytes 117-118)");
        }
        intervalMicros = dt;
        long bytes = TraceHeader.BYTES + (long) samples * format.bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw fail(samples + " samples per trace make traces longer than Seiche reads (2 GB)");
        }
        traceBytes = (int) bytes;
        long data = size - dataStart;
        if (data == 0) {
            throw fail("holds no traces after its headers (byte " + dataStart + ")");
        }
        if (data % traceBytes != 0) {
            long whole = data / traceBytes;
            boolean variable = revision >= 1 && head.getShort(3502) == 0;
            throw fail("is " + size + " bytes: trace " + (whole + 1) + " at byte " + (dataStart + whole * traceBytes) + " is cut short ("
                    + data % traceBytes + " of " + traceBytes + " bytes = 240 + " + samples + " samples of " + format.bytes()
                    + " bytes); the file is truncated or its sample count or format is wrong"
                    + (variable ? ", or its traces vary in length (fixed-length flag 0, bytes 3503-3504), which Seiche does not read" : ""));
        }
        if (data / traceBytes > Integer.MAX_VALUE) {
            throw fail("holds more than " + Integer.MAX_VALUE + " traces");
        }
        traces = (int) (data / traceBytes);
    }

    private ByteOrder byteOrder(ByteBuffer head) {
        int constant = head.order(ByteOrder.BIG_ENDIAN).getInt(3296);
        if (constant == BYTE_ORDER_CONSTANT) {
            return ByteOrder.BIG_ENDIAN;
        }
        if (constant == Integer.reverseBytes(BYTE_ORDER_CONSTANT)) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        short big = head.getShort(3224);
        if (SampleFormat.of(big) != null) {
            return ByteOrder.BIG_ENDIAN;
        }
        short little = Short.reverseBytes(big);
        if (SampleFormat.of(little) != null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        throw fail("binary header bytes 3225-3226: sample format code " + big + " (" + little
                + " little-endian) is not one Seiche reads (" + SampleFormat.known() + ")");
    }

    /** Extended textual headers given as -1 (rev 1 and 2: variable): blocks up to the one holding ((SEG: EndText)). */
    private int countExtended(long size) {
        String endEbcdic = new String(Ebcdic.encode(END_TEXT), java.nio.charset.StandardCharsets.ISO_8859_1);
        int n = 0;
        for (long at = HEADERS_BYTES; at + TEXT_BYTES <= size; at += TEXT_BYTES) {
            n++;
            byte[] block = new byte[TEXT_BYTES];
            read(at, TEXT_BYTES).get(0, block);
            String raw = new String(block, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (raw.contains(END_TEXT) || raw.contains(endEbcdic)) {
                return n;
            }
        }
        throw fail("binary header bytes 3505-3506 say a variable number of extended textual headers, but no block after byte 3600"
                + " holds the closing " + END_TEXT);
    }

    SeicheException fail(String what) {
        return new SeicheException(path + ": " + what);
    }

    private long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw fail("cannot read (" + e.getMessage() + ")");
        }
    }

    /** Bytes [at, at + n) in a buffer of the file's byte order. */
    private ByteBuffer read(long at, int n) {
        ByteBuffer b = ByteBuffer.allocate(n);
        fill(b, at);
        return b.order(order == null ? ByteOrder.BIG_ENDIAN : order);
    }

    private void fill(ByteBuffer b, long at) {
        b.clear();
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, at + b.position()) < 0) {
                    throw fail("ends at byte " + (at + b.position()) + " inside a read of " + b.capacity() + " bytes from byte " + at);
                }
            }
        } catch (IOException e) {
            throw fail("cannot read at byte " + at + " (" + e.getMessage() + ")");
        }
        b.flip();
    }

    private TraceHeader readHeader(long at) {
        return TraceHeader.read(read(at, TraceHeader.BYTES));
    }

    /** Byte offset of trace i (0-based). */
    public long offset(int trace) {
        return dataStart + (long) trace * traceBytes;
    }

    /** The header of trace i (0-based). */
    public TraceHeader header(int trace) {
        if (trace < 0 || trace >= traces) {
            throw new IndexOutOfBoundsException("trace " + trace + " of " + traces);
        }
        return checked(trace, readHeader(offset(trace)));
    }

    private TraceHeader checked(int trace, TraceHeader h) {
        if (h.samples() != 0 && h.samples() != samples && samples <= 0xffff) {
            throw fail("trace " + (trace + 1) + " (byte " + offset(trace) + "): its header says " + h.samples()
                    + " samples (bytes 115-116), the binary header " + samples + "; Seiche reads fixed-length traces only");
        }
        return h;
    }

    /** Called with each trace's header in file order (trace is 0-based). */
    @FunctionalInterface
    public interface HeaderVisitor {
        void visit(int trace, TraceHeader header);
    }

    /** Called with each trace in file order; samples is reused for the next trace. */
    @FunctionalInterface
    public interface TraceVisitor {
        void visit(int trace, TraceHeader header, double[] samples);
    }

    /** Streams the trace headers only. */
    public void forEachHeader(HeaderVisitor v) {
        ByteBuffer b = ByteBuffer.allocate(TraceHeader.BYTES).order(order);
        for (int i = 0; i < traces; i++) {
            fill(b, offset(i));
            v.visit(i, checked(i, TraceHeader.read(b)));
        }
    }

    /** Streams every trace, header and samples, one buffer of one trace at a time. */
    public void forEachTrace(TraceVisitor v) {
        ByteBuffer b = ByteBuffer.allocate(traceBytes).order(order);
        double[] values = new double[samples];
        for (int i = 0; i < traces; i++) {
            fill(b, offset(i));
            TraceHeader h = checked(i, TraceHeader.read(b));
            b.position(TraceHeader.BYTES);
            format.decode(b, samples, values);
            v.visit(i, h, values);
        }
    }

    public Path path() {
        return path;
    }

    public ByteOrder byteOrder() {
        return order;
    }

    /** Whether the textual header is EBCDIC (else ASCII). */
    public boolean ebcdic() {
        return ebcdic;
    }

    /** The textual header as 40 lines of 80 characters. */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < TEXT_BYTES; i += 80) {
            s.append(text, i, i + 80).append('\n');
        }
        return s.toString();
    }

    public SampleFormat format() {
        return format;
    }

    /** Major revision: 0, 1 or 2. */
    public int revision() {
        return revision;
    }

    public int samples() {
        return samples;
    }

    public int intervalMicros() {
        return intervalMicros;
    }

    /** Sample interval in seconds. */
    public double interval() {
        return intervalMicros * 1e-6;
    }

    public int extendedHeaders() {
        return extendedHeaders;
    }

    /** Whether lengths are in feet (binary header bytes 3255-3256 = 2), else metres. */
    public boolean feet() {
        return feet;
    }

    public int traces() {
        return traces;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw fail("cannot close (" + e.getMessage() + ")");
        }
    }
}
