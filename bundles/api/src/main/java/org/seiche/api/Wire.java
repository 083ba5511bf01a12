package org.seiche.api;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form shot work and results travel in: little-endian numbers, arrays
 * as shape then raw doubles (exact, so a result is the same bits wherever it was made),
 * strings as UTF-8 with a length. Never Java serialisation: a reader builds only these
 * values, and a malformed message is refused, not guessed at.
 */
final class Wire {
    private Wire() {
    }

    /** A growing buffer to write into. */
    static final class Out {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 12).order(ByteOrder.LITTLE_ENDIAN);

        private ByteBuffer room(long bytes) {
            if (buf.remaining() < bytes) {
                long need = buf.position() + bytes;
                if (need > Integer.MAX_VALUE - 8) {
                    throw new SeicheException("shot message: larger than 2 GB");
                }
                ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * buf.capacity())))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
            return buf;
        }

        Out i32(int v) {
            room(4).putInt(v);
            return this;
        }

        Out i64(long v) {
            room(8).putLong(v);
            return this;
        }

        Out f64(double v) {
            room(8).putDouble(v);
            return this;
        }

        Out str(String s) {
            if (s == null) {
                return i32(-1);
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            room(b.length).put(b);
            return this;
        }

        Out ints(int[] a) {
            i32(a.length);
            room(4L * a.length).asIntBuffer().put(a);
            buf.position(buf.position() + 4 * a.length);
            return this;
        }

        Out doubles(double[] a) {
            i32(a.length);
            room(8L * a.length).asDoubleBuffer().put(a);
            buf.position(buf.position() + 8 * a.length);
            return this;
        }

        /** An array or null. */
        Out array(NdArray a) {
            if (a == null) {
                return i32(-1);
            }
            ints(a.shape());
            room(8L * a.size()).asDoubleBuffer().put(a.data());
            buf.position(buf.position() + 8 * a.size());
            return this;
        }

        Out arrays(List<NdArray> list) {
            i32(list.size());
            list.forEach(this::array);
            return this;
        }

        Out named(Map<String, NdArray> map) {
            i32(map.size());
            map.forEach((k, v) -> str(k).array(v));
            return this;
        }

        byte[] toBytes() {
            byte[] out = new byte[buf.position()];
            buf.flip();
            buf.get(out);
            return out;
        }
    }

    /** Reads what {@link Out} wrote; any inconsistency is a SeicheException naming the message. */
    static final class In {
        private final ByteBuffer buf;
        private final String what;

        In(byte[] bytes, String what) {
            this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            this.what = what;
        }

        private SeicheException malformed(String detail) {
            return new SeicheException(what + ": malformed message (" + detail + ")");
        }

        private int count(String of, long elementBytes) {
            int n = i32();
            if (n < 0 || n * elementBytes > buf.remaining()) {
                throw malformed(of + " count " + n + " with " + buf.remaining() + " bytes left");
            }
            return n;
        }

        int i32() {
            try {
                return buf.getInt();
            } catch (BufferUnderflowException e) {
                throw malformed("truncated");
            }
        }

        long i64() {
            try {
                return buf.getLong();
            } catch (BufferUnderflowException e) {
                throw malformed("truncated");
            }
        }

        double f64() {
            try {
                return buf.getDouble();
            } catch (BufferUnderflowException e) {
                throw malformed("truncated");
            }
        }

        String str() {
            if (buf.remaining() >= 4 && buf.getInt(buf.position()) == -1) {
                buf.getInt();
                return null;
            }
            byte[] b = new byte[count("string", 1)];
            buf.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        int[] ints() {
            int[] a = new int[count("ints", 4)];
            buf.asIntBuffer().get(a);
            buf.position(buf.position() + 4 * a.length);
            return a;
        }

        double[] doubles() {
            double[] a = new double[count("doubles", 8)];
            buf.asDoubleBuffer().get(a);
            buf.position(buf.position() + 8 * a.length);
            return a;
        }

        NdArray array() {
            if (buf.remaining() >= 4 && buf.getInt(buf.position()) == -1) {
                buf.getInt();
                return null;
            }
            int[] shape = ints();
            long size = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw malformed("negative dimension " + d);
                }
                size *= d;
            }
            if (size * 8 > buf.remaining()) {
                throw malformed("array of " + size + " values with " + buf.remaining() + " bytes left");
            }
            double[] data = new double[(int) size];
            buf.asDoubleBuffer().get(data);
            buf.position(buf.position() + 8 * data.length);
            return new NdArray(shape, data);
        }

        List<NdArray> arrays() {
            int n = count("arrays", 4);
            List<NdArray> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(array());
            }
            return out;
        }

        Map<String, NdArray> named() {
            int n = count("named arrays", 8);
            Map<String, NdArray> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                out.put(str(), array());
            }
            return out;
        }

        /** The header every message starts with, checked. */
        void expect(int magic, int version) {
            int m = i32();
            int v = i32();
            if (m != magic) {
                throw malformed("not a " + what);
            }
            if (v != version) {
                throw new SeicheException(what + ": format version " + v + ", this Seiche reads version " + version);
            }
        }

        void end() {
            if (buf.hasRemaining()) {
                throw malformed(buf.remaining() + " bytes after the end");
            }
        }
    }
}
