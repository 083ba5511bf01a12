package org.seiche.scalar.cuda;

import java.util.Set;

import org.seiche.api.Snapshots;
import org.seiche.device.cuda.SnapshotFrames;
import org.seiche.scalar.internal.ModelCellsTap;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.SnapshotTap;

/**
 * A batch's tap asking for the given fields of the given shots every few steps, forward and
 * adjoint, and the frames it heard.
 */
record Frames(SnapshotFrames heard, SnapshotTap tap) {
    /** For a batch of every shot of the survey; shots: survey indices heard (empty: all). */
    static Frames of(ScalarGrid grid, int surveyShots, int every, Set<String> fields, int... shots) {
        int[] batch = new int[surveyShots];
        for (int s = 0; s < surveyShots; s++) {
            batch[s] = s;
        }
        SnapshotFrames heard = new SnapshotFrames();
        return new Frames(heard, new ModelCellsTap(new Snapshots(every, fields, shots, true, heard), batch, grid));
    }
}
