package org.seiche.acoustic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.wave.Wavelets;

/**
 * With constant density the pressure obeys the scalar wave equation p_tt = v^2 lap p + K ds/dt,
 * and the scalar propagator steps u_tt = v^2 lap u - v^2 f: a pressure source s and a scalar
 * source f = -rho ds/dt give the same field. On a layered velocity model (2-D, accuracy 8,
 * 12 cells per shortest wavelength) the two propagators' receiver data agree to the
 * difference of their discretisations (staggered first-order in time and space against
 * second-order leapfrog): 3.0e-4 in rel-L2, which the README states.
 */
class ScalarAgreementTest {
    @Test
    void constantDensityPressureMatchesTheScalarPropagator() {
        int ny = 100;
        int nx = 120;
        double h = 5;
        double rho = 1800;
        double[] v = new double[ny * nx];
        double[] density = new double[ny * nx];
        for (int i = 0; i < ny; i++) {
            for (int j = 0; j < nx; j++) {
                v[i * nx + j] = i < 40 ? 1800 : i < 70 ? 2200 : 2600;
                density[i * nx + j] = rho;
            }
        }
        int nt = 700;
        double dt = 0.0005;
        double[] f = Wavelets.ricker(15, nt, dt, 0.08);
        // s = -(1/rho) int f dt: the pressure source whose scalar equivalent is f
        double[] s = new double[nt];
        double sum = 0;
        for (int t = 0; t < nt; t++) {
            sum += f[t] * dt;
            s[t] = -sum / rho;
        }
        Locations source = new Locations(1, 1, 2, new int[] {10, 60});
        int[] cells = new int[2 * 20];
        for (int r = 0; r < 20; r++) {
            cells[2 * r] = 5;
            cells[2 * r + 1] = 5 + 5 * r;
        }
        Locations receivers = new Locations(1, 20, 2, cells);
        double[] spacing = {h, h};
        Map<String, NdArray> acoustic = new LinkedHashMap<>();
        acoustic.put("v", new NdArray(new int[] {ny, nx}, v));
        acoustic.put("rho", new NdArray(new int[] {ny, nx}, density));
        NdArray p = run(Cases.PROPAGATOR.prepare(new SimulationSetup(new Model(spacing, acoustic),
                survey(dt, nt, "p", source, s, receivers), Cases.settings(8, 20), Cases.DEVICE, Precision.FLOAT64)));
        NdArray u = run(new ScalarPropagator(new CpuScalarKernel()).prepare(new SimulationSetup(
                new Model(spacing, Map.of("v", new NdArray(new int[] {ny, nx}, v))), survey(dt, nt, "", source, f, receivers),
                Cases.settings(8, 20), Cases.DEVICE, Precision.FLOAT64)));
        double num = 0;
        double den = 0;
        for (int i = 0; i < p.size(); i++) {
            num += (p.data()[i] - u.data()[i]) * (p.data()[i] - u.data()[i]);
            den += u.data()[i] * u.data()[i];
        }
        double rel = Math.sqrt(num / den);
        System.out.printf("constant-density acoustic against scalar: receiver data rel-L2 %.3e%n", rel);
        assertTrue(den > 0, "the receivers must see the source");
        assertTrue(rel < 1e-3, "relative L2 difference " + rel);
    }

    private static Survey survey(double dt, int nt, String component, Locations source, double[] amplitudes,
                                 Locations receivers) {
        return new Survey(dt, nt, List.of(new SourceGroup(component, source, new NdArray(new int[] {1, 1, nt}, amplitudes))),
                List.of(new ReceiverGroup(component, receivers)));
    }

    private static NdArray run(Simulation sim) {
        try (sim; ForwardRun run = sim.forward(new int[] {0}, Set.of())) {
            return run.receiverData().get(0);
        }
    }
}
