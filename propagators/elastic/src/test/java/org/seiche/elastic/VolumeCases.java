package org.seiche.elastic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.seiche.api.Device;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;

/** Small 1-D and 3-D elastic models and surveys for the tests. */
final class VolumeCases {
    private VolumeCases() {
    }

    /** A smooth random solid of any shape around vp 2000, vs 1100, rho 2100 (vp > 1.6 vs everywhere). */
    static Map<String, NdArray> velocityModel(int[] shape, long seed) {
        Random r = new Random(seed);
        int n = Math.toIntExact(NdArray.size(shape));
        double[] vp = new double[n];
        double[] vs = new double[n];
        double[] rho = new double[n];
        double[] k = new double[shape.length];
        for (int d = 0; d < k.length; d++) {
            k[d] = 0.1 + r.nextDouble() * 0.3;
        }
        int[] at = new int[shape.length];
        for (int p = 0; p < n; p++) {
            double phase = 1;
            for (int d = shape.length - 1, rest = p; d >= 0; d--) {
                at[d] = rest % shape[d];
                rest /= shape[d];
                phase += k[d] * at[d];
            }
            double wave = Math.sin(phase);
            vp[p] = 2000 + 150 * wave + 40 * r.nextDouble();
            vs[p] = 1100 + 80 * wave + 20 * r.nextDouble();
            rho[p] = 2100 + 100 * r.nextDouble();
        }
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("vp", new NdArray(shape, vp));
        m.put("vs", new NdArray(shape, vs));
        m.put("rho", new NdArray(shape, rho));
        return m;
    }

    /** Locations [shots, count, ndim] from cells ({-1, ..}: unused), the last coordinate shifted by shot * shift. */
    static Locations locations(int shots, int shift, int[]... cells) {
        int ndim = cells[0].length;
        int[] c = new int[shots * cells.length * ndim];
        for (int s = 0; s < shots; s++) {
            for (int i = 0; i < cells.length; i++) {
                boolean unused = cells[i][0] == -1;
                for (int d = 0; d < ndim; d++) {
                    int extra = d == ndim - 1 && !unused ? s * shift : 0;
                    c[(s * cells.length + i) * ndim + d] = cells[i][d] + extra;
                }
            }
        }
        return new Locations(shots, cells.length, ndim, c);
    }

    static PropagatorSettings fixedSettings(int accuracy, int... widths) {
        return new PropagatorSettings(accuracy, widths, 25.0, 2400, 1, Map.of());
    }

    static Simulation prepare(Map<String, NdArray> parameters, double h, Survey survey, PropagatorSettings settings,
                              Precision precision, Device device) {
        int ndim = parameters.values().iterator().next().ndim();
        double[] spacing = new double[ndim];
        java.util.Arrays.fill(spacing, h);
        Model model = new Model(spacing, parameters);
        return new ElasticPropagator(new CpuElasticKernel()).prepare(new SimulationSetup(model, survey, settings, device,
                precision));
    }

    static Simulation prepare(Map<String, NdArray> parameters, double h, Survey survey, PropagatorSettings settings,
                              Precision precision) {
        return prepare(parameters, h, survey, settings, precision, Cases.DEVICE);
    }
}
