package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.seiche.api.NdArray;
import org.seiche.api.WavefieldListener;

/**
 * The snapshot frames a run hands its listener, by "shot step field [adjoint]", for the
 * kernel bundles' tests: the frames of a CUDA run against the CPU's, and a run's results
 * with snapshots against one without.
 */
public final class SnapshotFrames implements WavefieldListener {
    private final Map<String, NdArray> frames = new TreeMap<>();

    @Override
    public synchronized void wavefield(int shot, int step, String field, boolean adjoint, NdArray values) {
        NdArray previous = frames.put(shot + " " + step + " " + field + (adjoint ? " adjoint" : ""), values);
        if (previous != null) {
            throw new IllegalStateException("frame offered twice: shot " + shot + " step " + step + " " + field);
        }
    }

    /** Asserts the same frames as expected's (and as many as given), all of them within tolerance of expected's. */
    public void assertClose(SnapshotFrames expected, int count, double tolerance, String what) {
        assertEquals(expected.frames.keySet(), frames.keySet(), what + ": frames taken");
        assertEquals(count, frames.size(), what + ": number of frames");
        CudaTesting.within(what + " snapshot frames", all(), expected.all(), tolerance);
    }

    /** Every frame, in key order, one after another. */
    private NdArray all() {
        int n = 0;
        for (NdArray f : frames.values()) {
            n += f.size();
        }
        double[] out = new double[n];
        int at = 0;
        for (NdArray f : frames.values()) {
            System.arraycopy(f.data(), 0, out, at, f.size());
            at += f.size();
        }
        return new NdArray(new int[] {n}, out);
    }

    /** Asserts a result of a run with snapshots equal to the bit to the one without (null: not computed). */
    public static void assertSame(NdArray without, NdArray with, String what) {
        if (without != null) {
            assertArrayEquals(without.data(), with.data(), what + ": changed by taking snapshots");
        }
    }
}
