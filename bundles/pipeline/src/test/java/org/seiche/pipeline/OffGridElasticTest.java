package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.io.Npy;
import org.seiche.losses.MeanSquaredError;
import org.seiche.pipeline.file.HicksTest;
import org.seiche.pipeline.file.OffGridTransducers;
import org.seiche.pipeline.file.PipelineFile;
import org.seiche.pipeline.file.Services;
import org.seiche.pipeline.file.ShotModels;

/**
 * Elastic sources and receivers off the grid, as Deepwave's location_interpolation gives
 * them: each component's points are spread with monopole Hicks weights over that
 * component's own grid points (velocities at their staggered positions, pressure at the
 * cells), in the index coordinates the elastic propagator takes for that component; Deepwave
 * gives a dipole only when asked for one (an oriented point in a scalar field), never to an
 * elastic component, whose velocity is a field of its own. Tests: the off-grid source
 * amplitudes' and vp's adjoints pass dot-product tests in float64 (y forces and pressure
 * sources, x-velocity and pressure receivers, a window folded at a width-0 side), and a y
 * force and a pressure source between cells match the same points on the cells of a grid
 * twice as fine far better than rounded to their nearest cell.
 */
class OffGridElasticTest {
    private static final ElasticPropagator ELASTIC = new ElasticPropagator(new CpuElasticKernel());
    private static final int NZ = 22;
    private static final int NX = 26;
    private static final int NT = 120;

    @TempDir
    Path dir;

    private PipelineSpec spec() throws IOException {
        // two shots; the first y force's window reaches the top (width 0) and is folded there
        Npy.write(dir.resolve("force.npy"), new NdArray(new int[] {2, 2, 2}, new double[] {
            1.6, 9.3, 11.25, 15.7, 8.4, 12.0, 14.5, 7.75}), Precision.FLOAT64);
        Npy.write(dir.resolve("pressure.npy"), new NdArray(new int[] {2, 1, 2}, new double[] {
            10.5, 12.5, 9.2, 16.1}), Precision.FLOAT64);
        Npy.write(dir.resolve("recx.npy"), new NdArray(new int[] {2, 3, 2}, new double[] {
            5.3, 6.6, 15.7, 17.45, 12.0, 20.0, 4.5, 8.25, 16.1, 14.5, 6.7, 19.3}), Precision.FLOAT64);
        Npy.write(dir.resolve("recp.npy"), new NdArray(new int[] {2, 2, 2}, new double[] {
            3.5, 18.5, 14.2, 5.9, 7.5, 13.25, 16.0, 18.0}), Precision.FLOAT64);
        Files.writeString(dir.resolve("p.yaml"), """
                task: gradient
                precision: float64
                model: {spacing: 5.0, parameters: {vp: {constant: 2000.0, shape: [%d, %d]},
                        vs: {constant: 1100.0, shape: [%d, %d]}, rho: {constant: 2100.0, shape: [%d, %d]}}}
                propagator: {name: elastic, accuracy: 4, pml_width: [0, 6, 6, 6], pml_freq: 25.0, max_vel: 2500}
                survey:
                  dt: 0.001
                  nt: %d
                  sources:
                    - {component: y, locations: {file: force.npy}, wavelet: {type: ricker, freq: 30.0}}
                    - {component: p, locations: {file: pressure.npy}, wavelet: {type: ricker, freq: 25.0},
                       interpolation: {method: hicks, halfwidth: 3}}
                  receivers:
                    - {component: x, locations: {file: recx.npy}}
                    - {component: p, locations: {file: recp.npy}}
                loss: mse
                gradient_wrt: [vp, source_amplitudes]
                output: out
                """.formatted(NZ, NX, NZ, NX, NZ, NX, NT));
        return PipelineFile.read(dir.resolve("p.yaml"), new Services(), w -> { });
    }

    private static Simulation simulation(PipelineSpec spec, Map<String, NdArray> parameters, Survey survey) {
        return OffGridTransducers.prepare(ELASTIC, new SimulationSetup(spec.model().with(parameters), survey, spec.settings(),
                new CpuDevice(2), Precision.FLOAT64), spec);
    }

