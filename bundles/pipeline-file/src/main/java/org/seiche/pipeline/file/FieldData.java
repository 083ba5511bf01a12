package org.seiche.pipeline.file;

import java.util.Set;

import org.seiche.api.NdArray;
import org.seiche.hdf5.Hdf5;
import org.seiche.segy.Geometry;
import org.seiche.segy.SegyReader;

/**
 * Arrays from field-data files, wherever an array file is accepted: {segy: data.sgy,
 * shots_by: field_record | source_xy} gives receiver data [shots, receivers, nt] (empty
 * receiver slots of smaller shots are zeros); {hdf5: file.h5, dataset: /path} one dataset.
 */
final class FieldData {
    static final Set<String> KEYS = Set.of("segy", "shots_by", "hdf5", "dataset");

    private FieldData() {
    }

    static boolean given(Field f) {
        return f.has("segy") || f.has("hdf5");
    }

    static NdArray array(Field f, ArrayInputs arrays) {
        return array(f, arrays, Double.NaN);
    }

    /** Observed data: any array, and a SEG-Y file's sample interval must be the survey's dt. */
    static NdArray observed(Field f, ArrayInputs arrays, double dt) {
        return f.node().isObject() && given(f) ? array(f, arrays, dt) : arrays.array(f);
    }

    /** dt: the sample interval a SEG-Y file must have, NaN when any will do. */
    private static NdArray array(Field f, ArrayInputs arrays, double dt) {
        if (f.has("segy") && f.has("hdf5")) {
            throw f.fail("give segy: or hdf5:, not both");
        }
        if (f.has("segy")) {
            if (f.has("dataset")) {
                throw f.get("dataset").fail("belongs to hdf5:, not segy:");
            }
            try (SegyReader r = SegyReader.open(arrays.resolve(f.get("segy").text()))) {
                if (Math.abs(r.interval() - dt) > 1e-9 * dt) {
                    throw f.get("segy").fail("sample interval " + r.interval() + " s differs from survey.dt " + dt + " s");
                }
                return Geometry.read(r, shotsBy(f)).gathers(r);
            }
        }
        if (f.has("shots_by")) {
            throw f.get("shots_by").fail("belongs to segy:, not hdf5:");
        }
        return Hdf5.read(arrays.resolve(f.get("hdf5").text()), f.required("dataset").text());
    }

    static Geometry.ShotsBy shotsBy(Field f) {
        Field by = f.get("shots_by");
        return switch (by.text("field_record")) {
            case "field_record" -> Geometry.ShotsBy.FIELD_RECORD;
            case "source_xy" -> Geometry.ShotsBy.SOURCE_XY;
            default -> throw by.fail("'" + by.text() + "' is not field_record or source_xy");
        };
    }
}
