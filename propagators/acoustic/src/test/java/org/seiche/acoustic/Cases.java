package org.seiche.acoustic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.seiche.acoustic.cpu.CpuAcousticKernel;
import org.seiche.acoustic.internal.AcousticPropagator;
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
import org.seiche.testing.TestDevice;

/** Small acoustic models and surveys for the tests, in 1, 2 or 3 dimensions. */
final class Cases {
    static final Device DEVICE = TestDevice.ofAllCores();
    static final AcousticPropagator PROPAGATOR = new AcousticPropagator(new CpuAcousticKernel());

    private Cases() {
    }

    /** A smooth random medium: v around 2000 m/s, rho around 1800 kg/m^3 with a density step at mid-depth. */
    static Map<String, NdArray> velocityModel(int[] shape, long seed) {
        Random r = new Random(seed);
        int n = (int) NdArray.size(shape);
        double[] v = new double[n];
        double[] rho = new double[n];
        double k = 0.2 + 0.2 * r.nextDouble();
        for (int p = 0; p < n; p++) {
            int first = p / (n / shape[0]);
            double wave = Math.sin(k * p % 7 + 1);
            v[p] = 2000 + 150 * wave + 50 * r.nextDouble();
            rho[p] = (first < shape[0] / 2 ? 1500 : 2100) + 100 * r.nextDouble();
        }
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("v", new NdArray(shape.clone(), v));
        m.put("rho", new NdArray(shape.clone(), rho));
        return m;
    }

    /** The same medium as bulk modulus and buoyancy. */
    static Map<String, NdArray> modulusModel(Map<String, NdArray> velocity) {
        double[] v = velocity.get("v").data();
        double[] rho = velocity.get("rho").data();
        double[] k = new double[v.length];
        double[] b = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            k[i] = rho[i] * v[i] * v[i];
            b[i] = 1 / rho[i];
        }
        int[] shape = velocity.get("v").shape();
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("k", new NdArray(shape, k));
        m.put("buoyancy", new NdArray(shape, b));
        return m;
    }

    /** The given cells for every shot, shifted by the shot index along the last dimension. */
    static Locations locations(int shots, int[]... cells) {
        int ndim = cells[0].length;
        int[] out = new int[shots * cells.length * ndim];
        for (int s = 0; s < shots; s++) {
            for (int i = 0; i < cells.length; i++) {
                for (int d = 0; d < ndim; d++) {
                    int c = cells[i][d];
                    out[(s * cells.length + i) * ndim + d] = c < 0 || d < ndim - 1 ? c : c + s;
                }
            }
        }
        return new Locations(shots, cells.length, ndim, out);
    }

    /** A survey whose source groups have random amplitudes from r. */
    static Survey survey(double dt, int nt, List<String> sourceComponents, List<Locations> sources,
                         List<String> receiverComponents, List<Locations> receivers, Random r) {
        List<SourceGroup> s = new ArrayList<>();
        for (int g = 0; g < sources.size(); g++) {
            Locations loc = sources.get(g);
            s.add(new SourceGroup(sourceComponents.get(g), loc, random(new int[] {loc.shots(), loc.perShot(), nt}, r)));
        }
        List<ReceiverGroup> rec = new ArrayList<>();
        for (int g = 0; g < receivers.size(); g++) {
            rec.add(new ReceiverGroup(receiverComponents.get(g), receivers.get(g)));
        }
        return new Survey(dt, nt, s, rec);
    }

    static PropagatorSettings settings(int accuracy, int... widths) {
        // a fixed max_vel: the PML and the step must not move with the model in finite differences
        return new PropagatorSettings(accuracy, widths, 25.0, 2500, 1, Map.of());
    }

    static Simulation prepare(Map<String, NdArray> model, double spacing, Survey survey, PropagatorSettings settings,
                              Precision precision) {
        int ndim = model.values().iterator().next().shape().length;
        double[] h = new double[ndim];
        java.util.Arrays.fill(h, spacing);
        return PROPAGATOR.prepare(new SimulationSetup(new Model(h, model), survey, settings, DEVICE, precision));
    }

    static int[] allShots(Simulation sim) {
        int[] s = new int[sim.shots()];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
        }
        return s;
    }

    static NdArray random(int[] shape, Random r) {
        double[] a = new double[(int) NdArray.size(shape)];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        return new NdArray(shape, a);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double dot(List<NdArray> a, List<NdArray> b) {
        double s = 0;
        for (int g = 0; g < a.size(); g++) {
            s += dot(a.get(g).data(), b.get(g).data());
        }
        return s;
    }
}