    /** Data are linear in the amplitudes: <F a, r> = <a, F^T r> over both source groups and both receiver groups. */
    @Test
    void sourceAmplitudeAdjointPassesTheDotProductTest() throws IOException {
        PipelineSpec spec = spec();
        Random r = new Random(3);
        List<SourceGroup> groups = new ArrayList<>();
        for (SourceGroup g : spec.survey().sources()) {
            groups.add(new SourceGroup(g.component(), g.locations(), HicksTest.random(r, g.amplitudes().shape())));
        }
        Survey survey = new Survey(spec.survey().dt(), spec.survey().nt(), groups, spec.survey().receivers());
        int[] shots = {0, 1};
        try (Simulation sim = simulation(spec, Map.of(), survey);
             ForwardRun run = sim.forward(shots, Set.of(Simulation.SOURCE_AMPLITUDES, Simulation.SOURCE_AMPLITUDES + "_1"))) {
            List<NdArray> data = run.receiverData();
            assertEquals(3, data.get(0).dim(1));
            assertEquals(2, data.get(1).dim(1));
            double lhs = 0;
            List<NdArray> residual = new ArrayList<>();
            for (NdArray d : data) {
                NdArray res = HicksTest.random(r, d.shape());
                residual.add(res);
                lhs += HicksTest.dot(d, res);
            }
            Map<String, NdArray> g = run.adjoint(residual);
            double rhs = HicksTest.dot(groups.get(0).amplitudes(), g.get(Simulation.SOURCE_AMPLITUDES))
                    + HicksTest.dot(groups.get(1).amplitudes(), g.get(Simulation.SOURCE_AMPLITUDES + "_1"));
            System.out.printf("elastic off-grid amplitudes: <F a, r> %.15e, <a, F^T r> %.15e%n", lhs, rhs);
            assertTrue(Math.abs(lhs) > 0);
            assertEquals(lhs, rhs, 1e-11 * Math.abs(lhs), "<F a, r> " + lhs + ", <a, F^T r> " + rhs);
        }
    }

    /** <J dvp, r> = <dvp, J^T r>, J dvp the data at the off-grid receivers linearised in vp (central differences). */
    @Test
    void velocityAdjointPassesTheDotProductTest() throws IOException {
        PipelineSpec spec = spec();
        Random r = new Random(5);
        NdArray vp = spec.model().parameter("vp");
        NdArray dvp = NdArray.zeros(NZ, NX);
        for (int i = 0; i < dvp.size(); i++) {
            dvp.data()[i] = 20 * Math.cos(0.47 * i) + 10 * r.nextGaussian();
        }
        int[] shots = {1, 0};
        List<NdArray> residual = new ArrayList<>();
        NdArray jtr;
        try (Simulation sim = simulation(spec, Map.of(), spec.survey()); ForwardRun run = sim.forward(shots, Set.of("vp"))) {
            for (NdArray d : run.receiverData()) {
                residual.add(HicksTest.random(r, d.shape()));
            }
            jtr = run.adjoint(residual).get("vp");
        }
        double h = 0.02;
        List<NdArray> plus = data(spec, Map.of("vp", add(vp, dvp, h)), shots);
        List<NdArray> minus = data(spec, Map.of("vp", add(vp, dvp, -h)), shots);
        double lhs = 0;
        for (int g = 0; g < residual.size(); g++) {
            for (int i = 0; i < residual.get(g).size(); i++) {
                lhs += (plus.get(g).data()[i] - minus.get(g).data()[i]) / (2 * h) * residual.get(g).data()[i];
            }
        }
        double rhs = HicksTest.dot(dvp, jtr);
        System.out.printf("elastic off-grid vp: <J dvp, r> %.12e, <dvp, J^T r> %.12e%n", lhs, rhs);
        assertEquals(lhs, rhs, 5e-6 * Math.abs(lhs), "<J dvp, r> " + lhs + ", <dvp, J^T r> " + rhs);
    }

    private static List<NdArray> data(PipelineSpec spec, Map<String, NdArray> parameters, int[] shots) {
        try (Simulation sim = simulation(spec, parameters, spec.survey()); ForwardRun run = sim.forward(shots, Set.of())) {
            return run.receiverData();
        }
    }

    private static NdArray add(NdArray a, NdArray d, double h) {
        NdArray out = a.copy();
        for (int i = 0; i < out.size(); i++) {
            out.data()[i] += h * d.data()[i];
        }
        return out;
    }

