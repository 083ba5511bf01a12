package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.wave.Wavelets;

/**
 * Lamb's problem: a vertical line force on the free surface of a homogeneous half-space
 * (vp 2000, vs 1000, rho 2000; 12 Hz Ricker), the vertical velocity at 100, 200 and 300 m
 * along the surface against the discrete-wavenumber solution of {@link LambSolution}. The
 * free surface is the improved vacuum method's: three rows of zero properties above the
 * solid. Its surface lies where sigma_xy first vanishes, half a cell above the top solid
 * row, and the force and the v_y receivers sit half a cell below that row, so one cell under
 * the surface: the analytic receivers are at depth h. The method is first-order accurate at
 * the surface, so the misfit halves with the spacing: rel-L2 <= 0.08 per trace at h = 1.25 m
 * (about 25 points per shortest Rayleigh wavelength), and at least 1.5 times below that of
 * h = 2.5 m.
 */
class LambProblemTest {
    private static final double VP = 2000;
    private static final double VS = 1000;
    private static final double RHO = 2000;
    private static final int VACUUM = 3;
    private static final double[] OFFSETS = {100, 200, 300};

    /** Per-trace rel-L2 misfits at spacing 2.5 m / refine. */
    private static double[] misfits(int refine) {
        double h = 2.5 / refine;
        double dt = 5e-4 / refine;
        int nt = 1200 * refine;
        int nx = 240 * refine;
        int ny = VACUUM + 40 * refine;
        int source = 40 * refine;
        Map<String, NdArray> model = new LinkedHashMap<>();
        double[][] values = new double[3][ny * nx];
        for (int p = VACUUM * nx; p < ny * nx; p++) {
            values[0][p] = VP;
            values[1][p] = VS;
            values[2][p] = RHO;
        }
        model.put("vp", new NdArray(new int[] {ny, nx}, values[0]));
        model.put("vs", new NdArray(new int[] {ny, nx}, values[1]));
        model.put("rho", new NdArray(new int[] {ny, nx}, values[2]));
        int[][] receivers = new int[OFFSETS.length][];
        for (int r = 0; r < OFFSETS.length; r++) {
            receivers[r] = new int[] {VACUUM, source + (int) Math.round(OFFSETS[r] / h)};
        }
        double[] wavelet = Wavelets.ricker(12, nt, dt, 0.1);
        Survey survey = new Survey(dt, nt,
                List.of(new SourceGroup("y", Cases.locations(1, 0, new int[] {VACUUM, source}), new NdArray(new int[] {1, 1, nt}, wavelet))),
                List.of(new ReceiverGroup("y", Cases.locations(1, 0, receivers))));
        int pml = 20 * refine;
        PropagatorSettings settings = new PropagatorSettings(8, new int[] {0, pml, pml, pml}, 12, Double.NaN, 1, Map.of());
        double[] data;
        try (Simulation sim = Cases.prepare(model, h, survey, settings, Precision.FLOAT32);
             ForwardRun run = sim.forward(new int[] {0}, Set.of())) {
            data = run.receiverData().get(0).data();
        }
        LambSolution lamb = new LambSolution(VP, VS, RHO);
        // a source amplitude is a force density on one cell: the line force is f h^2; receiver
        // sample t holds the velocity at (t - 1/2) dt. Wavenumbers up to 1/m, three times the
        // Rayleigh wave's at the highest frequency that counts (55 Hz): beyond, the field is
        // evanescent and smooth in k, so it adds nothing 100 m away.
        double[][] exact = lamb.verticalVelocity(h * h, wavelet, dt, OFFSETS, h, nt, dt / 2, 1.0);
        double[] misfit = new double[OFFSETS.length];
        for (int r = 0; r < OFFSETS.length; r++) {
            misfit[r] = ReferenceCaseTest.relL2(Arrays.copyOfRange(data, r * nt, (r + 1) * nt), exact[r]);
        }
        System.out.printf("Lamb's problem, h = %.2f m: rel-L2 at %s m: %s%n", h, Arrays.toString(OFFSETS), Arrays.toString(misfit));
        return misfit;
    }

    @Test
    void surfaceVelocityMatchesTheAnalyticSolution() {
        double[] coarse = misfits(1);
        double[] fine = misfits(2);
        for (int r = 0; r < fine.length; r++) {
            assertTrue(fine[r] <= 0.08, "at " + OFFSETS[r] + " m: rel-L2 " + fine[r]);
            assertTrue(fine[r] * 1.5 <= coarse[r], "at " + OFFSETS[r] + " m: " + coarse[r] + " -> " + fine[r]);
        }
    }
}
