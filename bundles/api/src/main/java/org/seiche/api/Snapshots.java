package org.seiche.api;

import java.util.Arrays;
import java.util.Set;

/**
 * A request for wavefields during a simulation: every {@code every} inner time steps, the
 * named fields of the given shots go to the listener. The frames of a run of n inner steps
 * are those after steps every, 2 every, ... (n / every of them, rounded down; the field at
 * step k is what a receiver sample k records when dt needs no sub-stepping). A propagator
 * refuses a field it does not have in {@link Propagator#prepare}, naming the ones it has.
 * Snapshots never change a run's results.
 *
 * @param every   inner steps between frames, at least 1
 * @param fields  field names (the scalar propagator's {@code wavefield}; see each propagator)
 * @param shots   survey indices of the shots to hear; empty for every shot
 * @param adjoint whether the adjoint (backward) fields of a gradient run are heard too
 */
public record Snapshots(int every, Set<String> fields, int[] shots, boolean adjoint, WavefieldListener listener) {
    public Snapshots {
        if (every < 1) {
            throw new SeicheException("snapshots.every: must be at least 1, got " + every);
        }
        if (fields == null || fields.isEmpty()) {
            throw new SeicheException("snapshots.fields: name at least one field");
        }
        if (listener == null) {
            throw new IllegalArgumentException("snapshots: no listener given");
        }
        fields = Set.copyOf(fields);
        shots = shots == null ? new int[0] : shots.clone();
    }

    @Override
    public int[] shots() {
        return shots.clone();
    }

    /** Frames of a run of {@code steps} inner steps. */
    public int frames(int steps) {
        return steps / every;
    }

    /** Whether shot {@code shot} (survey index) is heard. */
    public boolean hears(int shot) {
        return shots.length == 0 || Arrays.stream(shots).anyMatch(s -> s == shot);
    }

    /**
     * For a propagator's {@link Propagator#prepare}: refuses a field name the propagator does
     * not have, naming the ones it has, and a shot the survey does not have.
     */
    public void check(String propagator, Set<String> known, int surveyShots) {
        for (int s : shots) {
            if (s < 0 || s >= surveyShots) {
                throw new SeicheException("snapshots.shots: shot " + s + " is out of range (the survey has " + surveyShots
                        + " shots, 0 .. " + (surveyShots - 1) + ")");
            }
        }
        for (String f : fields) {
            if (!known.contains(f)) {
                throw new SeicheException("snapshots.fields: '" + f + "' is not a field of propagator " + propagator
                        + " (it has " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }
}
