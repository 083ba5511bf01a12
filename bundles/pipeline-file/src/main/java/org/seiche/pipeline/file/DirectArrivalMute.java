package org.seiche.pipeline.file;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;

/**
 * A data mask that mutes the direct arrival (seed 001): 1 everywhere except, around the
 * time a wave of the given velocity takes from the shot's first source to the receiver,
 * a window that falls to 0 over a cosine taper, stays 0 for the flat length, and rises
 * back to 1 over the taper. Lengths in seconds. The window is centred on distance / velocity
 * plus a delay: the source wavelet's peak time, where the direct wave is largest (0, as in
 * the seed, when the window is wide enough not to care).
 */
final class DirectArrivalMute {
    private DirectArrivalMute() {
    }

    static NdArray build(Locations sources, Locations receivers, double[] spacing, int nt, double dt, double velocity,
                         double flatSeconds, double taperSeconds, double delaySeconds) {
        int flat = (int) Math.round(flatSeconds / dt);
        int taper = (int) Math.round(taperSeconds / dt);
        int delay = (int) Math.round(delaySeconds / dt);
        int muteLen = flat + 2 * taper;
        double[] mute = new double[muteLen];
        for (int i = 0; i < taper; i++) {
            mute[i] = Math.cos(i / (double) taper * Math.PI / 2);
            mute[muteLen - 1 - i] = mute[i];
        }
        NdArray mask = NdArray.filled(1.0, receivers.shots(), receivers.perShot(), nt);
        for (int s = 0; s < receivers.shots(); s++) {
            int src = firstUsed(sources, s);
            if (src < 0) {
                continue;
            }
            for (int r = 0; r < receivers.perShot(); r++) {
                if (receivers.unused(s, r)) {
                    continue;
                }
                double d2 = 0;
                for (int a = 0; a < spacing.length; a++) {
                    double d = (sources.coordinate(s, src, a) - receivers.coordinate(s, r, a)) * spacing[a];
                    d2 += d * d;
                }
                int start = (int) (Math.sqrt(d2) / velocity / dt) + delay - muteLen / 2;
                int base = (s * receivers.perShot() + r) * nt;
                for (int i = Math.max(start, 0); i < Math.min(start + muteLen, nt); i++) {
                    mask.data()[base + i] = mute[i - start];
                }
            }
        }
        return mask;
    }

    private static int firstUsed(Locations sources, int shot) {
        for (int i = 0; i < sources.perShot(); i++) {
            if (!sources.unused(shot, i)) {
                return i;
            }
        }
        return -1;
    }
}
