package org.seiche.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Tick marks on the 1-2-5 series and their labels. */
final class Ticks {
    private Ticks() {
    }

    /** The smallest step of 1, 2 or 5 times a power of ten that puts at most `most` intervals on span. */
    static double step(double span, int most) {
        double raw = Math.abs(span) / Math.max(1, most);
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= raw * (1 - 1e-9)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** The multiples of step in [lo, hi], lo <= hi; steps below minStep (1 for an index) are raised to it. */
    static double[] values(double lo, double hi, int most, double minStep) {
        double s = Math.max(step(hi - lo, most), minStep);
        // a range just short of two steps would show one tick: take the next smaller step of the series
        while (count(lo, hi, s) < 3 && smaller(s) >= minStep && s > 0) {
            s = smaller(s);
        }
        long first = (long) Math.ceil(lo / s - 1e-9);
        long last = (long) Math.floor(hi / s + 1e-9);
        double[] out = new double[(int) Math.max(0, last - first + 1)];
        for (int k = 0; k < out.length; k++) {
            // a zero from -0.0 or rounding is printed as 0
            double v = (first + k) * s;
            out[k] = Math.abs(v) < s * 1e-9 ? 0 : v;
        }
        return out;
    }

    private static long count(double lo, double hi, double s) {
        return (long) Math.floor(hi / s + 1e-9) - (long) Math.ceil(lo / s - 1e-9) + 1;
    }

    /** The step below s on the 1-2-5 series: 5 -> 2 -> 1 -> 0.5. */
    static double smaller(double s) {
        double decade = Math.pow(10, Math.floor(Math.log10(s) + 1e-9));
        double mantissa = Math.round(s / decade);
        return mantissa >= 5 ? 2 * decade : mantissa >= 2 ? decade : 0.5 * decade;
    }

    /** v written with as many decimals as the step needs; very large or small values in e-notation. */
    static String format(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double big = Math.max(Math.abs(v), Math.abs(step));
        if (big >= 1e5 || big < 1e-3) {
            int digits = Math.max(0, (int) Math.floor(Math.log10(big)) - (int) Math.floor(Math.log10(Math.abs(step))));
            String s = String.format(Locale.ROOT, "%." + Math.min(digits, 6) + "e", v);
            // 1.5e-07 -> 1.5e-7
            return s.replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(Math.abs(step)) + 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
    }

    /** The labels of evenly spaced tick values, with the decimals their spacing needs. */
    static String[] labels(double[] values) {
        double step = values.length > 1 ? values[1] - values[0] : values.length == 1 && values[0] != 0 ? Math.abs(values[0]) : 1;
        String[] out = new String[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = format(values[k], step);
        }
        return out;
    }

    /** Three significant digits: 1.23e-3, 0.0456, 1500. */
    static String significant(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v).replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
