package app.initscope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a {@link ChartFrame}: how values map to positions (linear, log10, or layer numbers 1..n), which range
 * it spans (fixed, or the data's with a pad, optionally widened to whole units), where its ticks go and how they
 * are labelled. A log axis works in exponents: its range and ticks are log10 of the values.
 *
 * @param kind      linear, log10, or layers (1..n, evenly spaced; a single layer in the middle)
 * @param label     what the axis says under or beside it, or null
 * @param brief     a shorter label for when {@code label} does not fit, or null
 * @param lo        the fixed lower end (in axis units: an exponent on a log axis), or NaN for the data's
 * @param hi        the fixed upper end, or NaN for the data's
 * @param pad       the share of the data's span added at each end of an automatic range
 * @param whole     an automatic range widened to whole axis units (whole decades on a log axis)
 * @param include   axis values an automatic range holds besides the data (e.g. a guide and a margin round it)
 * @param ticks     where the ticks go
 * @param format    how a tick is labelled
 * @param spacing   about this many pixels between ticks
 * @param grid      grid lines across the plot at the ticks (else short tick marks outside)
 */
public record ChartAxis(Kind kind, String label, String brief, double lo, double hi, double pad, boolean whole,
                        double[] include, TickRule ticks, TickFormat format, double spacing, boolean grid) {

    /** How values map to positions. */
    public enum Kind { LINEAR, LOG, LAYERS }

    /** Where ticks go: nice 1-2-5 steps, whole units thinned to fit, or decades with 2 and 5 on a short range. */
    public enum TickRule { NICE, WHOLE, LOG_FINE, NONE }

    /**
     * How a tick t (in axis units) is labelled: the short number, numbers with the same decimals, a percentage,
     * 10ⁿ, 1eⁿ, the value 10^t as a short number, or a whole number.
     */
    public enum TickFormat { PLAIN, UNIFORM, PERCENT, POWER, EXPONENT, LOG_VALUE, WHOLE }

    public ChartAxis {
        include = include.clone();
    }

    /** A linear axis from lo to hi with nice ticks about 80 px apart. */
    public static ChartAxis fixed(double lo, double hi, String label) {
        return new ChartAxis(Kind.LINEAR, label, null, lo, hi, 0, false, new double[0], TickRule.NICE,
                TickFormat.PLAIN, 80, true);
    }

    /** The steps of a training run, 0 to {@code steps}. */
    public static ChartAxis steps(int steps) {
        return fixed(0, Math.max(1, steps), "step");
    }

    /** Layers 1..n, a tick per layer thinned to about 34 px. */
    public static ChartAxis layers(int n) {
        return new ChartAxis(Kind.LAYERS, "layer", null, 1, Math.max(1, n), 0, false, new double[0],
                TickRule.WHOLE, TickFormat.WHOLE, 34, false);
    }

    /** A log10 axis over the data, padded by 5 %, with decades (and 2 and 5 on a short range) as ticks. */
    public static ChartAxis log(String label) {
        return auto(Kind.LOG, label, 0.05, false, TickRule.LOG_FINE, TickFormat.LOG_VALUE, 40);
    }

    /** A log10 axis over the data's whole decades, labelled 1eⁿ. */
    public static ChartAxis decades(String label) {
        return auto(Kind.LOG, label, 0, true, TickRule.WHOLE, TickFormat.EXPONENT, 28);
    }

    /** An axis of values that are already log10 of something: whole units, labelled 10ⁿ. */
    public static ChartAxis powersOfTen(String label) {
        return auto(Kind.LINEAR, label, 0.05, true, TickRule.WHOLE, TickFormat.POWER, 40);
    }

    /** An axis over the data's range, with a grid. */
    private static ChartAxis auto(Kind kind, String label, double pad, boolean whole, TickRule rule, TickFormat f,
                                  double spacing) {
        return new ChartAxis(kind, label, null, Double.NaN, Double.NaN, pad, whole, new double[0], rule, f, spacing,
                true);
    }

    public ChartAxis withRange(double newLo, double newHi) {
        return new ChartAxis(kind, label, brief, newLo, newHi, pad, whole, include, ticks, format, spacing, grid);
    }

    public ChartAxis withTicks(TickRule rule, TickFormat f, double px) {
        return new ChartAxis(kind, label, brief, lo, hi, pad, whole, include, rule, f, px, grid);
    }

    public ChartAxis withGrid(boolean on) {
        return new ChartAxis(kind, label, brief, lo, hi, pad, whole, include, ticks, format, spacing, on);
    }

    /** The same axis with another label, and a shorter one for when that does not fit (or null). */
    public ChartAxis withLabel(String text, String shorter) {
        return new ChartAxis(kind, text, shorter, lo, hi, pad, whole, include, ticks, format, spacing, grid);
    }

    /** The same axis whose automatic range also holds these axis values. */
    public ChartAxis including(double... values) {
        return new ChartAxis(kind, label, brief, lo, hi, pad, whole, values, ticks, format, spacing, grid);
    }

    /** A value in axis units: log10 on a log axis (NaN where there is none), else the value. */
    public double toAxis(double v) {
        return kind == Kind.LOG ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    /**
     * The range the axis spans, in axis units, for data values {@code values} (raw, before {@link #toAxis}):
     * the fixed ends where given, else the data's (and {@link #include}'s), padded and widened to whole units.
     */
    public double[] range(List<double[]> values) {
        if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
            return new double[] {lo, hi};
        }
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        for (double[] vs : values) {
            for (double v : vs) {
                double t = toAxis(v);
                if (Double.isFinite(t)) {
                    a = Math.min(a, t);
                    b = Math.max(b, t);
                }
            }
        }
        boolean data = a <= b;
        for (double t : include) {
            a = Math.min(a, t);
            b = Math.max(b, t);
        }
        if (!Double.isNaN(lo)) {
            a = lo;
        }
        if (!Double.isNaN(hi)) {
            b = hi;
        }
        if (!(a <= b)) {
            return kind == Kind.LOG && whole ? new double[] {-3, 0} : new double[] {0, 1};
        }
        if (pad > 0 && b - a < 1e-9) {
            double p = kind == Kind.LOG ? 0.1 : Math.max(1e-3, Math.abs(b) * 0.1);
            a -= p;
            b += p;
        } else if (pad > 0 && data) {
            double p = (b - a) * pad;
            a -= Double.isNaN(lo) ? p : 0;
            b += Double.isNaN(hi) ? p : 0;
        }
        if (whole) {
            a = Math.floor(a);
            b = Math.ceil(b);
            if (a == b) {
                b++;
            }
        }
        return new double[] {a, b};
    }

    /** The ticks over [a, b] (axis units) on an axis {@code length} pixels long. */
    public List<Double> ticks(double a, double b, double length) {
        int target = Math.max(2, (int) (length / spacing));
        return switch (ticks) {
            case NONE -> List.of();
            case NICE -> Ticks.of(a, b, target);
            case LOG_FINE -> logTicks(a, b);
            case WHOLE -> {
                int first = (int) Math.ceil(a - 1e-9);
                int last = (int) Math.floor(b + 1e-9);
                // layers 1..n thin by n, decades by their span, each to about one tick per {@code spacing} px
                double span = kind == Kind.LAYERS ? last : last - first;
                int stride = Math.max(1, (int) Math.ceil(span / Math.max(1.0, length / spacing)));
                List<Double> t = new ArrayList<>();
                for (int e = first; e <= last; e += stride) {
                    t.add((double) e);
                }
                yield t;
            }
        };
    }

    /** The labels of ticks, in this axis's format. */
    public List<String> labels(List<Double> t) {
        if (format == TickFormat.UNIFORM) {
            return Ticks.labels(t);
        }
        return t.stream().map(this::label).toList();
    }

    private String label(double t) {
        return switch (format) {
            case PLAIN, UNIFORM -> Ticks.label(t);
            case PERCENT -> Math.round(t * 100) + "%";
            case POWER -> powerLabel(t);
            case EXPONENT -> Math.rint(t) == 0 ? "1" : "1e" + Math.round(t);
            case LOG_VALUE -> Ticks.label(Math.pow(10, t));
            case WHOLE -> Long.toString(Math.round(t));
        };
    }

    /** "10⁻³" for −3 (a fractional exponent as a plain number). */
    static String powerLabel(double e) {
        if (Math.abs(e - Math.rint(e)) > 1e-9) {
            return Ticks.label(e);
        }
        long k = Math.round(e);
        if (k == 0) {
            return "1";
        }
        StringBuilder s = new StringBuilder("10");
        if (k < 0) {
            s.append('⁻');
        }
        for (char c : Long.toString(Math.abs(k)).toCharArray()) {
            s.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return s.toString();
    }

    /** Ticks of a log10 axis over [lo, hi] (in decades): powers of ten, with 2 and 5 when the range is short. */
    static List<Double> logTicks(double lo, double hi) {
        List<Double> t = new ArrayList<>();
        int a = (int) Math.floor(lo);
        int b = (int) Math.ceil(hi);
        boolean fine = hi - lo < 2;
        int stride = Math.max(1, (b - a) / 6);
        for (int e = a; e <= b; e += stride) {
            t.add((double) e);
            if (fine) {
                t.add(e + Math.log10(2));
                t.add(e + Math.log10(5));
            }
        }
        return t.stream().filter(v -> v >= lo - 1e-9 && v <= hi + 1e-9).toList();
    }
}
