package org.seiche.pipeline.file;

import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.seiche.api.PipelineSpec;
import org.seiche.api.Survey;
import org.seiche.segy.SegyWriter;

/**
 * output: DIR, or {directory: DIR, format: npy | segy | hdf5}, as read into the spec: the
 * directory, and the format with what it needs as options (the runner writes the files).
 */
public final class OutputKeys {
    static final Set<String> KEYS = Set.of("directory", "format");
    /** Spec options: the format, the pipeline as read (hdf5), and survey.from_segy's geometry (segy). */
    public static final String OPTION = "output_format";
    public static final String PIPELINE_TEXT = "pipeline_text";
    public static final String SEGY_ORIGIN = "segy_origin";
    public static final String SEGY_SPACING = "segy_spacing";
    public static final String SEGY_FIELD_RECORDS = "segy_field_records";

    private OutputKeys() {
    }

    static void read(Field root, Path base, PipelineSpec.Builder b) {
        Field out = root.get("output");
        String format = "npy";
        String dir = "out";
        if (out.present() && out.node().isObject()) {
            dir = out.get("directory").text("out");
            format = out.get("format").text("npy");
            if (!Set.of("npy", "segy", "hdf5").contains(format)) {
                throw out.get("format").fail("'" + format + "' is not npy, segy or hdf5");
            }
        } else if (out.present()) {
            dir = out.text();
        }
        b.output(base.resolve(dir).normalize());
        b.option(OPTION, format);
        if (format.equals("hdf5")) {
            try {
                b.option(PIPELINE_TEXT, new ObjectMapper(new YAMLFactory()).writeValueAsString(root.node()));
            } catch (JsonProcessingException e) {
                throw out.fail("cannot keep the pipeline for the archive (" + e.getOriginalMessage() + ")");
            }
        }
    }

    /** Refuses, before any computation, a survey the format cannot write. */
    static void check(Field root, Survey survey) {
        Field out = root.get("output");
        if (out.present() && out.node().isObject() && "segy".equals(out.get("format").text("npy"))) {
            String bad = SegyWriter.intervalProblem(survey.dt());
            if (bad != null) {
                throw out.get("format").fail("survey.dt: " + bad);
            }
        }
    }
}
