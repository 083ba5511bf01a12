package org.seiche.io;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;

/**
 * A .npy of shape [count, *frameShape] written a frame at a time as the frames come, so that
 * a long series never sits in memory: the header (count known in advance) first, each frame
 * at its own place, in any order and from any thread; frames never put read back as zeros.
 * Frames can be read back one at a time.
 */
public final class NpyFrames implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final int count;
    private final int[] frameShape;
    private final int frameSize;
    private final int itemBytes;
    private final boolean single;
    private final long dataOffset;

    private NpyFrames(Path file, FileChannel channel, int count, int[] frameShape, Precision precision, long dataOffset) {
        this.file = file;
        this.channel = channel;
        this.count = count;
        this.frameShape = frameShape.clone();
        this.frameSize = (int) NdArray.size(frameShape);
        this.single = precision == Precision.FLOAT32;
        this.itemBytes = single ? Float.BYTES : Double.BYTES;
        this.dataOffset = dataOffset;
    }

    /** Creates (or replaces) the file, its header written and its frames zero. */
    public static NpyFrames create(Path file, int count, int[] frameShape, Precision precision) {
        int[] shape = new int[frameShape.length + 1];
        shape[0] = count;
        System.arraycopy(frameShape, 0, shape, 1, frameShape.length);
        byte[] header = Npy.headerBytes(precision == Precision.FLOAT32 ? "<f4" : "<f8", shape);
        try {
            FileChannel ch = FileChannel.open(file, CREATE, TRUNCATE_EXISTING, WRITE, READ);
            NpyFrames frames = new NpyFrames(file, ch, count, frameShape, precision, header.length);
            frames.writeAt(ByteBuffer.wrap(header), 0);
            long end = header.length + (long) count * frames.frameSize * frames.itemBytes;
            if (end > header.length) {
                // the whole length now (a sparse file): frames that never come read as zeros
                frames.writeAt(ByteBuffer.wrap(new byte[1]), end - 1);
            }
            return frames;
        } catch (IOException e) {
            throw new SeicheException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    public int count() {
        return count;
    }

    /** Writes frame {@code index} (shaped like the frames); safe to call from several threads at once. */
    public void put(int index, NdArray frame) {
        if (index < 0 || index >= count || !Arrays.equals(frame.shape(), frameShape)) {
            throw new IllegalArgumentException(file + ": frame " + index + " shaped " + frame.shapeString() + " does not fit "
                    + count + " frames of " + Arrays.toString(frameShape));
        }
        ByteBuffer buf = ByteBuffer.allocate(frameSize * itemBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : frame.data()) {
            if (single) {
                buf.putFloat((float) v);
            } else {
                buf.putDouble(v);
            }
        }
        try {
            writeAt(buf.flip(), position(index));
        } catch (IOException e) {
            throw new SeicheException(file + ": cannot write frame " + index + " (" + e.getMessage() + ")", e);
        }
    }

    /** Reads frame {@code index} back. */
    public NdArray frame(int index) {
        ByteBuffer buf = ByteBuffer.allocate(frameSize * itemBytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            long at = position(index);
            while (buf.hasRemaining()) {
                if (channel.read(buf, at + buf.position()) < 0) {
                    throw new SeicheException(file + ": frame " + index + " is cut off");
                }
            }
        } catch (IOException e) {
            throw new SeicheException(file + ": cannot read frame " + index + " (" + e.getMessage() + ")", e);
        }
        buf.flip();
        double[] out = new double[frameSize];
        for (int i = 0; i < frameSize; i++) {
            out[i] = single ? buf.getFloat() : buf.getDouble();
        }
        return new NdArray(frameShape, out);
    }

    private long position(int index) {
        return dataOffset + (long) index * frameSize * itemBytes;
    }

    private void writeAt(ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            channel.write(buf, position + buf.position());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new SeicheException(file + ": cannot close (" + e.getMessage() + ")", e);
        }
    }
}
