package org.seiche.api;

/** Floating-point precision of a run's kernels and output files. */
public enum Precision {
    FLOAT32("float32"), FLOAT64("float64");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Precision parse(String s) {
        for (Precision p : values()) {
            if (p.label.equals(s)) {
                return p;
            }
        }
        throw new SeicheException("precision: '" + s + "' is not float32 or float64");
    }
}
