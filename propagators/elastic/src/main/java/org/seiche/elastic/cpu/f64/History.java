package org.seiche.elastic.cpu.f64;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.seiche.api.Storage;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.wave.storage.ArraySource;
import org.seiche.wave.storage.DoubleSteps;

/**
 * The forward terms a gradient needs, stored every {@code interval} steps: the bracket of
 * each velocity update (stress divergence, for buoyancy), the normal strain rates
 * d v_y/dy and d v_x/dx (for lamb and mu) and the shear strain rate d v_y/dx + d v_x/dy (for
 * mu_xy), all with their PML memory terms. Arrays of terms not needed are null. Each term
 * is held in arrays of several slots: arrays this large are allocated outside the garbage
 * collector's young generation, so gigabytes of history are not copied around when first
 * made. Kept otherwise (on disk, or compressed, as a storage plan says), each term is a
 * store of steps and its array a single one, the step being written or read: the time
 * loops call {@link #beginForward}/{@link #endForward} and {@link #beginAdjoint}/
 * {@link #endAdjoint} around each stored step. Checkpointing, each term has one array of
 * its own, the taped step's, whatever the slot.
 */
final class History {
    /** Values per array of a term (at least one slot). */
    private static final int CHUNK = 1 << 22;
    final int interval;
    final int slots;
    final double[][] divergenceY;
    final double[][] divergenceX;
    final double[][] strainYy;
    final double[][] strainXx;
    final double[][] shear;
    private final boolean[] kinds;
    private final int size;
    private final int slotsPerArray;
    /** The terms in order, and their stores of steps (null: every slot in arrays of this history). */
    private final double[][][] terms;
    private final DoubleSteps[] stores;
    /** Whether each term is one array, a single step's (streamed, or checkpointing's taped step). */
    private final boolean oneStep;

    History(int steps, int interval, Set<Coefficient> gradients, int size) {
        this(steps, interval, gradients, size, null, null);
    }

    /** Kept as {@code storage} plans (null or memory uncompressed: in arrays of its own), disk files in directory. */
    History(int steps, int interval, Set<Coefficient> gradients, int size, Storage.Plan storage, Path directory) {
        this.interval = interval;
        this.slots = slots(steps, interval);
        this.kinds = kinds(gradients);
        this.size = size;
        this.slotsPerArray = Math.max(1, CHUNK / size);
        boolean streamed = streamed(storage);
        boolean taped = checkpointed(storage);
        oneStep = streamed || taped;
        divergenceY = kinds[0] ? term(streamed, taped) : null;
        divergenceX = kinds[1] ? term(streamed, taped) : null;
        strainYy = kinds[2] ? term(streamed, taped) : null;
        strainXx = kinds[2] ? term(streamed, taped) : null;
        shear = kinds[3] ? term(streamed, taped) : null;
        terms = Arrays.stream(new double[][][] {divergenceY, divergenceX, strainYy, strainXx, shear})
                .filter(t -> t != null).toArray(double[][][]::new);
        stores = streamed ? new DoubleSteps[terms.length] : null;
        for (int k = 0; streamed && k < terms.length; k++) {
            stores[k] = DoubleSteps.of(storage, size, slots, directory, ArraySource.NEW);
        }
    }

    /** Whether a plan keeps steps in a store of steps (disk, or compressed). */
    static boolean streamed(Storage.Plan storage) {
        return storage != null && !checkpointed(storage)
                && (storage.mode() != Storage.Mode.MEMORY || storage.compression() != Storage.Compression.NONE);
    }

    /** Whether a plan recomputes the stored steps from checkpoints. */
    static boolean checkpointed(Storage.Plan storage) {
        return storage != null && storage.mode() == Storage.Mode.CHECKPOINT;
    }

    private double[][] term(boolean streamed, boolean taped) {
        return streamed ? new double[1][] : taped ? new double[][] {new double[size]} : term();
    }

    private double[][] term() {
        int arrays = (slots + slotsPerArray - 1) / slotsPerArray;
        double[][] t = new double[arrays][];
        for (int a = 0; a < arrays; a++) {
            t[a] = new double[Math.min(slotsPerArray, slots - a * slotsPerArray) * size];
        }
        return t;
    }

