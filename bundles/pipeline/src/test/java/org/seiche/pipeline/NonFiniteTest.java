package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.io.Npy;
import org.seiche.pipeline.file.Finite;

/** A NaN or an infinity is refused where it enters: at load, naming the file and index, or in a run, naming the shot. */
class NonFiniteTest {
    @TempDir
    Path dir;

    /** Rewrites an input file with one value replaced. */
    private void poison(String file, int flat, double value) {
        NdArray a = Npy.read(dir.resolve(file));
        a.data()[flat] = value;
        Npy.write(dir.resolve(file), a, Precision.FLOAT64);
    }

    static SeicheException refused(org.junit.jupiter.api.function.Executable run, String... fragments) {
        SeicheException e = assertThrows(SeicheException.class, run);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void observedDataHoldingNaNIsRefusedAtLoadWithTheFileAndTheIndex() throws IOException {
        var runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\ngradient_wrt: [v]\n" + PipelineTestSupport.SURVEY);
        // [2, 1, 5] of [3, 2, 8], and a later one that must not be the one named
        poison("observed.npy", (2 * 2 + 1) * 8 + 5, Double.NaN);
        poison("observed.npy", 47, Double.POSITIVE_INFINITY);
        SeicheException e = refused(() -> runtime.read(p), "holds NaN at [2, 1, 5]; values must be finite");
        assertTrue(e.getMessage().startsWith("observed: " + dir.resolve("observed.npy")), e.getMessage());
    }

    @Test
    void modelAndAmplitudesHoldingInfinityAreRefusedAtLoad() throws IOException {
        var runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: forward\n" + PipelineTestSupport.SURVEY);
        poison("v.npy", 5, Double.NEGATIVE_INFINITY);
        refused(() -> runtime.read(p), "model.parameters.v: " + dir.resolve("v.npy") + " holds -Infinity at [1, 2]");

        PipelineTestSupport.writeInputs(dir);
        double[] amplitudes = new double[3 * 8];
        amplitudes[8 + 3] = Double.NaN;
        Npy.write(dir.resolve("amplitudes.npy"), new NdArray(new int[] {3, 1, 8}, amplitudes), Precision.FLOAT32);
        Path q = PipelineTestSupport.pipeline(dir, "task: forward\n" + PipelineTestSupport.SURVEY.replace(
                "wavelet: {type: ricker, freq: 10.0, peak_time: 0.04}", "amplitudes: {file: amplitudes.npy}"));
        refused(() -> runtime.read(q), "survey.sources.amplitudes: " + dir.resolve("amplitudes.npy") + " holds NaN at [1, 0, 3]");
    }

    @Test
    void valuesWrittenInThePipelineAreCheckedToo() throws IOException {
        var runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: forward\n" + PipelineTestSupport.SURVEY.replace("{file: v.npy}",
                "[[1.0, 1.0, 1.0], [1.0, 1.0e999, 1.0], [1.0, 1.0, 1.0]]"));
        refused(() -> runtime.read(p), "model.parameters.v: holds Infinity at [1, 1]");
    }

    @Test
    void aPipelineBuiltInCodeIsRefusedBeforeAnyModelling() throws IOException {
        var runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\ngradient_wrt: [v]\n" + PipelineTestSupport.SURVEY);
        double[] observed = new double[3 * 2 * 8];
        observed[17] = Double.NaN;
        PipelineSpec spec = runtime.read(p).toBuilder().observed(new NdArray(new int[] {3, 2, 8}, observed)).build();
        refused(() -> runtime.run(spec), "observed: holds NaN at [1, 0, 1]");
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aLossThatOverflowsNamesTheShotEvenInABatchOfAll() throws IOException {
        var runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\ngradient_wrt: [v]\n" + PipelineTestSupport.SURVEY);
        // shot 1 records v at cells [1, 1] and [2, 1]: a finite model value whose squared misfit overflows
        poison("v.npy", 4, 1e100);
        refused(() -> runtime.run(runtime.read(p)), "shot 1: loss is Infinity");
        assertFalse(Files.exists(dir.resolve("out/summary.json")), "no results of a failed run");
    }

    @Test
    void aNonFiniteGradientNamesTheShotAndTheQuantity() throws IOException {
        var runtime = PipelineTestSupport.runtime();
        runtime.addPropagator(new Poisoned(2, 5), Map.of());
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\ngradient_wrt: [v]\nshots_per_batch: 1\n"
                + PipelineTestSupport.SURVEY.replace("name: linear", "name: poisoned"));
        SeicheException e = refused(() -> runtime.run(runtime.read(p)), "shot 2: gradient_v is NaN at [1, 2]");
        assertTrue(e.getMessage().startsWith("shot 2"), "no iteration outside an inversion: " + e.getMessage());
        Path r = PipelineTestSupport.pipeline(dir, "task: gradient\ngradient_wrt: [v]\n"
                + PipelineTestSupport.SURVEY.replace("name: linear", "name: poisoned"));
        refused(() -> runtime.run(runtime.read(r)), "shots [0, 1, 2]: gradient_v is NaN at [1, 2]");
    }

    /** The linear propagator with a NaN in the model gradient of every batch holding the given shot. */
    private static final class Poisoned implements Propagator {
        private final Propagator inner = new LinearPropagator();
        private final int shot;
        private final int cell;

        Poisoned(int shot, int cell) {
            this.shot = shot;
            this.cell = cell;
        }

        @Override
        public String name() {
            return "poisoned";
        }

        @Override
        public Set<String> parameterNames() {
            return inner.parameterNames();
        }

        @Override
        public Simulation prepare(SimulationSetup setup) {
            Simulation sim = inner.prepare(setup);
            return new Simulation() {
                @Override
                public int shots() {
                    return sim.shots();
                }

                @Override
                public int stepRatio() {
                    return sim.stepRatio();
                }

                @Override
                public long bytesPerShot(boolean forGradient) {
                    return sim.bytesPerShot(forGradient);
                }

                @Override
                public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
                    ForwardRun run = sim.forward(shots, gradientWrt);
                    boolean hit = Arrays.stream(shots).anyMatch(s -> s == shot);
                    return new ForwardRun() {
                        @Override
                        public List<NdArray> receiverData() {
                            return run.receiverData();
                        }

                        @Override
                        public Map<String, NdArray> adjoint(List<NdArray> adjointSources) {
                            Map<String, NdArray> g = new LinkedHashMap<>(run.adjoint(adjointSources));
                            if (hit) {
                                g.get("v").data()[cell] = Double.NaN;
                            }
                            return g;
                        }

                        @Override
                        public long peakMemoryBytes() {
                            return run.peakMemoryBytes();
                        }
                    };
                }
            };
        }
    }

    @Test
    void finiteFindsTheFirstBadValueAndItsIndex() {
        assertEquals(-1, Finite.first(new double[] {0, -1e308, Double.MIN_VALUE}));
        assertEquals(1, Finite.first(new double[] {0, Double.NaN, Double.POSITIVE_INFINITY}));
        assertEquals("[2, 5, 130]", Arrays.toString(Finite.index(new int[] {3, 6, 200}, (2 * 6 + 5) * 200 + 130)));
        assertEquals("[]", Arrays.toString(Finite.index(new int[0], 0)));
    }
}
