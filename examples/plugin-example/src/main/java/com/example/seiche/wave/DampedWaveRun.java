package com.example.seiche.wave;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;

import com.example.seiche.wave.spi.WaveStep;

/**
 * Forward modelling of a batch of shots, keeping every shot's wavefields when gradients were
 * asked for; the adjoint runs the transposed steps backwards (the exact discrete adjoint).
 * With u^-1 = u^0 = 0, step n records u^n and makes
 * u^(n+1) = a u^n - b u^(n-1) + dt2 (m L u^n + sources^n).
 */
final class DampedWaveRun implements ForwardRun {
    private final DampedWaveSimulation sim;
    private final Survey survey;
    private final Set<String> gradientWrt;
    /** Per shot, u^0 .. u^(nt-2) (the fields the gradient needs); null for forward only. */
    private final double[][][] history;
    private final NdArray data;

    DampedWaveRun(DampedWaveSimulation sim, Survey survey, boolean keep, Set<String> gradientWrt) {
        this.sim = sim;
        this.survey = survey;
        this.gradientWrt = gradientWrt;
        int shots = survey.shots();
        int nt = survey.nt();
        int receivers = survey.receivers().get(0).locations().perShot();
        this.history = keep ? new double[shots][Math.max(0, nt - 1)][] : null;
        double[] out = new double[shots * receivers * nt];
        sim.device.parallel(shots, s -> forward(s, out));
        this.data = new NdArray(new int[] {shots, receivers, nt}, out);
    }

    private void forward(int shot, double[] out) {
        WaveStep st = sim.step;
        int nt = survey.nt();
        int[] src = sim.cells(survey.sources().get(0).locations(), shot);
        int[] rcv = sim.cells(survey.receivers().get(0).locations(), shot);
        double[] amp = survey.sources().get(0).amplitudes().data();
        double[] older = new double[st.cells()];
        double[] cur = new double[st.cells()];
        for (int n = 0; ; n++) {
            for (int r = 0; r < rcv.length; r++) {
                out[(shot * rcv.length + r) * nt + n] = rcv[r] < 0 ? 0 : cur[rcv[r]];
            }
            if (n == nt - 1) {
                return;
            }
            if (history != null) {
                history[shot][n] = cur.clone();
            }
            sim.kernel.step(st, sim.m, older, cur, older, sim.device);
            for (int i = 0; i < src.length; i++) {
                if (src[i] >= 0) {
                    older[src[i]] += st.dt2() * amp[(shot * src.length + i) * nt + n];
                }
            }
            double[] t = older;
            older = cur;
            cur = t;
        }
    }

    @Override
    public List<NdArray> receiverData() {
        return List.of(data);
    }

    @Override
    public Map<String, NdArray> adjoint(List<NdArray> adjointSources) {
        if (history == null) {
            throw new SeicheException(DampedWavePropagator.NAME + ": this run kept no wavefields; ask for gradients before the forward run");
        }
        NdArray residual = adjointSources.get(0);
        if (!residual.sameShape(data)) {
            throw new SeicheException("adjoint source: shape " + residual.shapeString() + ", the receiver data are " + data.shapeString());
        }
        int shots = survey.shots();
        int sources = survey.sources().get(0).locations().perShot();
        double[][] perShot = new double[shots][sim.step.cells()];
        double[] sourceGradient = new double[shots * sources * survey.nt()];
        sim.device.parallel(shots, s -> adjoint(s, residual.data(), perShot[s], sourceGradient));
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (gradientWrt.contains(DampedWavePropagator.VELOCITY)) {
            out.put(DampedWavePropagator.VELOCITY, velocityGradient(perShot));
        }
        if (gradientWrt.contains(Simulation.SOURCE_AMPLITUDES)) {
            out.put(Simulation.SOURCE_AMPLITUDES, new NdArray(new int[] {shots, sources, survey.nt()}, sourceGradient));
        }
        return out;
    }

    /**
     * One shot backwards: mu^n = R^T g^n + a mu^(n+1) - b mu^(n+2) + dt2 L (m mu^(n+1)), and
     * d/dm += dt2 mu^(n+1) L u^n, d/dsource^n = dt2 mu^(n+1) at the source.
     */
    private void adjoint(int shot, double[] g, double[] gradM, double[] sourceGradient) {
        WaveStep st = sim.step;
        int nt = survey.nt();
        int[] src = sim.cells(survey.sources().get(0).locations(), shot);
        int[] rcv = sim.cells(survey.receivers().get(0).locations(), shot);
        double[] older = new double[st.cells()];
        double[] newer = new double[st.cells()];
        for (int n = nt - 1; n >= 0; n--) {
            if (n <= nt - 2) {
                sim.kernel.accumulateGradient(st, history[shot][n], newer, gradM, sim.device);
                for (int i = 0; i < src.length; i++) {
                    if (src[i] >= 0) {
                        sourceGradient[(shot * src.length + i) * nt + n] = st.dt2() * newer[src[i]];
                    }
                }
            }
            if (n == 0) {
                return;
            }
            sim.kernel.adjointStep(st, sim.m, older, newer, older, sim.device);
            for (int r = 0; r < rcv.length; r++) {
                if (rcv[r] >= 0) {
                    older[rcv[r]] += g[(shot * rcv.length + r) * nt + n];
                }
            }
            double[] t = older;
            older = newer;
            newer = t;
        }
    }

    /** d/dc = 2 c d/dm, summed over the shots in order (the same sum on any thread count). */
    private NdArray velocityGradient(double[][] perShot) {
        double[] c = sim.velocity.data();
        double[] out = new double[c.length];
        for (double[] shot : perShot) {
            for (int k = 0; k < out.length; k++) {
                out[k] += shot[k];
            }
        }
        for (int k = 0; k < out.length; k++) {
            out[k] *= 2 * c[k];
        }
        return new NdArray(sim.velocity.shape(), out);
    }

    @Override
    public long peakMemoryBytes() {
        return sim.bytesPerShot(history != null) * survey.shots();
    }
}
