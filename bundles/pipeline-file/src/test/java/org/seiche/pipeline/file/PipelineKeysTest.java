package org.seiche.pipeline.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.scalar.internal.BornPropagator;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.losses.EnvelopeMisfit;
import org.seiche.losses.MeanAbsoluteError;
import org.seiche.losses.MeanSquaredError;
import org.seiche.losses.NormalisedCrossCorrelation;
import org.seiche.losses.TravelTimeShift;
import org.seiche.mappings.basic.AbsoluteMapping;
import org.seiche.mappings.basic.BoundsMapping;
import org.seiche.mappings.basic.ClipMapping;
import org.seiche.mappings.basic.RegionOfInterestMapping;
import org.seiche.mappings.basic.RelativeMapping;
import org.seiche.mappings.cutout.ReceiverCutoutMapping;
import org.seiche.mappings.cutout.SourceCutoutMapping;
import org.seiche.mappings.smoothing.SmoothMapping;
import org.seiche.mappings.smoothing.SmoothModelMapping;
import org.seiche.optimisers.firstorder.AdamOptimiser;
import org.seiche.optimisers.firstorder.SgdOptimiser;
import org.seiche.optimisers.lbfgs.LbfgsOptimiser;
import org.seiche.optimisers.newton.NewtonOptimiser;
import org.seiche.optimisers.newton.TruncatedNewtonOptimiser;
import org.seiche.scalar.internal.ScalarPropagator;

/**
 * Every key of a pipeline file is checked where it stands, against the framework's keys
 * there and the options the named service declares: a typo anywhere is refused with its
 * path and the keys known there; every key the documentation, the examples and the
 * reference and speed cases use is accepted.
 */