    /**
     * A y force and a pressure source between the cells of a 10 m grid, against the same points
     * on cells of a 5 m grid (the reference: the fine grid's own error is the coarse grid's
     * divided by 2^8 at accuracy 8): pressure at cell (12.5, 14.5) of the coarse grid is cell
     * (25, 29) of the fine one; v_y of coarse index 12.25 lies at (12.25 + 1/2) 10 m = 127.5 m,
     * fine v_y index 25 (at (25 + 1/2) 5 m). Receivers record pressure on cells of both grids.
     * Amplitudes are densities, so a fine cell's source is 4 times a coarse cell's.
     */
    @Test
    void componentsBetweenCellsMatchAFineGridBetterThanTheirNearestCells() throws IOException {
        double[] receivers = {6, 14, 18, 14, 12, 7, 12, 22, 5, 8, 19, 21, 9, 20};
        for (String component : new String[] {"p", "y"}) {
            double[] source = component.equals("p") ? new double[] {12.5, 14.5} : new double[] {12.25, 14.5};
            double[] fineSource = {25, 29};
            NdArray fine = data(fineSource, component, receivers, 2);
            NdArray hicks = data(source, component, receivers, 1);
            NdArray nearest = data(new double[] {Math.floor(source[0]), Math.floor(source[1])}, component, receivers, 1);
            double eh = relL2(hicks, fine);
            double en = relL2(nearest, fine);
            System.out.printf("elastic %s source at %s (10 m grid) against a 5 m grid: Hicks rel-L2 %.3e, nearest cell %.3e%n",
                    component, java.util.Arrays.toString(source), eh, en);
            assertTrue(eh < 0.03, component + ": Hicks " + eh);
            assertTrue(en > 5 * eh, component + ": nearest " + en + ", Hicks " + eh);
        }
    }

    /** Pressure data [receivers][nt] of a forward run on the 10 m grid (refine 1) or the 5 m grid (refine 2). */
    private NdArray data(double[] source, String component, double[] receivers, int refine) throws IOException {
        int n = 30 * refine - (refine - 1);
        double[] rec = new double[receivers.length];
        for (int i = 0; i < rec.length; i++) {
            rec[i] = receivers[i] * refine;
        }
        Npy.write(dir.resolve("src.npy"), new NdArray(new int[] {1, 1, 2}, source), Precision.FLOAT64);
        Npy.write(dir.resolve("rec.npy"), new NdArray(new int[] {1, rec.length / 2, 2}, rec), Precision.FLOAT64);
        Files.writeString(dir.resolve("fine.yaml"), """
                task: forward
                precision: float64
                model: {spacing: %s, parameters: {vp: {constant: 2000.0, shape: [%d, %d]},
                        vs: {constant: 1000.0, shape: [%d, %d]}, rho: {constant: 2000.0, shape: [%d, %d]}}}
                propagator: {name: elastic, accuracy: 8, pml_width: %d, pml_freq: 8.0}
                survey:
                  dt: 0.001
                  nt: 400
                  sources:
                    component: %s
                    locations: {file: src.npy}
                    wavelet: {type: ricker, freq: 8.0, peak_time: 0.15, scale: %d}
                  receivers:
                    component: p
                    locations: {file: rec.npy}
                output: out
                """.formatted(10.0 / refine, n, n, n, n, n, n, 12 * refine, component, refine * refine));
        PipelineSpec spec = PipelineFile.read(dir.resolve("fine.yaml"), new Services(), w -> { });
        Runner.Prepared services = new Runner.Prepared(new CpuDevice(2), ELASTIC, new MeanSquaredError(), Set.of(),
                new int[][] {{0}}, List.of(), null, new LocalShotExecutor());
        return new Evaluator(spec, services, Progress.silent()).evaluate(ShotModels.shared(spec.model()), services.batches(), Set.of(),
                org.seiche.api.ShotWork.Compute.DATA).data().get(0);
    }

    private static double relL2(NdArray a, NdArray reference) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.size(); i++) {
            num += (a.data()[i] - reference.data()[i]) * (a.data()[i] - reference.data()[i]);
            den += reference.data()[i] * reference.data()[i];
        }
        return Math.sqrt(num / den);
    }
}
