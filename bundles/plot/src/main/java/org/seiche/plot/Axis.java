package org.seiche.plot;

/**
 * One dimension of an array in the survey's units: cell i sits at i * step (grid points, as
 * the propagators place them), labelled with its name and unit, such as "depth (m)".
 */
public record Axis(String label, double step) {
    public Axis {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("axis " + label + ": step must be positive, got " + step);
        }
    }

    /** A distance in metres, h metres between cells. */
    public static Axis metres(String name, double h) {
        return new Axis(name + " (m)", h);
    }

    /** Time in seconds, dt between samples. */
    public static Axis seconds(double dt) {
        return new Axis("time (s)", dt);
    }

    /** An index (receiver, cell), counted from 0. */
    public static Axis index(String name) {
        return new Axis(name, 1);
    }

    /**
     * The dimensions of a model with this spacing (one value per dimension): depth and x in
     * 2-D, depth, y and x in 3-D (dimension 0 is depth, the last one x).
     */
    public static Axis[] model(double[] spacing) {
        String[] names = spacing.length == 3 ? new String[] {"depth", "y", "x"}
                : spacing.length == 2 ? new String[] {"depth", "x"} : new String[] {"x"};
        if (names.length != spacing.length) {
            throw new IllegalArgumentException("a model of " + spacing.length + " dimensions has no picture axes");
        }
        Axis[] out = new Axis[spacing.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = metres(names[d], spacing[d]);
        }
        return out;
    }

    /** The name without its unit: "depth" of "depth (m)". */
    String name() {
        int k = label.indexOf(" (");
        return k < 0 ? label : label.substring(0, k);
    }

    /** "y = 120 m": where a slice through cell i of this axis lies. */
    String at(int i) {
        int k = label.indexOf(" (");
        String unit = k < 0 ? "" : " " + label.substring(k + 2, label.length() - 1);
        return name() + " = " + Ticks.format(i * step, step) + unit + (step == 1 ? "" : " (cell " + i + ")");
    }
}
