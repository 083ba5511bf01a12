package org.seiche.elastic.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.elastic.spi.Coefficient;

/**
 * The model in both parameter sets: lamb, mu, buoyancy (what the kernel steps with) and
 * vp, vs, rho, whichever the model was given in, and the chain rule taking gradients of
 * lamb, mu, buoyancy to the asked set: lamb = rho (vp^2 - 2 vs^2), mu = rho vs^2,
 * buoyancy = 1/rho (0 where rho = 0).
 */
final class Materials {
    final int[] shape;
    final double[] lamb;
    final double[] mu;
    final double[] buoyancy;
    final double[] vp;
    final double[] vs;
    final double[] rho;

    private Materials(int[] shape, double[] lamb, double[] mu, double[] buoyancy, double[] vp, double[] vs, double[] rho) {
        this.shape = shape;
        this.lamb = lamb;
        this.mu = mu;
        this.buoyancy = buoyancy;
        this.vp = vp;
        this.vs = vs;
        this.rho = rho;
    }

    static Materials of(Model model, ParameterSet set) {
        double[] a = model.parameter(set.names().get(0)).data();
        double[] b = model.parameter(set.names().get(1)).data();
        double[] c = model.parameter(set.names().get(2)).data();
        int n = a.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        if (set == ParameterSet.VELOCITY) {
            for (int i = 0; i < n; i++) {
                x[i] = c[i] * (a[i] * a[i] - 2 * b[i] * b[i]);
                y[i] = c[i] * b[i] * b[i];
                z[i] = inverse(c[i]);
            }
            return new Materials(model.shape(), x, y, z, a, b, c);
        }
        for (int i = 0; i < n; i++) {
            y[i] = Math.sqrt(b[i] * c[i]);
            x[i] = Math.sqrt(a[i] * c[i] + 2 * y[i] * y[i]);
            z[i] = inverse(c[i]);
        }
        return new Materials(model.shape(), a, b, c, x, y, z);
    }

    private static double inverse(double v) {
        return v == 0 ? 0 : 1 / v;
    }

    /** The default max_vel of docs/elastic.md: the largest vp or vs, from lamb, mu and buoyancy. */
    double maxVelocity() {
        double max = 0;
        for (int i = 0; i < lamb.length; i++) {
            double s = Math.sqrt(Math.abs(mu[i] * buoyancy[i]));
            double p = Math.sqrt(Math.abs(lamb[i] * buoyancy[i] + 2 * s * s));
            max = Math.max(max, Math.max(p, s));
        }
        return max;
    }

    /** The kernel coefficients whose gradients the named parameters need. */
    static Set<Coefficient> coefficientsFor(Set<String> names) {
        Set<Coefficient> c = EnumSet.noneOf(Coefficient.class);
        boolean lambda = names.contains("lamb") || names.contains("vp") || names.contains("vs") || names.contains("rho");
        boolean shear = names.contains("mu") || names.contains("vs") || names.contains("rho");
        boolean density = names.contains("buoyancy") || names.contains("rho");
        if (lambda) {
            c.add(Coefficient.LAMB);
        }
        if (shear) {
            c.add(Coefficient.MU);
            c.add(Coefficient.MU_XY);
        }
        if (density) {
            c.add(Coefficient.BUOYANCY_Y);
            c.add(Coefficient.BUOYANCY_X);
        }
        return c;
    }

    /** Gradients of the named parameters (one set) from those of lamb, mu, buoyancy (null = not computed). */
    Map<String, NdArray> gradients(double[] gLamb, double[] gMu, double[] gBuoyancy, Set<String> names) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        int n = lamb.length;
        for (String name : names) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = switch (name) {
                    case "lamb" -> gLamb[i];
                    case "mu" -> gMu[i];
                    case "buoyancy" -> gBuoyancy[i];
                    case "vp" -> gLamb[i] * 2 * rho[i] * vp[i];
                    case "vs" -> (2 * gMu[i] - 4 * gLamb[i]) * rho[i] * vs[i];
                    case "rho" -> gLamb[i] * (vp[i] * vp[i] - 2 * vs[i] * vs[i]) + gMu[i] * vs[i] * vs[i]
                            - gBuoyancy[i] * buoyancy[i] * buoyancy[i];
                    default -> throw new IllegalArgumentException(name);
                };
            }
            out.put(name, new NdArray(shape, g));
        }
        return out;
    }
}