public class PipelineKeysTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** Every built-in service, as ./fwi has them. */
    public static Services services() {
        Services s = new Services();
        for (var p : List.of(new ScalarPropagator(), new BornPropagator(), new ElasticPropagator())) {
            s.propagators.put(p.name(), p);
        }
        s.devices.put("cpu", new CpuDevice(1));
        for (var l : List.of(new MeanSquaredError(), new MeanAbsoluteError(), new NormalisedCrossCorrelation(),
                new EnvelopeMisfit(), new TravelTimeShift())) {
            s.losses.put(l.name(), l);
        }
        for (var m : List.of(new AbsoluteMapping(), new RelativeMapping(), new SourceCutoutMapping(),
                new ReceiverCutoutMapping(), new RegionOfInterestMapping(), new SmoothMapping(), new SmoothModelMapping(),
                new ClipMapping(), new BoundsMapping())) {
            s.mappings.put(m.name(), m);
        }
        for (var o : List.of(new SgdOptimiser(), new AdamOptimiser(), new LbfgsOptimiser(), new NewtonOptimiser(),
                new TruncatedNewtonOptimiser())) {
            s.optimisers.put(o.name(), o);
        }
        return s;
    }

    /** The pipeline file read with every built-in service. */
    private static PipelineSpec read(Path file) {
        return PipelineFile.read(file, services(), w -> { });
    }

    /** Every section, with every key the README and the pipeline contract give (inputs need not exist: only keys are read). */
    static final String EVERY_KEY = """
            task: invert
            device: cpu
            precision: float64
            threads: 2
            model:
              spacing: [4.0, 4.0]
              parameters:
                v:
                  synthetic:
                    shape: [10, 12]
                    layers: [{top: 0, value: 1500}, {top: 20, value: 2000, gradient: 1.0}]
                    fault: {x: 20, dip: 60, throw: 8}
                    lens: [{centre: [20, 24], radii: [8, 8], add: -100}, {centre: [8, 8], radii: [4, 4], value: 1700}]
                  smooth: 8
                scatter: {constant: 0.0, shape: [10, 12]}
            propagator: {name: born, accuracy: 4, pml_width: [0, 20, 20, 20], pml_freq: 25.0, max_vel: 2500,
                         gradient_sampling_interval: 1, background_data: true}
            survey:
              dt: 0.001
              nt: 100
              sources:
                - locations: {regular: {shots: 2, per_shot: 1, first: [1, 2], shot_step: [0, 4], step: [0, 0]}}
                  wavelet: {type: ricker, freq: 25.0, peak_time: 0.04, scale: 1.0}
                  component: y
                - locations: {file: source_locations.npy}
                  amplitudes: {file: source_amplitudes.npy}
              receivers:
                locations: [[[0, 1], [0, 4]], [[0, 1], [0, 4]]]
                component: y
            observed: [{file: observed.npy}, {constant: 0.0, shape: [2, 2, 100]}]
            mask: {direct_arrival: {velocity: 1500, flat: 0.01, taper: 0.01, delay: 0.0}}
            loss: {name: mse}
            gradient_wrt: [v]
            output: out
            shots_per_batch: 1
            checkpoint: every 2
            inversion:
              parameters: [v]
              iterations: 3
              mode: accumulate
              batches: 2
              shots_per_batch: 1
              mappings:
                - {name: absolute}
                - {name: relative, prior: {file: v_start.npy}}
                - {name: source-cutout, radius: 8, taper: 4}
                - {name: receiver-cutout, radius: 8}
                - {name: region-of-interest, mask: {constant: 1, shape: [10, 12]}}
                - {name: smooth, lengths: [8, 4], parameter: v}
                - {name: smooth-model, lengths: 8}
                - {name: clip, quantile: 0.98}
                - {name: bounds, min: 1200, max: 3000}
              optimiser: {name: lbfgs, history: 5, max_line_search: 10, step_fraction: 0.02}
              true_model: {v: {file: v_true.npy}}
            """;

    /** EVERY_KEY with its one occurrence of given (\\n: a new line) changed. */
    private static String once(String given, String with) {
        String g = given.replace("\\n", "\n");
        int at = EVERY_KEY.indexOf(g);
        assertTrue(at >= 0 && EVERY_KEY.indexOf(g, at + 1) < 0, "'" + given + "' is in the file once");
        return EVERY_KEY.substring(0, at) + with.replace("\\n", "\n") + EVERY_KEY.substring(at + g.length());
    }

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private static void check(Path file, Services services) {
        PipelineKeys.check(new Field("", PipelineFile.parse(file)), services);
    }

    @Test
    void everyDocumentedKeyIsAccepted() throws IOException {
        Services runtime = services();
        check(write(EVERY_KEY), runtime);
        check(write(EVERY_KEY.replace("mask: {direct_arrival:", "mask: {file: mask.npy}\nunused: {direct_arrival:")
                .replace("unused: ", "#")), runtime);
        String[] optimisers = {"{name: sgd, lr: 0.1, momentum: 0.9}", "{name: adam, lr: 0.1, beta1: 0.9, beta2: 0.99, eps: 1e-8}",
            "{name: newton, step: 1.0}", "{name: truncated-newton, cg_iterations: 5, tolerance: 0.1, step: 1.0, step_fraction: 0.02}"};
        for (String o : optimisers) {
            check(write(EVERY_KEY.replace("{name: lbfgs, history: 5, max_line_search: 10, step_fraction: 0.02}", o)), runtime);
        }
    }

    /** A propagator's own option reaches it; another propagator, which does not declare it, refuses it. */
    @Test
    void aPropagatorsDeclaredOptionPassesAndIsRefusedByAnother() throws IOException {
        String born = CONTRACT_FORWARD.replace("{name: scalar}", "{name: born, background_data: true}")
                + "    scatter: {constant: 0.0, shape: [6, 6]}\n";
        PipelineSpec spec = read(write(born));
        assertEquals("true", spec.settings().options().get(BornPropagator.BACKGROUND_DATA));
        SeicheException e = assertThrows(SeicheException.class, () -> read(write(
                CONTRACT_FORWARD.replace("{name: scalar}", "{name: scalar, background_data: true}"))));
        assertEquals("propagator.background_data: unknown key (known for propagator scalar: accuracy, "
                + "gradient_sampling_interval, max_vel, name, pml_freq, pml_width, storage)", e.getMessage());
    }

    /** A small forward pipeline whose arrays are all inline, so that it reads completely. */
    public static final String CONTRACT_FORWARD = """
            task: forward
            propagator: {name: scalar}
            survey:
              dt: 0.001
              nt: 20
              sources: {locations: [[[1, 1]]], wavelet: {type: ricker, freq: 25.0}}
              receivers: {locations: [[[1, 4]]]}
            model:
              spacing: 5.0
              parameters:
                v: {constant: 1500.0, shape: [6, 6]}
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            task: invert                          | tsak: invert                         | tsak: unknown key, did you mean task? (known here: batches, checkpoint, device, executor, gradient_wrt, inversion, loss, mask, model, observed, output, pictures, precision, propagator, shots_per_batch, snapshots, survey, task, threads)
            spacing: [4.0, 4.0]                   | spcing: [4.0, 4.0]                   | model.spcing: unknown key, did you mean spacing? (known here: parameters, spacing)
            smooth: 8                             | smoth: 8                             | model.parameters.v.smoth: unknown key, did you mean smooth? (known here: constant, dataset, file, hdf5, segy, shape, shots_by, smooth, synthetic)
            shape: [10, 12]\\n                    | shap: [10, 12]\\n                    | model.parameters.v.synthetic.shap: unknown key, did you mean shape? (known here: fault, layers, lens, shape)
            value: 2000, gradient: 1.0            | value: 2000, gradiant: 1.0           | model.parameters.v.synthetic.layers[1].gradiant: unknown key, did you mean gradient? (known here: gradient, top, value)
            throw: 8                              | throws: 8                            | model.parameters.v.synthetic.fault.throws: unknown key, did you mean throw? (known here: dip, throw, x)
            radii: [4, 4]                         | radius: [4, 4]                       | model.parameters.v.synthetic.lens[1].radius: unknown key, did you mean radii? (known here: add, box, centre, radii, value)
            pml_width:                            | pml_widht:                           | propagator.pml_widht: unknown key, did you mean pml_width? (known for propagator born: accuracy, background_data, gradient_sampling_interval, max_vel, name, pml_freq, pml_width, storage)
            background_data                       | backgrund_data                       | propagator.backgrund_data: unknown key, did you mean background_data? (known for propagator born: accuracy, background_data, gradient_sampling_interval, max_vel, name, pml_freq, pml_width, storage)
            dt: 0.001                             | dtt: 0.001                           | survey.dtt: unknown key, did you mean dt? (known here: dt, from_segy, nt, origin, receivers, shots_by, sources, spacing)
            shot_step: [0, 4]                     | shot_stp: [0, 4]                     | survey.sources[0].locations.regular.shot_stp: unknown key, did you mean shot_step? (known here: first, per_shot, shot_step, shots, step)
            peak_time: 0.04                       | peaktime: 0.04                       | survey.sources[0].wavelet.peaktime: unknown key, did you mean peak_time? (known here: freq, peak_time, scale, type)
            amplitudes: {file                     | amplitude: {file                     | survey.sources[1].amplitude: unknown key, did you mean amplitudes? (known here: amplitudes, component, interpolation, locations, wavelet)
            {file: source_locations.npy}          | {fil: source_locations.npy}          | survey.sources[1].locations.fil: unknown key, did you mean file? (known here: constant, dataset, file, hdf5, regular, segy, shape, shots_by, smooth, synthetic, units)
            component: y\\nobserved              | componnt: y\\nobserved              | survey.receivers.componnt: unknown key, did you mean component? (known here: component, interpolation, locations)
            {file: observed.npy}                  | {file: observed.npy, scale: 2}       | observed[0].scale: unknown key (known here: constant, dataset, file, hdf5, segy, shape, shots_by, smooth, synthetic)
            taper: 0.01, delay                    | tapr: 0.01, delay                    | mask.direct_arrival.tapr: unknown key, did you mean taper? (known here: delay, flat, taper, velocity)
            {direct_arrival:                      | {file: m.npy, direct_arrival:        | mask.file: unknown key (known here: direct_arrival)
            loss: {name: mse}                     | loss: {name: mse, delta: 0.1}        | loss.delta: unknown key (known here: name)
            iterations: 3                         | iteration: 3                         | inversion.iteration: unknown key, did you mean iterations? (known here: batches, iterations, mappings, mode, optimiser, parameters, shots_per_batch, true_model)
            min: 1200, max: 3000                  | min: 1200, maxx: 3000                | inversion.mappings[8].maxx: unknown key, did you mean max? (known for mapping bounds: max, min, name, parameter)
            prior: {file: v_start.npy}            | prior: {file: v_start.npy, smoth: 2} | inversion.mappings[1].prior.smoth: unknown key, did you mean smooth? (known here: constant, dataset, file, hdf5, segy, shape, shots_by, smooth, synthetic)
            radius: 8, taper: 4                   | radius: 8, tapper: 4                 | inversion.mappings[2].tapper: unknown key, did you mean taper? (known for mapping source-cutout: name, parameter, radius, taper)
            lengths: [8, 4], parameter: v         | lengths: [8, 4], parameters: v       | inversion.mappings[5].parameters: unknown key, did you mean parameter? (known for mapping smooth: lengths, name, parameter)
            {name: absolute}                      | {name: absolute, scale: 2}           | inversion.mappings[0].scale: unknown key (known for mapping absolute: name, parameter)
            history: 5                            | histroy: 5                           | inversion.optimiser.histroy: unknown key, did you mean history? (known for optimiser lbfgs: history, max_line_search, name, step_fraction)
            {v: {file: v_true.npy}}               | {v: {file: v_true.npy, smoth: 1}}    | inversion.true_model.v.smoth: unknown key, did you mean smooth? (known here: constant, dataset, file, hdf5, segy, shape, shots_by, smooth, synthetic)
            output: out                           | output: {directory: out, formt: segy} | output.formt: unknown key, did you mean format? (known here: directory, format)
            """)
    void aTypoInEverySectionIsNamedWithTheKeysKnownThere(String given, String typo, String message) throws IOException {
        String yaml = once(given, typo);
        SeicheException e = assertThrows(SeicheException.class, () -> read(write(yaml)));
        assertEquals(message, e.getMessage());
    }

    /**
     * A block naming a service no bundle provides is left to the run, which refuses the name
     * listing the services there are; a typo in a common block is still refused.
     */
    @Test
    void anUnknownServiceLeavesItsOptionsToTheRun() throws IOException {
        check(write(once("{name: lbfgs, history: 5", "{name: plugin-optimiser, history: 5")), services());
        check(write(once("{name: born, accuracy: 4", "{name: acoustic, accuracy: 4")), services());
        check(write(once("{name: born, accuracy: 4", "{name: acoustic, storage: {mode: disk}, accuracy: 4")), services());
        SeicheException e = assertThrows(SeicheException.class, () -> check(write(once("{name: born, accuracy: 4",
                "{name: acoustic, storage: {mdoe: disk}, accuracy: 4")), services()));
        assertTrue(e.getMessage().startsWith("propagator.storage.mdoe: unknown key, did you mean mode?"), e.getMessage());
    }

    /**
     * The pipelines of the examples, of the launcher's reference cases and (copied) of the
     * shared reference and speed cases use only accepted keys.
     */
    @Test
    void everyExampleAndReferencePipelineIsAccepted() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(PROJECT.resolve("examples"), PROJECT.resolve("launcher/src/test/resources/reference"),
                Path.of("src/test/resources/shared-pipelines").toAbsolutePath())) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/out")
                        && !p.toString().contains("/target/")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 75, "found " + files.size() + " pipelines");
        Services runtime = services();
        List<String> refused = new ArrayList<>();
        for (Path f : files) {
            try {
                check(f, runtime);
            } catch (SeicheException e) {
                refused.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), refused);
    }
}