    /** The array holding a term's values of a slot, from {@link #offset(int)} on; null if the term is not stored or slot is -1. */
    double[] array(double[][] term, int slot) {
        return term == null || slot < 0 ? null : term[oneStep ? 0 : slot / slotsPerArray];
    }

    /** Where a slot's grid starts in its array. */
    int offset(int slot) {
        return slot < 0 || oneStep ? 0 : slot % slotsPerArray * size;
    }

    /** Before the forward step of a stored slot: each streamed term's array is where the store takes it. */
    void beginForward(int slot) {
        for (int k = 0; stores != null && k < stores.length; k++) {
            terms[k][0] = stores[k].target(slot);
            atZero(stores[k].targetOffset(slot));
        }
    }

    /** After the forward step of a stored slot. */
    void endForward(int slot) {
        for (int k = 0; stores != null && k < stores.length; k++) {
            stores[k].written(slot);
            terms[k][0] = null;
        }
    }

    /** Before the adjoint step of a stored slot: each streamed term's array holds it, read back. */
    void beginAdjoint(int slot) {
        for (int k = 0; stores != null && k < stores.length; k++) {
            terms[k][0] = stores[k].source(slot);
            atZero(stores[k].sourceOffset(slot));
        }
    }

    /** After the adjoint step of a stored slot. */
    void endAdjoint(int slot) {
        for (int k = 0; stores != null && k < stores.length; k++) {
            stores[k].read(slot);
            terms[k][0] = null;
        }
    }

    /** Disk and compressed stores hand out a step's own buffer. */
    private static void atZero(int offset) {
        if (offset != 0) {
            throw new IllegalStateException("a streamed store's step starts at " + offset + ", not 0");
        }
    }

    /** Whether it is pooled for reuse: its arrays are its own, a slot each. */
    boolean pooled() {
        return !oneStep;
    }

    /** Gives back the stores' buffers and removes their files. */
    void close() {
        for (int k = 0; stores != null && k < stores.length; k++) {
            stores[k].close();
        }
    }

    /** Which terms the gradients need: divergence y, divergence x, normal strain rates, shear strain rate. */
    private static boolean[] kinds(Set<Coefficient> g) {
        return new boolean[] {g.contains(Coefficient.BUOYANCY_Y), g.contains(Coefficient.BUOYANCY_X),
            g.contains(Coefficient.LAMB) || g.contains(Coefficient.MU), g.contains(Coefficient.MU_XY)};
    }

    private static int slots(int steps, int interval) {
        return (steps + interval - 1) / interval;
    }

    /** The slot step t is stored in, or -1. */
    int slot(int t) {
        return t % interval == 0 ? t / interval : -1;
    }

    /** What a history is pooled under: its shape. */
    static Object key(int steps, int interval, Set<Coefficient> gradients, int size) {
        return key(interval, slots(steps, interval), kinds(gradients), size);
    }

    Object key() {
        return key(interval, slots, kinds, size);
    }

    private static Object key(int interval, int slots, boolean[] kinds, int size) {
        return List.of(History.class, interval, slots, Arrays.toString(kinds), size);
    }

    long bytes(int valueBytes) {
        if (stores != null) {
            long b = 0;
            for (DoubleSteps store : stores) {
                b += store.bytes();
            }
            return b;
        }
        return bytes(kinds, oneStep ? 1 : slots, size, valueBytes);
    }

    /** Bytes a history for these gradients takes. */
    static long bytes(int steps, int interval, Set<Coefficient> gradients, int size, int valueBytes) {
        return bytes(kinds(gradients), slots(steps, interval), size, valueBytes);
    }

    private static long bytes(boolean[] kinds, int slots, int size, int valueBytes) {
        return (long) valueBytes * arrays(kinds) * slots * size;
    }

    /** Arrays a stored step of these gradients holds, each of the grid's size. */
    static int arrays(Set<Coefficient> gradients) {
        return arrays(kinds(gradients));
    }

    private static int arrays(boolean[] kinds) {
        return (kinds[0] ? 1 : 0) + (kinds[1] ? 1 : 0) + (kinds[2] ? 2 : 0) + (kinds[3] ? 1 : 0);
    }
}
