package org.seiche.elastic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.seiche.api.Device;
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
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.testing.TestDevice;
import org.seiche.wave.Wavelets;

/** Small elastic models and surveys for the tests. */
final class Cases {
    static final Device DEVICE = TestDevice.ofAllCores();

    private Cases() {
    }

    /** A smooth random solid around vp 2000, vs 1100, rho 2100 (vp > 1.6 vs everywhere). */
    static Map<String, NdArray> velocityModel(int ny, int nx, long seed) {
        Random r = new Random(seed);
        double[] vp = new double[ny * nx];
        double[] vs = new double[ny * nx];
        double[] rho = new double[ny * nx];
        double ky = r.nextDouble() * 0.3;
        double kx = r.nextDouble() * 0.3;
        for (int i = 0; i < ny; i++) {
            for (int j = 0; j < nx; j++) {
                int p = i * nx + j;
                double wave = Math.sin(ky * i + 1) * Math.cos(kx * j);
                vp[p] = 2000 + 150 * wave + 40 * r.nextDouble();
                vs[p] = 1100 + 80 * wave + 20 * r.nextDouble();
                rho[p] = 2100 + 100 * r.nextDouble();
            }
        }
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("vp", new NdArray(new int[] {ny, nx}, vp));
        m.put("vs", new NdArray(new int[] {ny, nx}, vs));
        m.put("rho", new NdArray(new int[] {ny, nx}, rho));
        return m;
    }

    /** The model with its first rows made vacuum (every parameter zero): the improved vacuum method's free surface. */
    static Map<String, NdArray> withVacuumRows(Map<String, NdArray> model, int rows) {
        Map<String, NdArray> m = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : model.entrySet()) {
            NdArray a = e.getValue().copy();
            Arrays.fill(a.data(), 0, rows * a.dim(1), 0);
            m.put(e.getKey(), a);
        }
        return m;
    }

    /** The same model as lamb, mu, buoyancy. */
    static Map<String, NdArray> lameModel(Map<String, NdArray> velocity) {
        double[] vp = velocity.get("vp").data();
        double[] vs = velocity.get("vs").data();
        double[] rho = velocity.get("rho").data();
        int[] shape = velocity.get("vp").shape();
        double[] lamb = new double[vp.length];
        double[] mu = new double[vp.length];
        double[] b = new double[vp.length];
        for (int p = 0; p < vp.length; p++) {
            lamb[p] = rho[p] * (vp[p] * vp[p] - 2 * vs[p] * vs[p]);
            mu[p] = rho[p] * vs[p] * vs[p];
            b[p] = 1 / rho[p];
        }
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("lamb", new NdArray(shape, lamb));
        m.put("mu", new NdArray(shape, mu));
        m.put("buoyancy", new NdArray(shape, b));
        return m;
    }

    /** Locations [shots, count, 2] from {y, x} pairs ({-1, -1}: unused), shifted by shot * shift in x. */
    static Locations locations(int shots, int shift, int[]... cells) {
        int[] c = new int[shots * cells.length * 2];
        for (int s = 0; s < shots; s++) {
            for (int i = 0; i < cells.length; i++) {
                boolean unused = cells[i][0] == -1 && cells[i][1] == -1;
                c[(s * cells.length + i) * 2] = cells[i][0];
                c[(s * cells.length + i) * 2 + 1] = cells[i][1] + (unused ? 0 : s * shift);
            }
        }
        return new Locations(shots, cells.length, 2, c);
    }

    static NdArray ricker(int shots, int perShot, int nt, double dt, double freq) {
        double[] w = Wavelets.ricker(freq, nt, dt, 1.2 / freq);
        double[] a = new double[shots * perShot * nt];
        for (int k = 0; k < shots * perShot; k++) {
            for (int t = 0; t < nt; t++) {
                a[k * nt + t] = w[t] * (1 + 0.1 * k);
            }
        }
        return new NdArray(new int[] {shots, perShot, nt}, a);
    }

    static NdArray random(int[] shape, Random r) {
        NdArray a = NdArray.zeros(shape);
        for (int i = 0; i < a.size(); i++) {
            a.data()[i] = r.nextGaussian();
        }
        return a;
    }

    static PropagatorSettings settings(int accuracy, int... widths) {
        return new PropagatorSettings(accuracy, widths, 25.0, Double.NaN, 1, Map.of());
    }

    /**
     * Settings with max_vel given: by default it follows the model's largest vp, and so would
     * the PML damping and step, which are not differentiated (as in the reference).
     */
    static PropagatorSettings fixedSettings(int accuracy, int... widths) {
        return new PropagatorSettings(accuracy, widths, 25.0, 2400, 1, Map.of());
    }

    static Simulation prepare(Map<String, NdArray> parameters, double h, Survey survey, PropagatorSettings settings,
                              Precision precision) {
        return prepare(parameters, h, survey, settings, precision, DEVICE);
    }

    static Simulation prepare(Map<String, NdArray> parameters, double h, Survey survey, PropagatorSettings settings,
                              Precision precision, Device device) {
        Model model = new Model(new double[] {h, h}, parameters);
        return new ElasticPropagator(new CpuElasticKernel()).prepare(new SimulationSetup(model, survey, settings, device, precision));
    }

    /** A survey whose source groups all get the same wavelet. */
    static Survey survey(double dt, int nt, List<String> sourceComponents, List<Locations> sources,
                         List<String> receiverComponents, List<Locations> receivers) {
        List<SourceGroup> sg = new ArrayList<>();
        for (int g = 0; g < sources.size(); g++) {
            Locations l = sources.get(g);
            sg.add(new SourceGroup(sourceComponents.get(g), l, ricker(l.shots(), l.perShot(), nt, dt, 30)));
        }
        List<ReceiverGroup> rg = new ArrayList<>();
        for (int g = 0; g < receivers.size(); g++) {
            rg.add(new ReceiverGroup(receiverComponents.get(g), receivers.get(g)));
        }
        return new Survey(dt, nt, sg, rg);
    }

    static double dot(List<NdArray> a, List<NdArray> b) {
        double s = 0;
        for (int g = 0; g < a.size(); g++) {
            s += dot(a.get(g).data(), b.get(g).data());
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static int[] allShots(Simulation sim) {
        int[] s = new int[sim.shots()];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
        }
        return s;
    }
}
