package app.initscope.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/** "Nice" axis ticks (steps of 1, 2 or 5 times a power of ten) and their labels. */
public final class Ticks {

    private Ticks() {
    }

    /** About {@code target} ticks inside [lo, hi]. */
    public static List<Double> of(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            ticks.add(lo);
            return ticks;
        }
        double step = nearestStep(span / Math.max(1, target));
        double first = Math.ceil(lo / step) * step;
        for (double t = first; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    /**
     * The 1-2-5 step nearest to {@code raw} (on a log scale), so that about {@code target} ticks appear: rounding
     * up instead left a ±4.8 axis with a single tick at 0.
     */
    static double nearestStep(double raw) {
        double exp = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / exp;
        double nice = f < Math.sqrt(2) ? 1 : f < Math.sqrt(10) ? 2 : f < Math.sqrt(50) ? 5 : 10;
        return nice * exp;
    }

    /** The smallest 1-2-5 step at least {@code raw}. */
    public static double niceStep(double raw) {
        double exp = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / exp;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * exp;
    }

    /**
     * Ticks of a symmetric-log axis over [lo, hi], in data units: 0, ±1 and ±10 first (the landmarks a reader looks
     * for), then ±powers of ten from the outermost in, down to about the linear threshold. A power of ten is kept
     * with its negative (so that the axis reads the same both ways) only where both labels keep clear of every
     * tick kept before.
     *
     * @param linthresh the axis's linear threshold, &gt; 0
     * @param clash     whether the labels of two ticks would overlap where the axis draws them
     */
    public static List<Double> symlog(double lo, double hi, double linthresh, BiPredicate<Double, Double> clash) {
        double reach = Math.max(Math.abs(lo), Math.abs(hi));
        int eLo = (int) Math.floor(Math.log10(linthresh));
        int eHi = (int) Math.floor(Math.log10(reach));
        List<Double> powers = new ArrayList<>(List.of(1.0, 10.0));
        for (int e = eHi; e >= eLo; e--) {
            powers.add(Math.pow(10, e));
        }
        List<Double> kept = new ArrayList<>();
        if (lo <= 0 && hi >= 0) {
            kept.add(0.0);
        }
        for (double p : powers) {
            List<Double> pair = java.util.stream.Stream.of(-p, p).filter(t -> t >= lo && t <= hi).toList();
            boolean clear = !kept.contains(p) && !(pair.size() == 2 && clash.test(-p, p))
                    && pair.stream().allMatch(t -> kept.stream().noneMatch(k -> clash.test(k, t)));
            if (clear) {
                kept.addAll(pair);
            }
        }
        kept.sort(null);
        return kept;
    }

    /** A short label for a tick or a statistic: 4 significant digits, scientific when tiny or huge. */
    public static String label(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "–" : v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String s;
        String fixed = a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : "e";
        if (!fixed.contains("e")) {                    // %.4g turns to "2.191e+04" from 9999.5 on
            s = fixed.contains(".") ? fixed.replaceAll("0+$", "").replaceAll("\\.$", "") : fixed;
        } else {
            String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "")
                    : parts[0];
            s = mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return s.replace('-', '−');
    }

    /**
     * Labels for the ticks of one axis in one notation: decimals with the same number of places when every tick
     * is readable that way (−0.0010, −0.0005, 0, 0.0005, 0.0010 rather than −0.001, −5e−4, …), else each in the
     * short form of {@link #label}.
     */
    public static List<String> labels(List<Double> ticks) {
        double step = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int i = 0; i < ticks.size(); i++) {
            largest = Math.max(largest, Math.abs(ticks.get(i)));
            if (i > 0) {
                step = Math.min(step, Math.abs(ticks.get(i) - ticks.get(i - 1)));
            }
        }
        if (ticks.size() < 2 || !(step > 0) || largest >= 1e5 || step < 1e-4) {
            return ticks.stream().map(Ticks::label).toList();
        }
        int places = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return ticks.stream().map(t -> t == 0 ? "0"
                : String.format(Locale.ROOT, "%." + places + "f", t).replace('-', '−')).toList();
    }
}
