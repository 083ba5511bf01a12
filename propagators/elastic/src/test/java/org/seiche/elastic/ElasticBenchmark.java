package org.seiche.elastic;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.elastic.internal.ElasticPropagator;

/**
 * Speed of the elastic propagator, not a test: 300 x 300 cells + 20 PML cells per side,
 * 1000 steps, accuracy 4, one y force and 300 v_y receivers per shot; forward and
 * forward + gradient (vp, vs, rho), for 1 and 4 shots. Prints Mcells/s = padded cells x
 * steps x shots / s, after a warm-up run. Run (4 shots with gradient need about 10 GB):
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java --add-modules jdk.incubator.vector -Xmx16g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.seiche.elastic.ElasticBenchmark [float32|float64] [threads]
 * </pre>
 */
public final class ElasticBenchmark {
    private static final int N = 300;
    private static final int PML = 20;
    private static final int NT = 1000;

    private ElasticBenchmark() {
    }

    public static void main(String[] args) {
        Precision precision = args.length > 0 ? Precision.parse(args[0]) : Precision.FLOAT32;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        PoolDevice device = new PoolDevice(threads);
        System.out.printf("elastic %dx%d + %d PML, %d steps, accuracy 4, %s, %d threads%n", N, N, PML, NT, precision.label(), threads);
        for (int shots : new int[] {1, 4}) {
            for (boolean gradient : new boolean[] {false, true}) {
                measure(shots, gradient, precision, device, 1);
                double seconds = measure(shots, gradient, precision, device, 1);
                double cells = (double) (N + 2 * PML) * (N + 2 * PML) * NT * shots;
                System.out.printf("  %d shot%s %-18s %7.3f s  %8.1f Mcells/s%n", shots, shots == 1 ? " " : "s",
                        gradient ? "forward+gradient" : "forward", seconds, cells / seconds / 1e6);
            }
        }
        System.exit(0);
    }

    private static double measure(int shots, boolean gradient, Precision precision, PoolDevice device, int interval) {
        NdArray vp = NdArray.filled(2000, N, N);
        NdArray vs = NdArray.filled(1000, N, N);
        NdArray rho = NdArray.filled(2000, N, N);
        int[][] receivers = new int[N][];
        for (int j = 0; j < N; j++) {
            receivers[j] = new int[] {2, j};
        }
        Locations rec = Cases.locations(shots, 0, receivers);
        Locations src = Cases.locations(shots, 50, new int[] {5, 50});
        double dt = 0.0008;
        Survey survey = new Survey(dt, NT, List.of(new SourceGroup("y", src, Cases.ricker(shots, 1, NT, dt, 15))),
                List.of(new ReceiverGroup("y", rec)));
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {PML}, 15, Double.NaN, interval, Map.of());
        Map<String, NdArray> model = Map.of("vp", vp, "vs", vs, "rho", rho);
        long start = System.nanoTime();
        try (Simulation sim = new ElasticPropagator().prepare(
                new SimulationSetup(new Model(new double[] {4, 4}, model), survey, settings, device,
                        precision))) {
            int[] all = Cases.allShots(sim);
            try (ForwardRun run = sim.forward(all, gradient ? Set.of("vp", "vs", "rho") : Set.of())) {
                if (gradient) {
                    run.adjoint(run.receiverData());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (gradient) {
                    System.out.printf("    peak memory %.2f GB, bytes per shot %.2f GB%n", run.peakMemoryBytes() / 1e9,
                            sim.bytesPerShot(true) / 1e9);
                }
                return seconds;
            }
        }
    }
}
