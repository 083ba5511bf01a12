package org.seiche.pipeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.api.Survey;
import org.seiche.hdf5.Hdf5;
import org.seiche.io.Npy;
import org.seiche.segy.Geometry;
import org.seiche.segy.SegyWriter;
import org.seiche.pipeline.file.OffGrid;
import org.seiche.pipeline.file.OffGridTransducers;
import org.seiche.pipeline.file.OutputKeys;

/**
 * output: DIR, or {directory: DIR, format: npy | segy | hdf5}. npy writes one .npy per
 * array; segy writes receiver data as SEG-Y rev 2 (receiver_data.sgy, with the survey's
 * geometry in metres: origin + cell * spacing, those of survey.from_segy when given, else
 * origin 0 and the model's spacing)
 * and the other arrays as .npy; hdf5 writes every array into results.h5, with the pipeline
 * (as read, extends merged) and the summary as attributes.
 */
final class OutputFormat {
    static final String ARCHIVE = "results.h5";

    private OutputFormat() {
    }

    /**
     * The files the arrays are written to in the spec's format: file name to how it is
     * written into a path (the caller chooses where, and when it is renamed into place).
     */
    static Map<String, Consumer<Path>> files(PipelineSpec spec, Map<String, NdArray> arrays, Map<String, Object> summary) {
        String format = (String) spec.options().getOrDefault(OutputKeys.OPTION, "npy");
        Map<String, Consumer<Path>> files = new LinkedHashMap<>();
        if (format.equals("hdf5")) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("pipeline", (String) spec.options().getOrDefault(OutputKeys.PIPELINE_TEXT, ""));
            try {
                attributes.put("summary", Results.JSON.writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new SeicheException("output: cannot write the summary (" + e.getOriginalMessage() + ")");
            }
            files.put(ARCHIVE, f -> Hdf5.write(f, arrays, spec.precision(), attributes));
            return files;
        }
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            int group = format.equals("segy") ? receiverGroup(e.getKey()) : -1;
            if (group >= 0 && spec.survey() != null && group < spec.survey().receivers().size()) {
                files.put(e.getKey() + ".sgy", f -> SegyWriter.write(f, e.getValue(), spec.survey().dt(), geometry(spec, group)));
            } else {
                files.put(e.getKey() + ".npy", f -> Npy.write(f, e.getValue(), spec.precision()));
            }
        }
        return files;
    }

    /** receiver_data is group 0, receiver_data_G group G; -1 for any other array. */
    private static int receiverGroup(String name) {
        if (name.equals("receiver_data")) {
            return 0;
        }
        return name.matches("receiver_data_\\d+") ? Integer.parseInt(name.substring("receiver_data_".length())) : -1;
    }

    /**
     * The survey in metres: the first source of each shot, the receivers of group g; unused
     * receivers left out; points off the grid where they are, not at their nearest cells.
     */
    private static Geometry geometry(PipelineSpec spec, int g) {
        Survey survey = spec.survey();
        Locations src = survey.sources().get(0).locations();
        Locations rec = survey.receivers().get(g).locations();
        int ndim = rec.ndim();
        double[] spacing = (double[]) spec.options().getOrDefault(OutputKeys.SEGY_SPACING, spec.model().spacing());
        double[] origin = (double[]) spec.options().getOrDefault(OutputKeys.SEGY_ORIGIN, new double[ndim]);
        int[] records = (int[]) spec.options().get(OutputKeys.SEGY_FIELD_RECORDS);
        OffGrid srcOff = null;
        OffGrid recOff = null;
        if (spec.options().get(OffGridTransducers.OPTION) instanceof OffGridTransducers off) {
            srcOff = off.sources().get(0);
            recOff = off.receivers().get(g);
        }
        int shots = rec.shots();
        if (records == null || records.length != shots) {
            records = new int[shots];
            Arrays.setAll(records, s -> s + 1);
        }
        double[] source = new double[3 * shots];
        double[] receiver = new double[3 * shots * rec.perShot()];
        Arrays.fill(receiver, Double.NaN);
        for (int s = 0; s < shots; s++) {
            int first = 0;
            while (first < src.perShot() - 1 && src.unused(s, first)) {
                first++;
            }
            position(src, srcOff, s, first, origin, spacing, source, 3 * s);
            for (int k = 0; k < rec.perShot(); k++) {
                if (!rec.unused(s, k)) {
                    position(rec, recOff, s, k, origin, spacing, receiver, 3 * (s * rec.perShot() + k));
                }
            }
        }
        return new Geometry(records, source, rec.perShot(), receiver, null);
    }

    /**
     * {depth, y, x} in metres of a location (of its point when the group is off the grid, offGrid
     * not null): 2-D models are (depth, x), 3-D (depth, y, x), 1-D (x).
     */
    private static void position(Locations loc, OffGrid offGrid, int s, int i, double[] origin, double[] spacing, double[] out,
                                 int at) {
        int ndim = loc.ndim();
        Arrays.fill(out, at, at + 3, 0.0);
        for (int d = 0; d < ndim; d++) {
            double metres = origin[d] + (offGrid == null ? loc.coordinate(s, i, d) : offGrid.coordinate(s, i, d)) * spacing[d];
            int slot = ndim == 1 ? 2 : d == 0 ? 0 : ndim == 2 ? 2 : d;
            out[at + slot] = metres;
        }
    }
}
