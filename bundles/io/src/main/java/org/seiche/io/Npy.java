package org.seiche.io;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;

/**
 * NumPy {@code .npy} files, format versions 1.0, 2.0 and 3.0: every numeric or boolean array
 * numpy writes (either byte order, C or Fortran order) is read into {@link NdArray}; float32,
 * float64 and int32 arrays are written, little-endian and C order, as numpy writes them. Data
 * goes through a fixed-size buffer, so arrays of tens of millions of values cost no memory
 * beyond the array itself (a Fortran-order file: one buffer's values more). Anything else is
 * refused with a {@link SeicheException} naming the file and what is wrong.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy pads the header so that the data starts on a 64-byte boundary (for memory mapping). */
    private static final int ALIGN = 64;
    /** numpy leaves room after the dict for the first axis to grow to this many digits in place. */
    private static final int GROWTH_DIGITS = 21;
    /** Bytes per read or write call: a multiple of every item size. */
    private static final int CHUNK = 1 << 20;
    /** The longest Java array. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /** What a file's header says: numpy's dtype string (e.g. {@code <f4}), the storage order and the shape. */
    public record Header(String dtype, boolean fortranOrder, int[] shape) {
        public Header {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** The number of values; saturates at Long.MAX_VALUE instead of overflowing. */
        public long size() {
            long n = 1;
            for (int d : shape) {
                n = n > Long.MAX_VALUE / Math.max(d, 1) ? Long.MAX_VALUE : n * d;
            }
            return n;
        }
    }

    /** Reads only the header: dtype and shape without the data. */
    public static Header header(Path file) {
        try (FileChannel ch = FileChannel.open(file)) {
            return readHeader(file, ch).header();
        } catch (IOException e) {
            throw cannot("read", file, e);
        }
    }

    /**
     * Reads any numeric or boolean array numpy writes (0-d included) as doubles in C order:
     * either byte order, C or Fortran order, float16/32/64, signed and unsigned integers of
     * 1 to 8 bytes, and bool (as 0 and 1).
     */
    public static NdArray read(Path file) {
        try (FileChannel ch = FileChannel.open(file)) {
            Layout layout = readHeader(file, ch);
            Header h = layout.header();
            Kind kind = Kind.of(file, h.dtype());
            long n = h.size();
            if (n > MAX_VALUES) {
                throw fail(file, "shape " + Arrays.toString(h.shape()) + " holds more values than one array can");
            }
            // Bytes after the data are ignored, as numpy does.
            long found = (ch.size() - layout.dataOffset()) / kind.bytes;
            if (found < n) {
                throw fail(file, "file is truncated: header says " + n + " values, found " + found);
            }
            double[] out = new double[(int) n];
            ByteOrder order = h.dtype().charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, n * kind.bytes)).order(order);
            // Fortran order: values come first axis fastest and are scattered to their C-order places
            FortranOrder scatter = h.fortranOrder() && h.shape().length > 1 ? new FortranOrder(h.shape()) : null;
            double[] chunk = scatter == null ? out : new double[buf.capacity() / kind.bytes];
            ch.position(layout.dataOffset());
            for (int done = 0; done < n; ) {
                buf.clear().limit((int) Math.min(buf.capacity(), (n - done) * kind.bytes));
                fill(file, ch, buf);
                int count = buf.limit() / kind.bytes;
                if (scatter == null) {
                    kind.decode(buf, out, done, count);
                } else {
                    kind.decode(buf, chunk, 0, count);
                    scatter.place(chunk, count, out);
                }
                done += count;
            }
            return new NdArray(h.shape(), out);
        } catch (IOException e) {
            throw cannot("read", file, e);
        }
    }

    /** Walks a Fortran-order file's values (first axis fastest), giving each one's C-order position. */
    private static final class FortranOrder {
        private final int[] shape;
        private final int[] cStride;
        private final int[] index;
        private int at;

        FortranOrder(int[] shape) {
            this.shape = shape;
            this.cStride = new int[shape.length];
            this.index = new int[shape.length];
            int s = 1;
            for (int d = shape.length - 1; d >= 0; d--) {
                cStride[d] = s;
                s *= shape[d];
            }
        }

        /** Puts the next count values of the file at their places in the C-order array. */
        void place(double[] values, int count, double[] out) {
            for (int i = 0; i < count; i++) {
                out[at] = values[i];
                for (int d = 0; d < shape.length; d++) {
                    at += cStride[d];
                    if (++index[d] < shape[d]) {
                        break;
                    }
                    at -= cStride[d] * shape[d];
                    index[d] = 0;
                }
            }
        }
    }

    /**
     * Reads grid-cell locations [shots, perShot, ndim] from an integer file, or a float file
     * holding whole numbers.
     */
    public static Locations readLocations(Path file, int ndim) {
        NdArray a = read(file);
        int[] s = a.shape();
        if (s.length != 3 || s[2] != ndim) {
            throw fail(file, "locations must have shape [shots, perShot, " + ndim + "], got " + a.shapeString());
        }
        double[] d = a.data();
        int[] cells = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            double v = d[i];
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw fail(file, "value " + v + " at flat index " + i + " is not a grid-cell index (a whole number)");
            }
            cells[i] = (int) v;
        }
        return new Locations(s[0], s[1], ndim, cells);
    }

    /** Writes the array as float32 or float64. */
    public static void write(Path file, NdArray a, Precision p) {
        double[] d = a.data();
        if (p == Precision.FLOAT32) {
            write(file, "<f4", 4, a.shape(), d.length, (b, from, n) -> {
                for (int i = from; i < from + n; i++) {
                    b.putFloat((float) d[i]);
                }
            });
        } else {
            write(file, "<f8", 8, a.shape(), d.length, (b, from, n) -> {
                for (int i = from; i < from + n; i++) {
                    b.putDouble(d[i]);
                }
            });
        }
    }

    /** Writes an int32 array of the given shape (C order). */
    public static void writeInt(Path file, int[] shape, int[] data) {
        if (NdArray.size(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
        write(file, "<i4", 4, shape, data.length, (b, from, n) -> {
            for (int i = from; i < from + n; i++) {
                b.putInt(data[i]);
            }
        });
    }

    /** The header text numpy itself writes for a C-order array, so the files are byte-identical. */
    static byte[] headerBytes(String dtype, int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(dtype).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(i > 0 ? ", " : "").append(shape[i]);
        }
        dict.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_DIGITS - Integer.toString(shape[0]).length()));
        }
        // numpy always adds 1 to 64 spaces, then the newline.
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        dict.append(" ".repeat(ALIGN - unpadded % ALIGN)).append('\n');
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) dict.length());
        b.put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    /** Puts values [from, from + count) into the buffer. */
    private interface Encoder {
        void put(ByteBuffer buf, int from, int count);
    }

    /** Writes a sibling file and moves it into place, so that a failed write leaves no partial file. */
    private static void write(Path file, String dtype, int itemBytes, int[] shape, int count, Encoder encoder) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (FileChannel ch = FileChannel.open(part, CREATE, TRUNCATE_EXISTING, WRITE)) {
                drain(ch, ByteBuffer.wrap(headerBytes(dtype, shape)));
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, (long) count * itemBytes)).order(ByteOrder.LITTLE_ENDIAN);
                int perChunk = buf.capacity() / itemBytes;
                for (int done = 0; done < count; done += perChunk) {
                    buf.clear();
                    encoder.put(buf, done, Math.min(perChunk, count - done));
                    drain(ch, buf.flip());
                }
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the write's own failure is the one worth reporting
            }
            throw cannot("write", file, e);
        }
    }

    private static void drain(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Fills the buffer up to its limit and flips it. */
    private static void fill(Path file, FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw fail(file, "file is truncated");
            }
        }
        buf.flip();
    }

    private record Layout(Header header, long dataOffset) {
    }

    private static Layout readHeader(Path file, FileChannel ch) throws IOException {
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        while (pre.hasRemaining() && ch.read(pre) >= 0) {
            // a short file is refused below
        }
        int got = pre.position();
        if (got < MAGIC.length || !Arrays.equals(Arrays.copyOf(pre.array(), MAGIC.length), MAGIC)) {
            throw fail(file, "not a NumPy .npy file (bad magic)");
        }
        if (got < 10) {
            throw fail(file, "file is truncated: the header is cut off");
        }
        int major = pre.get(6);
        int minor = pre.get(7);
        if (major < 1 || major > 3) {
            throw fail(file, "unsupported .npy format version " + major + "." + minor);
        }
        // Version 1.0 gives the header length in 2 bytes, later versions in 4.
        int start = major == 1 ? 10 : 12;
        long length = major == 1 ? pre.getShort(8) & 0xffff : pre.getInt(8) & 0xffffffffL;
        if (got < start || start + length > ch.size()) {
            throw fail(file, "file is truncated: the header is cut off");
        }
        if (length > CHUNK) {
            throw fail(file, "header of " + length + " bytes is too long to be a plain array's");
        }
        ByteBuffer text = ByteBuffer.allocate((int) length);
        ch.position(start);
        fill(file, ch, text);
        // Version 3.0 differs from 2.0 only in allowing UTF-8 in the header.
        String dict = new String(text.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return new Layout(parseHeader(file, dict), start + length);
    }

    private static Header parseHeader(Path file, String text) {
        Literal literal = new Literal(file, text);
        if (!(literal.whole() instanceof Map<?, ?> dict)) {
            throw fail(file, "malformed .npy header: not a dict");
        }
        Object descr = dict.get("descr");
        if (descr instanceof List<?> fields) {
            throw fail(file, "structured dtype " + python(fields) + " (records with named fields) is not supported");
        }
        if (!(descr instanceof String dtype)) {
            throw fail(file, "malformed .npy header: no 'descr' string");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw fail(file, "malformed .npy header: no 'fortran_order' True or False");
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw fail(file, "malformed .npy header: no 'shape' tuple");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw fail(file, "malformed .npy header: bad dimension " + dims.get(i) + " in shape " + dims);
            }
            shape[i] = (int) (long) d;
        }
        return new Header(dtype, fortran, shape);
    }

    /** A structured dtype as numpy writes it: a list of (name, type[, shape]) tuples (the literal reads both as lists). */
    private static String python(Object v) {
        if (v instanceof List<?> items) {
            boolean fields = !items.isEmpty() && items.stream().allMatch(i -> i instanceof List);
            StringBuilder b = new StringBuilder(fields ? "[" : "(");
            for (int i = 0; i < items.size(); i++) {
                b.append(i > 0 ? ", " : "").append(python(items.get(i)));
            }
            return b.append(fields ? "]" : ")").toString();
        }
        return v instanceof String str ? "'" + str + "'" : String.valueOf(v);
    }

    /**
     * The header is a Python dict literal; this reads the subset numpy writes: strings,
     * True/False, integers (with Python 2's L suffix), tuples and lists.
     */
    private static final class Literal {
        private final Path file;
        private final String s;
        private int pos;

        Literal(Path file, String s) {
            this.file = file;
            this.s = s;
        }

        /** The one value of the text, followed only by the padding. */
        Object whole() {
            Object v = value();
            if (!s.substring(pos).isBlank()) {
                throw malformed();
            }
            return v;
        }

        private Object value() {
            skipSpace();
            char c = pos < s.length() ? s.charAt(pos) : '\0';
            if (c == '{') {
                pos++;
                Map<Object, Object> dict = new HashMap<>();
                while (!closes('}')) {
                    Object key = value();
                    expect(':');
                    dict.put(key, value());
                    separator('}');
                }
                return dict;
            }
            if (c == '(' || c == '[') {
                char close = c == '(' ? ')' : ']';
                pos++;
                List<Object> items = new ArrayList<>();
                while (!closes(close)) {
                    items.add(value());
                    separator(close);
                }
                return items;
            }
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                if (end < 0) {
                    throw malformed();
                }
                String v = s.substring(pos + 1, end);
                pos = end + 1;
                return v;
            }
            int from = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
                pos++;
            }
            String word = s.substring(from, pos);
            if (word.equals("True") || word.equals("False")) {
                return Boolean.valueOf(word.equals("True"));
            }
            try {
                return Long.valueOf(word.endsWith("L") ? word.substring(0, word.length() - 1) : word);
            } catch (NumberFormatException e) {
                pos = from;
                throw malformed();
            }
        }

        /** After an item: the closing bracket (left for {@link #closes}) or a comma. */
        private void separator(char close) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == close) {
                return;
            }
            expect(',');
        }

        private boolean closes(char close) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == close) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw malformed();
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private SeicheException malformed() {
            return fail(file, "malformed .npy header at character " + pos);
        }
    }

    /** The element types read; each decodes bytes (in the buffer's order) to doubles. */
    private enum Kind {
        F2("f2", 2), F4("f4", 4), F8("f8", 8), I1("i1", 1), I2("i2", 2), I4("i4", 4), I8("i8", 8),
        U1("u1", 1), U2("u2", 2), U4("u4", 4), U8("u8", 8), B1("b1", 1);

        private final String code;
        private final int bytes;

        Kind(String code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        /** numpy writes '<' or '>' before a type of several bytes and '|' (order irrelevant) before a one-byte type. */
        static Kind of(Path file, String dtype) {
            char order = dtype.isEmpty() ? ' ' : dtype.charAt(0);
            for (Kind k : values()) {
                if (dtype.substring(Math.min(1, dtype.length())).equals(k.code)
                        && (order == '<' || order == '>' || order == '|' && k.bytes == 1)) {
                    return k;
                }
            }
            throw fail(file, "dtype '" + dtype + "'" + describe(dtype) + " is not supported (supported: float16, float32,"
                    + " float64, int8 to int64, uint8 to uint64, bool)");
        }

        /** What numpy calls the refused kinds a user is likely to meet. */
        private static String describe(String dtype) {
            String code = dtype.replaceFirst("^[<>|=]", "");
            return switch (code.isEmpty() ? ' ' : code.charAt(0)) {
                case 'O' -> " (Python objects)";
                case 'c' -> " (complex)";
                case 'U', 'S' -> " (strings)";
                case 'V' -> " (raw bytes or records)";
                case 'M', 'm' -> " (dates or time spans)";
                case 'f' -> " (a float of this size)";
                default -> "";
            };
        }

        void decode(ByteBuffer b, double[] out, int off, int n) {
            switch (this) {
                case F2 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = halfToFloat(b.getShort(2 * i));
                    }
                }
                case F4 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.getFloat(4 * i);
                    }
                }
                case F8 -> b.asDoubleBuffer().get(out, off, n);
                case I1 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.get(i);
                    }
                }
                case I2 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.getShort(2 * i);
                    }
                }
                case I4 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.getInt(4 * i);
                    }
                }
                case I8 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.getLong(8 * i);
                    }
                }
                case U1 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.get(i) & 0xff;
                    }
                }
                case U2 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.getShort(2 * i) & 0xffff;
                    }
                }
                case U4 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.getInt(4 * i) & 0xffffffffL;
                    }
                }
                case U8 -> {
                    for (int i = 0; i < n; i++) {
                        long v = b.getLong(8 * i);
                        // the top bit is worth 2^63, not -2^63
                        out[off + i] = v >= 0 ? v : (double) (v & Long.MAX_VALUE) + 0x1p63;
                    }
                }
                case B1 -> {
                    for (int i = 0; i < n; i++) {
                        out[off + i] = b.get(i) != 0 ? 1 : 0;
                    }
                }
            }
        }
    }

    /** IEEE 754 binary16 to float (exactly: every half is a float). */
    static float halfToFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24
            float v = mantissa * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | (exponent + 127 - 15) << 23 | mantissa << 13);
    }

    private static SeicheException fail(Path file, String what) {
        return new SeicheException(file + ": " + what);
    }

    private static SeicheException cannot(String action, Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "No such file or directory"
                : e instanceof AccessDeniedException ? "Permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new SeicheException(file + ": cannot " + action + " (" + reason + ")", e);
    }
}
