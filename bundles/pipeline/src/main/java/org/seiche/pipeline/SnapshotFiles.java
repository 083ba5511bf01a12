package org.seiche.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.Snapshots;
import org.seiche.api.WavefieldListener;
import org.seiche.pipeline.file.SnapshotPlan;
import org.seiche.io.NpyFrames;
import org.seiche.plot.Gif;
import org.seiche.plot.Png;

/**
 * Writes the snapshots a pipeline asks for (snapshots: {every, fields, shots, format,
 * adjoint}) as they come: per shot and field a .npy of [frames, *model_shape], frame k the
 * field after inner step (k + 1) every, each frame written at its place as soon as it arrives
 * (memory stays flat). With format png or gif those files are then drawn frame by frame (one
 * symmetric clip per movie) and removed. Everything goes to a hidden folder beside the output
 * folder, moved into it as snapshots/ with the other results, or removed if the run fails.
 */
final class SnapshotFiles implements WavefieldListener {
    static final String FOLDER = SnapshotPlan.FOLDER;
    /** GIF frame delay: 10 frames a second. */
    private static final int DELAY_CENTISECONDS = 10;
    /** The clip of a movie: the largest of its frames' 99th percentiles of |value| (a source cell's spike aside). */
    private static final double CLIP_PERCENTILE = 0.99;

    private final SnapshotPlan plan;
    private final Path folder;
    private final int[] modelShape;
    private final Precision precision;
    private final Map<String, Movie> movies = new ConcurrentHashMap<>();
    private int frames;
    private int steps;
    private double innerDt;

    /** One file's frames and the clip so far. */
    private static final class Movie {
        final NpyFrames frames;
        final String title;
        double clip;
        /** The largest |value|: the clip when the percentiles are all zero (a wave in few cells). */
        double peak;

        Movie(NpyFrames frames, String title) {
            this.frames = frames;
            this.title = title;
        }

        synchronized void note(double[] frame) {
            clip = Math.max(clip, percentileAbs(frame));
            for (double v : frame) {
                peak = Math.max(peak, Math.abs(v));
            }
        }

        double scale() {
            return clip > 0 ? clip : peak;
        }
    }

    SnapshotFiles(SnapshotPlan plan, Path output, int[] modelShape, Precision precision) {
        this.plan = plan;
        Path abs = output.toAbsolutePath();
        this.folder = abs.resolveSibling("." + abs.getFileName() + "." + FOLDER + "-partial-" + ProcessHandle.current().pid());
        this.modelShape = modelShape.clone();
        this.precision = precision;
    }

    /** The request a simulation setup carries, heard by this writer. */
    Snapshots request() {
        return new Snapshots(plan.every(), Set.copyOf(plan.fields()), plan.shots(), plan.adjoint(), this);
    }

    /** Before the first run: the inner steps of a run and their length fix the frame count. */
    void start(int innerSteps, double dt) {
        steps = innerSteps;
        innerDt = dt;
        frames = innerSteps / plan.every();
        if (frames < 1) {
            throw new SeicheException("snapshots.every: " + plan.every() + " is more than the run's " + innerSteps
                    + " inner time steps: no frame would be taken");
        }
        try {
            Results.deleteTree(folder);
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new SeicheException("snapshots: cannot create " + folder + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void wavefield(int shot, int step, String field, boolean adjoint, NdArray values) {
        String name = "shot_" + shot + "_" + field + (adjoint ? "_adjoint" : "");
        Movie movie = movies.computeIfAbsent(name, n -> new Movie(NpyFrames.create(folder.resolve(n + ".npy"), frames,
                modelShape, precision), (adjoint ? "adjoint " : "") + field + ", shot " + shot));
        movie.frames.put(step / plan.every() - 1, values);
        if (!plan.format().equals("npy")) {
            movie.note(values.data());
        }
    }

    /** After the last run: the pictures drawn (format png or gif), the arrays they were drawn from removed. */
    Path finish() {
        if (movies.isEmpty()) {
            throw new SeicheException("snapshots: the propagator gave no wavefields (it does not take snapshots)");
        }
        try {
            for (Map.Entry<String, Movie> e : new java.util.TreeMap<>(movies).entrySet()) {
                Movie m = e.getValue();
                if (plan.format().equals("png")) {
                    Path frameFolder = Files.createDirectories(folder.resolve(e.getKey()));
                    for (int k = 0; k < frames; k++) {
                        Png.frame(frameFolder.resolve(String.format("frame_%04d.png", k)), m.frames.frame(k), m.scale(),
                                title(m, k));
                    }
                } else if (plan.format().equals("gif")) {
                    Gif.movie(folder.resolve(e.getKey() + ".gif"), frames, m.frames::frame, k -> title(m, k), m.scale(),
                            DELAY_CENTISECONDS);
                }
                m.frames.close();
                if (!plan.format().equals("npy")) {
                    Files.delete(folder.resolve(e.getKey() + ".npy"));
                }
            }
            Results.JSON.writeValue(folder.resolve(FOLDER + ".json").toFile(), description());
        } catch (IOException e) {
            throw new SeicheException("snapshots: cannot write to " + folder + " (" + e.getMessage() + ")");
        }
        return folder;
    }

    /** snapshots.json: what each frame is. */
    private Map<String, Object> description() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("every", plan.every());
        d.put("format", plan.format());
        d.put("frames", frames);
        d.put("inner_steps", steps);
        d.put("inner_dt", innerDt);
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            // to the picosecond: (k + 1) * every * dt as written, not its binary rounding's tail
            times.add(Math.round((k + 1) * plan.every() * innerDt * 1e12) / 1e12);
        }
        d.put("times", times);
        d.put("files", new java.util.TreeSet<>(movies.keySet()));
        return d;
    }

    private String title(Movie m, int k) {
        int step = (k + 1) * plan.every();
        return String.format("%s, t = %.4g s (inner step %d of %d), clip +-%.3g", m.title, step * innerDt, step, steps,
                m.scale());
    }

    /** Removes what a failed run left. */
    void discard() {
        for (Movie m : movies.values()) {
            try {
                m.frames.close();
            } catch (SeicheException ignored) {
                // removing the folder below is what matters
            }
        }
        try {
            Results.deleteTree(folder);
        } catch (IOException ignored) {
            // best effort: a hidden leftover folder beside the output is harmless
        }
    }

    private static double percentileAbs(double[] v) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = Math.abs(v[i]);
        }
        Arrays.sort(a);
        return a[(int) (CLIP_PERCENTILE * (a.length - 1))];
    }
}
