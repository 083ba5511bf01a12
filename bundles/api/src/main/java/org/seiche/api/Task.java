package org.seiche.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a pipeline computes: a closed set (a switch over it is exhaustive), named in the
 * pipeline file by its label.
 */
public enum Task {
    /** The model as read (generated, smoothed), with its pictures; needs nothing else. */
    MODEL,
    /** Receiver data of every shot. */
    FORWARD,
    /** Receiver data, the loss and its gradient. */
    GRADIENT,
    /** The gradient and the full Hessian of one model parameter. */
    HESSIAN,
    /** An inversion: iterations of an optimiser on the loss. */
    INVERT;

    /** The name a pipeline file gives: forward, gradient... */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the task compares modelled with observed data (it needs observed data and a loss). */
    public boolean needsLoss() {
        return this == GRADIENT || this == HESSIAN || this == INVERT;
    }

    /** The task of a label, or an exception naming the labels there are. */
    public static Task parse(String label) {
        for (Task t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new SeicheException("task: '" + label + "' is not one of " + labels());
    }

    /** "model, forward, gradient, hessian, invert". */
    public static String labels() {
        return Arrays.stream(values()).map(Task::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label();
    }
}
