package org.seiche.pipeline.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.seiche.api.InversionSpec;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.Named;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SeicheException;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.api.Task;
import org.seiche.wave.Wavelets;

/** Reads a pipeline file (docs/pipeline.md) into a {@link PipelineSpec}: one client of the builder. */
public final class PipelineFile {
    private PipelineFile() {
    }

    /**
     * The file's fields over those of the file it extends (extends: base.yaml, relative to
     * it): mappings merge key by key, anything else the extending file gives replaces. Paths
     * in the extended file stay relative to that file.
     */
    static JsonNode parse(Path file) {
        return parse(file, new ArrayList<>());
    }

    private static JsonNode parse(Path file, List<Path> chain) {
        Path abs = file.toAbsolutePath().normalize();
        if (chain.contains(abs)) {
            throw new SeicheException(chain.get(chain.size() - 1) + ": extends " + file + ", which extends it again");
        }
        chain.add(abs);
        ObjectNode root = (ObjectNode) read(file);
        JsonNode ext = root.remove("extends");
        if (ext == null) {
            return root;
        }
        if (!ext.isTextual()) {
            throw new SeicheException(file + ": extends: expected the name of a pipeline file, got " + ext);
        }
        Path baseFile = abs.getParent().resolve(ext.asText()).normalize();
        JsonNode base = parse(baseFile, chain);
        if (!baseFile.getParent().equals(abs.getParent())) {
            rebase(base, baseFile.getParent(), abs.getParent(), true);
        }
        return merge(base, root);
    }

