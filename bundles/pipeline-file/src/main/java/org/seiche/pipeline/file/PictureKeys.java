package org.seiche.pipeline.file;

import java.util.Arrays;

import org.seiche.api.Model;
import org.seiche.api.PipelineSpec;

/** pictures: {slice_at: [z, y, x]}, as read into the spec for the runner's pictures. */
public final class PictureKeys {
    /** Option: int[3], the cell [z, y, x] the slices of 3-D pictures pass through. */
    public static final String SLICE_AT = "pictures_slice_at";

    private PictureKeys() {
    }

    /** pictures: {slice_at: [z, y, x]}, cell indices inside a 3-D model. */
    static void read(Field root, Model model, PipelineSpec.Builder b) {
        if (!root.has("pictures")) {
            return;
        }
        Field f = root.get("pictures");
        f.requireObject();
        if (!f.has("slice_at")) {
            return;
        }
        Field at = f.get("slice_at");
        int[] cell = at.integers();
        int[] shape = model.shape();
        if (shape.length != 3) {
            throw at.fail("slices are drawn of 3-D models only; this model is " + shape.length + "-D");
        }
        if (cell.length != 3) {
            throw at.fail("expected 3 cell indices [z, y, x], got " + cell.length);
        }
        for (int d = 0; d < 3; d++) {
            if (cell[d] < 0 || cell[d] >= shape[d]) {
                throw at.fail("cell " + Arrays.toString(cell) + " is outside the model " + Arrays.toString(shape)
                        + " (indices from 0)");
            }
        }
        b.option(SLICE_AT, cell);
    }
}
