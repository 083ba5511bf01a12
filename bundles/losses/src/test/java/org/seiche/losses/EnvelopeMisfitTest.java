package org.seiche.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;
import org.seiche.testing.LossContract;

class EnvelopeMisfitTest extends LossContract {
    private final EnvelopeMisfit envelope = new EnvelopeMisfit();

    @Override
    protected Loss loss() {
        return envelope;
    }

    @Override
    protected boolean hasCurvature() {
        return true;
    }

    @Test
    void seesAmplitudeNotPhase() {
        int nt = 64;
        double[] cos = new double[nt];
        double[] sin = new double[nt];
        double[] twice = new double[nt];
        for (int t = 0; t < nt; t++) {
            double phase = 2 * Math.PI * 5 * t / nt;
            cos[t] = Math.cos(phase);
            sin[t] = Math.sin(phase);
            twice[t] = 2 * cos[t];
        }
        NdArray c = new NdArray(new int[] {1, 1, nt}, cos);
        // equal envelopes (1 everywhere) whatever the phase
        assertEquals(0, envelope.value(new NdArray(new int[] {1, 1, nt}, sin), c, 1), 1e-24);
        // envelopes 2 and 1: half the mean of 1
        assertEquals(0.5, envelope.value(new NdArray(new int[] {1, 1, nt}, twice), c, 1), 1e-12);
    }
}
