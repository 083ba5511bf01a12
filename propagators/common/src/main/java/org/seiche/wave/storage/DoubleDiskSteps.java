package org.seiche.wave.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.seiche.api.SeicheException;
import org.seiche.api.Storage.Compression;

/**
 * Steps streamed to a file (see {@link DiskFiles}): the forward run hands each written step
 * to a writer thread, which encodes it and writes its record; the reads are served by a
 * reader thread that reads the records ahead of the time loop, from the one asked down to
 * 0 (an adjoint) or, asked for slot 0 first, up to the last (a second-order run's tangent
 * forward). A few step buffers go round between them, so the time loop waits on the
 * disk only when the disk falls behind.
 */
final class DoubleDiskSteps extends DoubleSteps {
    private record Item(int slot, double[] values) {
    }

    /** Tells the writer to stop. */
    private static final Item END = new Item(-1, null);

    private final Compression compression;
    private final int recordBytes;
    private final Path file;
    private final FileChannel channel;
    private final ArraySource arrays;
    private final BlockingQueue<double[]> free = new ArrayBlockingQueue<>(DiskFiles.BUFFERS);
    private final BlockingQueue<Item> toWriter = new ArrayBlockingQueue<>(DiskFiles.BUFFERS + 1);
    private final BlockingQueue<Item> fromReader = new ArrayBlockingQueue<>(DiskFiles.BUFFERS + 1);
    private final ByteBuffer writeRecord;
    private final ByteBuffer readRecord;
    private Thread writer;
    private Thread reader;
    /** Tells the reader to stop (a flag, not an interrupt, which would close the file's channel mid-read). */
    private AtomicBoolean readerStop;
    /** The slot the reader gives next, and the way it goes (-1: down, 1: up). */
    private int next = -1;
    private int direction = -1;
    private double[] current;
    private volatile Exception failure;

    DoubleDiskSteps(Compression compression, int values, int slots, Path directory, ArraySource arrays) {
        super(values, slots);
        this.compression = compression;
        this.arrays = arrays;
        this.recordBytes = (int) Codec.recordBytes(compression, values, Double.BYTES);
        this.file = DiskFiles.create(directory);
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failed(e);
        }
        writeRecord = ByteBuffer.allocateDirect(recordBytes).order(ByteOrder.nativeOrder());
        readRecord = ByteBuffer.allocateDirect(recordBytes).order(ByteOrder.nativeOrder());
        for (int i = 0; i < DiskFiles.BUFFERS; i++) {
            double[] b = (double[]) arrays.take(double.class, values);
            // cells a step never writes (outside the domain) must not widen an int8 block's scale
            java.util.Arrays.fill(b, 0);
            free.add(b);
        }
    }

    @Override
    public double[] target(int slot) {
        if (writer == null) {
            stopReader();
            writer = start("writer", this::write);
        }
        current = take(free);
        return current;
    }

    @Override
    public int targetOffset(int slot) {
        return 0;
    }

    @Override
    public void written(int slot) {
        put(toWriter, new Item(slot, current));
    }

    @Override
    public double[] source(int slot) {
        if (writer != null) {
            put(toWriter, END);
            join(writer);
            writer = null;
        }
        if (reader == null || slot != next) {
            stopReader();
            next = slot;
            direction = slot == 0 ? 1 : -1;
            int way = direction;
            AtomicBoolean stop = new AtomicBoolean();
            readerStop = stop;
            reader = start("reader", () -> readFrom(slot, way, stop));
        }
        Item item = take(fromReader);
        check();
        next = slot + direction;
        current = item.values;
        return current;
    }

    @Override
    public int sourceOffset(int slot) {
        return 0;
    }

    @Override
    public void read(int slot) {
        put(free, current);
    }

    /** The writer's loop: encodes and writes each step handed to it until told to stop. */
    private void write() {
        while (true) {
            Item item;
            try {
                item = toWriter.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == END) {
                return;
            }
            if (failure == null) {
                try {
                    writeRecord.clear();
                    DoubleCodec.encode(compression, item.values, 0, values, writeRecord);
                    writeRecord.flip();
                    long at = (long) item.slot * recordBytes;
                    while (writeRecord.hasRemaining()) {
                        at += channel.write(writeRecord, at);
                    }
                } catch (IOException | RuntimeException e) {
                    failure = e;
                }
            }
            free.add(item.values);
        }
    }

    /** The reader's loop: slots from first down to 0 or up to the last, each into a free buffer, until done or told to stop. */
    private void readFrom(int first, int way, AtomicBoolean stop) {
        for (int slot = first; slot >= 0 && slot < slots; slot += way) {
            double[] values = null;
            while (values == null) {
                if (stop.get()) {
                    return;
                }
                try {
                    values = free.poll(10, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                readRecord.clear();
                long at = (long) slot * recordBytes;
                while (readRecord.hasRemaining()) {
                    int n = channel.read(readRecord, at);
                    if (n < 0) {
                        throw new IOException("the file ends before step " + slot);
                    }
                    at += n;
                }
                readRecord.flip();
                DoubleCodec.decode(compression, readRecord, values, 0, this.values);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            // never full: there are fewer buffers than its capacity
            fromReader.add(new Item(slot, values));
        }
    }

    private void stopReader() {
        if (reader != null) {
            readerStop.set(true);
            join(reader);
            reader = null;
            for (Item i; (i = fromReader.poll()) != null; ) {
                free.add(i.values);
            }
        }
    }

    private Thread start(String role, Runnable loop) {
        Thread t = new Thread(loop, "seiche-steps-" + role);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void check() {
        if (failure != null) {
            throw failed(failure);
        }
    }

    private SeicheException failed(Exception e) {
        return new SeicheException("propagator.storage.directory: stored steps in " + file + ": " + e);
    }

    private static <T> T take(BlockingQueue<T> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeicheException("interrupted while waiting for the stored steps' disk");
        }
    }

    private static <T> void put(BlockingQueue<T> q, T item) {
        try {
            q.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeicheException("interrupted while waiting for the stored steps' disk");
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeicheException("interrupted while waiting for the stored steps' disk");
        }
    }

    @Override
    public long bytes() {
        return (long) DiskFiles.BUFFERS * values * Double.BYTES + 2L * recordBytes;
    }

    @Override
    public void close() {
        stopReader();
        if (writer != null) {
            put(toWriter, END);
            join(writer);
            writer = null;
        }
        for (double[] b; (b = free.poll()) != null; ) {
            arrays.give(b);
        }
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failed(e);
        }
    }
}