    private static JsonNode merge(JsonNode base, JsonNode over) {
        if (!base.isObject() || !over.isObject()) {
            return over;
        }
        ObjectNode out = base.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode b = out.get(e.getKey());
            out.set(e.getKey(), b == null ? e.getValue() : merge(b, e.getValue()));
        }
        return out;
    }

    /** Rewrites the relative file names (and the output folder) of an extended file for the extending one's folder. */
    private static void rebase(JsonNode node, Path from, Path to, boolean top) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String key : List.of("file", "segy", "hdf5", "from_segy", "output", "directory")) {
                JsonNode v = o.get(key);
                boolean outputDirectory = key.equals("output") || key.equals("directory");
                if (v != null && v.isTextual() && (!outputDirectory || top) && !Path.of(v.asText()).isAbsolute()) {
                    o.put(key, to.relativize(from.resolve(v.asText())).normalize().toString());
                }
            }
            JsonNode output = o.get("output");
            if (top && output != null && output.isObject()) {
                rebase(output, from, to, true);
            }
            node.elements().forEachRemaining(c -> rebase(c, from, to, false));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(c -> rebase(c, from, to, false));
        }
    }

    private static JsonNode read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SeicheException(name + ": no such pipeline file");
        } catch (IOException e) {
            throw new SeicheException(name + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(text);
            if (root == null || !root.isObject()) {
                throw new SeicheException(name + ": expected a YAML mapping of pipeline fields");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SeicheException(name + ": malformed YAML" + where + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /**
     * The pipeline of a file; every key is checked first, services' options as the services
     * found declare them. Warnings (field data that cannot all be used) go to warn.
     */
    public static PipelineSpec read(Path file, Services services, java.util.function.Consumer<String> warn) {
        JsonNode tree = parse(file);
        ArrayInputs arrays = new ArrayInputs(file.toAbsolutePath().getParent());
        PipelineSpec spec = read(tree, arrays, services, warn);
        // what another process needs to read the same pipeline: the merged file and the input files it read
        return spec.toBuilder().option(ShipPipeline.OPTION, ShipPipeline.image(tree, arrays.files())).build();
    }

    /** The pipeline of a merged file tree whose input files arrays resolves. */
    static PipelineSpec read(JsonNode tree, ArrayInputs arrays, Services services, java.util.function.Consumer<String> warn) {
        Path base = arrays.base();
        Field root = new Field("", tree);
        PipelineKeys.check(root, services);
        PipelineSpec.Builder b = PipelineSpec.builder();
        String label = root.get("task").text("forward");
        Task task;
        try {
            task = Task.parse(label);
        } catch (SeicheException e) {
            throw root.get("task").fail("'" + label + "' is not one of " + Task.labels());
        }
        b.task(task);
        executor(root.get("executor"), arrays, b);
        b.device(root.get("device").text("auto"));
        b.threads(root.get("threads").integer(0));
        b.precision(Precision.parse(root.get("precision").text("float32")));

        ShotModels.Split read = model(root.required("model"), arrays, root.get("survey"));
        Model model = read.model();
        b.model(model);
        if (!read.perShot().isEmpty()) {
            b.option(ShotModels.OPTION, read.perShot());
        }
        PictureKeys.read(root, model, b);
        OutputKeys.read(root, base, b);
        if (root.has("snapshots")) {
            b.option(SnapshotPlan.FOLDER, SnapshotPlan.read(root.get("snapshots"), task));
        }
        if (task == Task.MODEL) {
            // writes the model as read (generated, smoothed): nothing else is needed
            return b.build();
        }
        int ndim = model.shape().length;

        Field prop = root.required("propagator");
        PropagatorSettings settings = PropagatorSettings.defaults();
        if (prop.node().isTextual()) {
            b.propagator(prop.text());
        } else {
            b.propagator(prop.required("name").text());
            settings = settings(prop, base);
            b.settings(settings);
        }
        Survey survey = survey(root.required("survey"), arrays, model, warn, b, freeSurfaces(settings, ndim));
        b.survey(survey);
        OutputKeys.check(root, survey);
        if (root.has("observed")) {
            Field obs = root.get("observed");
            if (obs.node().isArray() && obs.node().size() > 0 && obs.node().get(0).isObject()) {
                List<NdArray> groups = new ArrayList<>();
                for (Field g : obs.elements()) {
                    groups.add(FieldData.observed(g, arrays, survey.dt()));
                }
                b.observed(groups.toArray(NdArray[]::new));
            } else {
                NdArray observed = FieldData.observed(obs, arrays, survey.dt());
                // receivers from_segy left unused (outside the model) are not compared either
                b.observed(root.get("survey").has("from_segy")
                        ? SegySurvey.withoutUnused(observed, survey.receivers().get(0).locations()) : observed);
            }
        }
        if (root.has("mask")) {
            b.dataMask(mask(root.get("mask"), arrays, model, survey));
        }
        Field loss = root.get("loss");
        b.loss(loss.present() && loss.node().isObject() ? loss.required("name").text() : loss.text("mse"));
        b.gradientWrt(root.get("gradient_wrt").words().toArray(String[]::new));
        b.shotsPerBatch(shotsPerBatch(root));
        // a gradient task with an inversion block also writes the gradient the inversion would step with
        if (task == Task.INVERT || task == Task.GRADIENT && root.has("inversion")) {
            b.inversion(inversion(root, arrays, model));
            b.trueModel(trueModel(root.get("inversion").get("true_model"), arrays, read));
        }
        return b.build();
    }

    /** executor: NAME or {name: NAME, ...settings}; local when absent. */
    private static void executor(Field f, ArrayInputs arrays, PipelineSpec.Builder b) {
        if (!f.present()) {
            return;
        }
        if (f.node().isTextual()) {
            b.executor(f.text(), Map.of());
        } else {
            f.requireObject();
            b.executor(f.required("name").text(), arrays.config(f, Set.of("name")));
        }
    }

    static int shotsPerBatch(Field root) {
        if (root.has("shots_per_batch") && root.has("batches")) {
            throw root.get("batches").fail("give shots_per_batch or batches, not both");
        }
        if (root.has("batches")) {
            int n = root.get("batches").integer();
            if (n < 1) {
                throw root.get("batches").fail("must be at least 1");
            }
            return -n; // a negative count means "this many batches"; resolved once the shot count is known
        }
        int m = root.get("shots_per_batch").integer(0);
        if (m < 0) {
            throw root.get("shots_per_batch").fail("must be at least 1");
        }
        return m;
    }

    /** mask: {file: m.npy} | {direct_arrival: {velocity, flat, taper, delay}} (seconds), per receiver group. */
    private static NdArray[] mask(Field f, ArrayInputs arrays, Model model, Survey survey) {
        if (f.has("direct_arrival")) {
            Field da = f.get("direct_arrival");
            da.requireObject();
            double velocity = da.required("velocity").number();
            if (!(velocity > 0)) {
                throw da.get("velocity").fail("must be positive, got " + velocity);
            }
            double flat = da.get("flat").number(0);
            double taper = da.get("taper").number(0);
            double delay = da.get("delay").number(0);
            if (flat < 0 || taper < 0) {
                throw da.fail("flat and taper must be >= 0 seconds");
            }
            NdArray[] out = new NdArray[survey.receivers().size()];
            for (int g = 0; g < out.length; g++) {
                out[g] = DirectArrivalMute.build(survey.sources().get(0).locations(), survey.receivers().get(g).locations(),
                        model.spacing(), survey.nt(), survey.dt(), velocity, flat, taper, delay);
            }
            return out;
        }
        NdArray m = arrays.array(f);
        var loc = survey.receivers().get(0).locations();
        int[] expect = {loc.shots(), loc.perShot(), survey.nt()};
        if (!Arrays.equals(expect, m.shape())) {
            throw f.fail("shape " + m.shapeString() + ", expected " + Arrays.toString(expect));
        }
        return new NdArray[] {m};
    }

    private static InversionSpec inversion(Field root, ArrayInputs arrays, Model model) {
        Field inv = root.required("inversion");
        inv.requireObject();
        List<String> params = inv.get("parameters").words();
        if (params.isEmpty()) {
            params = root.get("gradient_wrt").words().stream().filter(model.parameters()::containsKey).toList();
        }
        if (params.isEmpty()) {
            throw inv.get("parameters").fail("name the model parameters to invert, e.g. [v]");
        }
        for (String p : params) {
            if (!model.parameters().containsKey(p)) {
                throw inv.get("parameters").fail("'" + p + "' is not a model parameter (have " + model.parameters().keySet() + ")");
            }
        }
        int iterations = inv.get("iterations").integer(10);
        if (iterations < 1) {
            throw inv.get("iterations").fail("must be at least 1, got " + iterations);
        }
        String mode = inv.get("mode").text("accumulate");
        if (!mode.equals("accumulate") && !mode.equals("stochastic")) {
            throw inv.get("mode").fail("'" + mode + "' is not accumulate or stochastic");
        }
        List<InversionSpec.MappingUse> mappings = new ArrayList<>();
        if (inv.has("mappings")) {
            for (Field m : inv.get("mappings").elements()) {
                m.requireObject();
                mappings.add(new InversionSpec.MappingUse(Named.of(m.required("name").text()),
                        arrays.config(m, Set.of("name"))));
            }
        }
        Field opt = inv.get("optimiser");
        String optimiser = opt.present() && opt.node().isObject() ? opt.required("name").text() : opt.text("lbfgs");
        Map<String, Object> optConfig = opt.present() && opt.node().isObject() ? arrays.config(opt, Set.of("name")) : Map.of();
        int perBatch = inv.has("shots_per_batch") || inv.has("batches") ? shotsPerBatch(inv) : shotsPerBatch(root);
        Field cp = root.get("checkpoint");
        int every = 1;
        if (cp.present()) {
            String t = cp.node().isNumber() ? "every " + cp.integer() : cp.text();
            if (!t.matches("every \\d+")) {
                throw cp.fail("write 'every N' (iterations), got '" + t + "'");
            }
            every = Integer.parseInt(t.substring(6));
        }
        return new InversionSpec(params, iterations, perBatch, mode, mappings, Named.of(optimiser), optConfig, every);
    }

    /**
     * inversion.true_model: {name: array}, of the inverted parameters, for the model error per
     * iteration; of a parameter given per shot, [shots, *shape] as well.
     */
    private static Map<String, NdArray> trueModel(Field f, ArrayInputs arrays, ShotModels.Split model) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (!f.present()) {
            return out;
        }
        f.requireObject();
        for (String k : f.keys()) {
            if (!model.model().parameters().containsKey(k)) {
                throw f.get(k).fail("not a model parameter (have " + model.model().parameters().keySet() + ")");
            }
            NdArray a = arrays.array(f.get(k));
            int[] shape = model.parameter(k).shape();
            if (!Arrays.equals(a.shape(), shape)) {
                throw f.get(k).fail("shape " + a.shapeString() + " differs from the model's " + Arrays.toString(shape)
                        + (model.perShot().containsKey(k) ? " (" + k + " is given per shot)" : ""));
            }
            out.put(k, a);
        }
        return out;
    }

    /** The model, and the parameters given per shot (survey: tells a 2-D model per shot from a 3-D model). */
    private static ShotModels.Split model(Field f, ArrayInputs arrays, Field survey) {
        f.requireObject();
        double[] spacing = f.required("spacing").numbers();
        for (double h : spacing) {
            if (!(h > 0) || Double.isInfinite(h)) {
                throw f.get("spacing").fail("must be positive, got " + h);
            }
        }
        arrays.spacing(spacing);
        Field params = f.required("parameters");
        params.requireObject();
        Map<String, NdArray> p = new LinkedHashMap<>();
        for (String k : params.keys()) {
            p.put(k, arrays.array(params.get(k)));
        }
        if (p.isEmpty()) {
            throw params.fail("no parameters given");
        }
        return ShotModels.split(spacing, p, ShotModels.dimension(spacing.length, p, arrays.locationAxes(survey)));
    }

    private static PropagatorSettings settings(Field f, Path base) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String k : f.keys()) {
            if (!PipelineKeys.PROPAGATOR.contains(k)) {
                JsonNode n = f.get(k).node();
                options.put(k, n.isNumber() ? (Object) n.asDouble() : n.asText());
            }
        }
        int accuracy = f.get("accuracy").integer(4);
        if (accuracy != 2 && accuracy != 4 && accuracy != 6 && accuracy != 8) {
            throw f.get("accuracy").fail("must be 2, 4, 6 or 8, got " + accuracy);
        }
        int[] widths = f.has("pml_width") ? f.get("pml_width").integers() : new int[] {20};
        return new PropagatorSettings(accuracy, widths, f.get("pml_freq").number(25.0),
                f.get("max_vel").number(Double.NaN), f.get("gradient_sampling_interval").integer(1), options,
                StorageKeys.read(f.get("storage"), base));
    }

    private static Survey survey(Field f, ArrayInputs arrays, Model model, java.util.function.Consumer<String> warn,
                                 PipelineSpec.Builder b, boolean[] freeSurface) {
        f.requireObject();
        int ndim = model.shape().length;
        SegySurvey.Result segy = f.has("from_segy") ? SegySurvey.read(f, arrays, model, warn) : null;
        if (segy != null) {
            b.option(OutputKeys.SEGY_ORIGIN, segy.origin());
            b.option(OutputKeys.SEGY_SPACING, segy.spacing());
            b.option(OutputKeys.SEGY_FIELD_RECORDS, segy.fieldRecords());
        }
        double dt = segy != null ? fromSegy(f.get("dt"), segy.dt()) : f.required("dt").number();
        if (!(dt > 0)) {
            throw f.get("dt").fail("must be positive, got " + dt);
        }
        Field src = f.required("sources");
        Field rec = f.get("receivers");
        if (segy == null && !rec.present()) {
            throw rec.fail("is missing");
        }
        List<Field> srcGroups = src.node().isArray() ? src.elements() : List.of(src);
        List<Field> recGroups = rec.present() && rec.node().isArray() ? rec.elements() : List.of(rec);
        int nt = segy != null ? (int) fromSegy(f.get("nt"), segy.nt()) : f.get("nt").integer(-1);
        List<Locations> srcLocations = new ArrayList<>();
        List<OffGrid> srcOffGrid = new ArrayList<>();
        for (Field g : srcGroups) {
            srcLocations.add(segy != null ? segyGroup(g, f.get("from_segy"), segy.sources(), model, freeSurface, srcOffGrid)
                    : place(g, arrays, model, freeSurface, srcOffGrid));
        }
        List<SourceGroup> sources = new ArrayList<>();
        for (int i = 0; i < srcGroups.size(); i++) {
            Field g = srcGroups.get(i);
            Locations loc = srcLocations.get(i);
            NdArray amplitudes;
            if (g.has("amplitudes")) {
                amplitudes = arrays.array(g.get("amplitudes"));
                if (amplitudes.ndim() != 3) {
                    throw g.get("amplitudes").fail("shape " + amplitudes.shapeString() + " is not [shots, sources_per_shot, nt]");
                }
                if (nt < 0) {
                    nt = amplitudes.dim(2);
                } else if (amplitudes.dim(2) != nt) {
                    throw g.get("amplitudes").fail("shape " + amplitudes.shapeString() + " has " + amplitudes.dim(2)
                            + " samples but survey.nt is " + nt);
                }
                if (amplitudes.dim(0) != loc.shots() || amplitudes.dim(1) != loc.perShot()) {
                    throw g.get("amplitudes").fail("shape " + amplitudes.shapeString() + " does not match [" + loc.shots()
                            + ", " + loc.perShot() + ", nt] of the source locations");
                }
            } else if (g.has("wavelet")) {
                if (nt < 1) {
                    throw f.get("nt").fail(nt < 0 ? "is missing (needed with a wavelet)" : "must be at least 1, got " + nt);
                }
                amplitudes = wavelet(g.get("wavelet"), loc, nt, dt);
            } else {
                throw g.fail("give amplitudes: {file: ...} or wavelet: {type: ricker, freq: .., peak_time: ..}");
            }
            sources.add(new SourceGroup(g.get("component").text(""), loc, amplitudes));
        }
        if (nt < 1) {
            throw f.get("nt").fail(nt < 0 ? "is missing" : "must be at least 1, got " + nt);
        }
        List<ReceiverGroup> receivers = new ArrayList<>();
        List<OffGrid> recOffGrid = new ArrayList<>();
        for (Field g : recGroups) {
            receivers.add(new ReceiverGroup(g.get("component").text(""),
                    segy != null ? segyGroup(g, f.get("from_segy"), segy.receivers(), model, freeSurface, recOffGrid)
                            : place(g, arrays, model, freeSurface, recOffGrid)));
        }
        if (srcOffGrid.stream().anyMatch(java.util.Objects::nonNull) || recOffGrid.stream().anyMatch(java.util.Objects::nonNull)) {
            b.option(OffGridTransducers.OPTION, new OffGridTransducers(srcOffGrid, recOffGrid));
        }
        return new Survey(dt, nt, sources, receivers);
    }

    /** Which sides are free surfaces (PML width 0): [d0 start, d0 end, d1 start, ...]. */
    private static boolean[] freeSurfaces(PropagatorSettings settings, int ndim) {
        int[] widths = settings.widths(ndim);
        boolean[] free = new boolean[widths.length];
        for (int i = 0; i < widths.length; i++) {
            free[i] = widths[i] == 0;
        }
        return free;
    }

    /**
     * A sources or receivers group's locations: whole cells as given; with any point between
     * cells, the group goes off the grid (its Hicks cells added to offGrid, null otherwise)
     * and the survey keeps each point's nearest cell. interpolation: {method: hicks,
     * halfwidth, beta} sets the window (Deepwave's defaults).
     */
    private static Locations place(Field g, ArrayInputs arrays, Model model, boolean[] freeSurface, List<OffGrid> offGrid) {
        Field loc = g.required("locations");
        return place(g, loc, arrays.coordinates(loc, model.shape().length), model, freeSurface, offGrid);
    }

    /** A group's locations from coordinates c [shots, n, ndim] in cells, which from names in messages. */
    private static Locations place(Field g, Field from, NdArray c, Model model, boolean[] freeSurface, List<OffGrid> offGrid) {
        Field ip = g.get("interpolation");
        int halfwidth = Hicks.DEFAULT_HALFWIDTH;
        double beta = Hicks.defaultBeta(halfwidth);
        if (ip.present()) {
            ip.requireObject();
            String method = ip.get("method").text("hicks");
            if (!method.equals("hicks")) {
                throw ip.get("method").fail("'" + method + "' is not a known interpolation (known: hicks)");
            }
            halfwidth = ip.get("halfwidth").integer(Hicks.DEFAULT_HALFWIDTH);
            if (halfwidth < 1 || halfwidth > Hicks.MAX_HALFWIDTH) {
                throw ip.get("halfwidth").fail("must be 1 to " + Hicks.MAX_HALFWIDTH + ", got " + halfwidth);
            }
            beta = ip.get("beta").number(Hicks.defaultBeta(halfwidth));
            if (!(beta >= 0) || Double.isInfinite(beta)) {
                throw ip.get("beta").fail("must be a finite number >= 0, got " + beta);
            }
        }
        int ndim = model.shape().length;
        double[] d = c.data();
        int[] nearest = new int[d.length];
        boolean whole = true;
        for (int i = 0; i < d.length; i++) {
            whole &= d[i] == Math.rint(d[i]);
            if (Math.abs(d[i]) > Integer.MAX_VALUE) {
                throw from.fail("location " + d[i] + " is outside any model");
            }
            nearest[i] = (int) Math.rint(d[i]);
        }
        offGrid.add(whole ? null : OffGrid.expand(from.path(), c, model.shape(), freeSurface, halfwidth, beta));
        return new Locations(c.dim(0), c.dim(1), ndim, nearest);
    }

    /** With from_segy, dt and nt come from the file: given as well, they must agree with it. */
    private static double fromSegy(Field f, double inFile) {
        if (f.present() && f.number() != inFile) {
            throw f.fail(f.number() + " differs from survey.from_segy's " + inFile);
        }
        return inFile;
    }

    /**
     * A sources or receivers group under from_segy: one group, its locations the file's
     * positions in cells, placed (whole cells, or off the grid) as locations given in metres.
     */
    private static Locations segyGroup(Field g, Field file, NdArray fromFile, Model model, boolean[] freeSurface,
                                       List<OffGrid> offGrid) {
        if (g.path().endsWith("]")) {
            throw g.fail("with from_segy, give one sources group and one receivers group (the file's geometry), not a list");
        }
        if (g.has("locations")) {
            throw g.get("locations").fail("comes from survey.from_segy; leave it out");
        }
        return place(g, file, fromFile, model, freeSurface, offGrid);
    }

    private static NdArray wavelet(Field w, Locations loc, int nt, double dt) {
        String type = w.get("type").text("ricker");
        if (!type.equals("ricker")) {
            throw w.get("type").fail("'" + type + "' is not a known wavelet (known: ricker)");
        }
        double freq = w.required("freq").number();
        if (!(freq > 0)) {
            throw w.get("freq").fail("must be positive, got " + freq);
        }
        double peak = w.get("peak_time").number(1.5 / freq);
        double scale = w.get("scale").number(1.0);
        double[] trace = Wavelets.ricker(freq, nt, dt, peak);
        double[] all = new double[loc.shots() * loc.perShot() * nt];
        for (int s = 0; s < loc.shots() * loc.perShot(); s++) {
            for (int i = 0; i < nt; i++) {
                all[s * nt + i] = scale * trace[i];
            }
        }
        return new NdArray(new int[] {loc.shots(), loc.perShot(), nt}, all);
    }
}
