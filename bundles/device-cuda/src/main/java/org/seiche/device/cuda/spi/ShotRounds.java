package org.seiche.device.cuda.spi;

import jcuda.driver.CUdeviceptr;

import org.seiche.api.Precision;

/**
 * A batch of shots on the GPU in rounds: the memory plan, the groups of shots stepped
 * together (one launch per kernel steps a whole group; groups follow each other when the
 * GPU cannot hold every shot's wavefields at once), the stored slots, and the peak. What
 * every propagator's CUDA batches share.
 */
public abstract class ShotRounds implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ShotRounds.class.getName());
    public final CudaContext context;
    public final Precision precision;
    public final int shots;
    public final int steps;
    /** Every storeInterval-th step is stored; 0: none. */
    public final int storeInterval;
    public final MemoryPlan plan;
    /** Bytes held for the whole run: wavefields and the stores on the device. */
    private long resident;
    private long peak;
    private boolean closed;

    /** Group loop body: the group's first shot and its size. */
    public interface Group {
        void run(int first, int size);
    }

    /**
     * @param fieldBytes  one shot's wavefields and gradient accumulators
     * @param storedBytes one shot's stored steps
     */
    protected ShotRounds(CudaContext context, Precision precision, int shots, int steps, int storeInterval, long fieldBytes,
               long storedBytes) {
        this.context = context;
        this.precision = precision;
        this.shots = shots;
        this.steps = steps;
        this.storeInterval = storeInterval;
        this.plan = MemoryPlan.of(shots, fieldBytes, storedBytes, context.freeBytes());
    }

    public static int storedSteps(int steps, int storeInterval) {
        return storeInterval > 0 ? (steps + storeInterval - 1) / storeInterval : 0;
    }

    /** The stored steps of one term, values per shot and step, for every shot where the plan puts them. */
    public StoredSteps store(long values) {
        StoredSteps s = new StoredSteps(plan.storeOnDevice(), precision, storedSteps(steps, storeInterval) * shots * values);
        if (!s.onDevice()) {
            LOG.log(System.Logger.Level.WARNING, "cuda: stored forward wavefield ({0} MiB) in {1}; {2} of {3} shots at once",
                    s.bytes() >> 20, plan.storeName(), plan.shotsAtOnce(), shots);
        }
        return s;
    }

    /** Where shot first's values of the slot of step t start in a store of that many values per shot; null when not stored. */
    public CUdeviceptr stored(StoredSteps store, long values, int t, int first) {
        return store != null && slot(t) >= 0 ? store.at(((long) slot(t) * shots + first) * values) : null;
    }

    /** The stored slot of step t, or -1 when step t is not stored. */
    public int slot(int t) {
        return storeInterval > 0 && t % storeInterval == 0 ? t / storeInterval : -1;
    }

    /** Runs the loop for every group of shots that fits on the GPU at once, in order. */
    public void eachGroup(Group loop) {
        for (int first = 0; first < shots; first += plan.shotsAtOnce()) {
            loop.run(first, Math.min(plan.shotsAtOnce(), shots - first));
        }
    }

    /** A store's bytes when it is in device memory (the peak counts the GPU's memory). */
    public static long onDevice(StoredSteps s) {
        return s != null && s.onDevice() ? s.bytes() : 0;
    }

    /** Counts bytes held from here to the end of the run (wavefields, stores on the device). */
    public void hold(long bytes) {
        resident += bytes;
        notePeak(0);
    }

    public void notePeak(long extra) {
        peak = Math.max(peak, resident + extra);
    }

    public long peakBytes() {
        return peak;
    }

    /** Frees what the subclass holds. */
    protected abstract void release();

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.use();
        release();
    }
}
