package org.seiche.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.Survey;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.losses.MeanSquaredError;

/** A pipeline runtime wired by hand with test services, and a small survey on disk. */
public final class PipelineTestSupport {
    private PipelineTestSupport() {
    }

    public static PipelineService runtime() {
        PipelineService p = new PipelineService();
        p.addPropagator(new LinearPropagator(), Map.of());
        p.addDevice(new CpuDevice(2), Map.of());
        p.addLoss(new MeanSquaredError(), Map.of());
        p.addOptimiser(new Descent(), Map.of());
        p.addMapping(new Scale(), Map.of());
        return p;
    }

    /** An optimiser run with nothing to keep between steps: only its step is written. */
    public interface Stateless extends Optimiser.Run {
        @Override
        default Map<String, Object> state() {
            return Map.of();
        }

        @Override
        default void restore(Map<String, Object> state) {
        }
    }

    /** Plain gradient descent with a fixed rate; its state is the step count (to test resume). */
    public static final class Descent implements Optimiser {
        @Override
        public String name() {
            return "descent";
        }

        @Override
        public Set<String> options() {
            return Set.of("lr");
        }

        @Override
        public Run start(Map<String, Object> config, int size) {
            double lr = ((Number) config.getOrDefault("lr", 1.0)).doubleValue();
            return new Run() {
                int steps;

                @Override
                public double[] step(double[] x, Objective.Evaluation atX, Objective objective) {
                    steps++;
                    double[] out = x.clone();
                    for (int i = 0; i < x.length; i++) {
                        out[i] -= lr / steps * atX.gradient()[i];
                    }
                    return out;
                }

                @Override
                public Map<String, Object> state() {
                    return Map.of("steps", steps);
                }

                @Override
                public void restore(Map<String, Object> state) {
                    steps = (Integer) state.get("steps");
                }
            };
        }
    }

    /** m = factor * x. */
    public static final class Scale implements Mapping {
        @Override
        public String name() {
            return "scale";
        }

        @Override
        public Set<String> options() {
            return Set.of("factor");
        }

        @Override
        public Link create(Map<String, Object> config, Model model, Survey survey) {
            double f = ((Number) config.get("factor")).doubleValue();
            return new Link() {
                @Override
                public NdArray toSimulation(NdArray x) {
                    return times(x, f);
                }

                @Override
                public NdArray toInversion(NdArray m) {
                    return times(m, 1 / f);
                }

                @Override
                public NdArray gradientToInversion(NdArray x, NdArray g) {
                    return times(g, f);
                }
            };
        }

        private static NdArray times(NdArray a, double f) {
            double[] d = a.data().clone();
            for (int i = 0; i < d.length; i++) {
                d[i] *= f;
            }
            return new NdArray(a.shape(), d);
        }
    }

    public static final String SURVEY = """
            model:
              spacing: 4.0
              parameters:
                v: {file: v.npy}
            propagator: {name: linear}
            survey:
              dt: 0.01
              nt: 8
              sources:
                locations: [[[0, 0]], [[0, 1]], [[0, 2]]]
                wavelet: {type: ricker, freq: 10.0, peak_time: 0.04}
              receivers:
                locations: [[[1, 0], [2, 2]], [[1, 1], [2, 1]], [[1, 2], [2, 0]]]
            observed: {file: observed.npy}
            """;

    /** Writes the inputs and the given pipeline file into dir; returns the pipeline file. */
    public static Path pipeline(Path dir, String yaml) throws IOException {
        writeInputs(dir);
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    /** Writes v.npy (3 x 3) and observed data from a true model into dir. */
    public static void writeInputs(Path dir) throws IOException {
        Files.createDirectories(dir);
        double[] v = {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8};
        org.seiche.io.Npy.write(dir.resolve("v.npy"), new NdArray(new int[] {3, 3}, v), org.seiche.api.Precision.FLOAT64);
        double[] obs = new double[3 * 2 * 8];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = Math.sin(i * 0.7) * 0.5;
        }
        org.seiche.io.Npy.write(dir.resolve("observed.npy"), new NdArray(new int[] {3, 2, 8}, obs),
                org.seiche.api.Precision.FLOAT64);
    }
}
