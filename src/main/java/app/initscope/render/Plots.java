package app.initscope.render;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Histogram;
import java.util.List;
import java.util.Locale;

/** Builds what the histogram views draw from a result: titles, axis labels, notes, and shared axes. */
public final class Plots {

    private Plots() {
    }

    /** A chart title for a tensor, e.g. {@code Gradient δ}. */
    public static String title(TensorKind k) {
        return switch (k) {
            case Z -> "Pre-activation z";
            case ACTIVATION -> "Activation a";
            case DELTA -> "Gradient δ";
            case WEIGHT_GRADIENT -> "Weight gradient ∂L/∂W";
            case LOCAL_GRADIENT -> "Local gradient φ′(z)";
        };
    }

    /** How a tensor of a config is named on an axis: with biases, {@code z = a·W + b}. */
    public static String axisLabel(TensorKind kind, ExperimentConfig config) {
        String label = axisLabel(kind, config.activation());
        return kind == TensorKind.Z && config.get(Catalog.SIGMA_B) > 0 ? label + " + b" : label;
    }

    /** How a tensor is named on an axis, e.g. {@code a = tanh(z)}. */
    public static String axisLabel(TensorKind kind, Activation activation) {
        return switch (kind) {
            case Z -> "z = a·W";
            case ACTIVATION -> "a = " + activation.label() + "(z)";
            case DELTA -> "δ = ∂L/∂z";
            case WEIGHT_GRADIENT -> "∂L/∂W";
            case LOCAL_GRADIENT -> "φ′(z)";
        };
    }

    /**
     * What to draw for one tensor of one layer of one strategy: z carries the theory's curve and std, the
     * activation the symmetry warning, and the gradients the distinct-units count.
     */
    public static HistogramChart.Data data(ExperimentResult result, StrategyResult r, int layer, TensorKind kind,
                                   String title, boolean theory, boolean logY) {
        return data(result, r, layer, kind, title, theory, logY, true);
    }

    /**
     * The same, with the title marked "· preview" for a preview result only when {@code markPreview} (a figure
     * of many small cells marks it once instead).
     */
    public static HistogramChart.Data data(ExperimentResult result, StrategyResult r, int layer, TensorKind kind,
                                   String title, boolean theory, boolean logY, boolean markPreview) {
        LayerResult l = r.layer(layer);
        boolean symmetric = l.distinctUnits() == 1;
        String note = null;
        boolean warning = false;
        double q = Double.NaN;
        switch (kind) {
            case Z -> {
                if (theory && Double.isFinite(l.theory().stdZ())) {
                    q = l.theory().varianceZ();
                    note = "theory std " + Ticks.label(l.theory().stdZ()) + " (dashed, ±σ dotted)";
                }
            }
            case ACTIVATION -> {
                if (symmetric) {
                    note = "⚠ all " + l.fanOut() + " units identical (symmetry)";
                    warning = true;
                }
            }
            default -> {
                note = String.format(Locale.ROOT, "distinct units %d / %d", l.distinctUnits(), l.fanOut());
                warning = symmetric;
                if (kind == TensorKind.WEIGHT_GRADIENT && result.preview()) {
                    note = "preview: ∂L/∂W sums fewer rows; refining";
                    warning = true;
                }
            }
        }
        return new HistogramChart.Data(result.preview() && markPreview ? title + " · preview" : title,
                axisLabel(kind, result.config()), l.get(kind),
                Palette.of(r.strategy()), q, note, warning, logY);
    }

    /** The smallest range that holds every histogram's range: a shared, locked axis. */
    public static double[] union(List<Histogram> histograms) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Histogram h : histograms) {
            if (Double.isFinite(h.lo()) && Double.isFinite(h.hi())) {
                lo = Math.min(lo, h.lo());
                hi = Math.max(hi, h.hi());
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** The data re-binned onto a shared range (unchanged when the range is null or already its own). */
    public static HistogramChart.Data onAxis(HistogramChart.Data d, double[] range) {
        Histogram h = d.histogram();
        if (range == null || (range[0] == h.lo() && range[1] == h.hi())) {
            return d;
        }
        return d.withHistogram(h.rebin(range[0], range[1], h.bins()));
    }

    /** Re-bins every data onto the union of their ranges. */
    public static List<HistogramChart.Data> locked(List<HistogramChart.Data> all) {
        double[] range = union(all.stream().map(HistogramChart.Data::histogram).toList());
        return all.stream().map(d -> onAxis(d, range)).toList();
    }

    /** A column of the compare grid on its axes: locked, on one symlog axis, or each on its own. */
    public static List<HistogramChart.Data> column(List<HistogramChart.Data> all, AxisMode mode) {
        return switch (mode) {
            case SHARED_LINEAR -> locked(all);
            case SHARED_SYMLOG -> symlog(all);
            case PER_ROW -> all;
        };
    }

    /**
     * The linear threshold of a shared symlog axis: the smallest positive std among the data, so that the
     * narrowest distribution still spans about ±1 decade of u and the widest sits further out (1 when none has a
     * positive std).
     */
    public static double linthresh(List<HistogramChart.Data> all) {
        double c = all.stream().mapToDouble(d -> d.summary().std()).filter(v -> v > 0 && Double.isFinite(v))
                .min().orElse(1);
        return c;
    }

    /** Re-bins every data onto one symmetric-log axis over the union of their ranges, with bins uniform in u. */
    public static List<HistogramChart.Data> symlog(List<HistogramChart.Data> all) {
        double[] range = union(all.stream().map(HistogramChart.Data::histogram).toList());
        if (range == null) {
            return all;
        }
        AxisScale scale = AxisScale.symlog(linthresh(all));
        double uLo = scale.toAxis(range[0]);
        double uHi = scale.toAxis(range[1]);
        return all.stream().map(d -> d.onScale(rebinToAxis(d.histogram(), scale, uLo, uHi, d.histogram().bins()),
                scale)).toList();
    }

    /**
     * A histogram's counts on bins uniform in u = scale.toAxis(x) over [uLo, uHi]: each source bin's count is
     * shared among the target bins in proportion to the overlap in data units (counts are assumed uniform within a
     * source bin, as {@link Histogram#rebin} assumes), then rounded to whole counts that keep the total.
     */
    static Histogram rebinToAxis(Histogram h, AxisScale scale, double uLo, double uHi, int bins) {
        long[] out = new long[bins];
        double[] share = new double[bins];
        long inBins = 0;
        if (!(uHi > uLo)) {
            for (int i = 0; i < h.bins(); i++) {
                inBins += h.count(i);
            }
            out[bins / 2] = inBins;
            return new Histogram(uLo, uHi, out, h.underflow(), h.overflow(), h.nonFinite());
        }
        double[] targetData = new double[bins + 1];
        for (int j = 0; j <= bins; j++) {
            targetData[j] = scale.toData(j == bins ? uHi : uLo + (uHi - uLo) * j / bins);
        }
        boolean flat = !(h.hi() > h.lo());
        for (int i = 0; i < h.bins(); i++) {
            long c = h.count(i);
            if (c == 0) {
                continue;
            }
            inBins += c;
            double a = flat ? h.lo() : h.edge(i);
            double b = flat ? h.lo() : (i + 1 == h.bins() ? h.hi() : h.edge(i + 1));
            for (int j = 0; j < bins; j++) {
                double t0 = targetData[j];
                double t1 = targetData[j + 1];
                if (b <= a) {
                    if (a >= t0 && (a < t1 || (j == bins - 1 && a <= t1))) {
                        share[j] += c;
                        break;
                    }
                    continue;
                }
                double overlap = Math.min(b, t1) - Math.max(a, t0);
                if (overlap > 0) {
                    share[j] += c * (overlap / (b - a));
                }
            }
        }
        long assigned = 0;
        Integer[] order = new Integer[bins];
        for (int j = 0; j < bins; j++) {
            out[j] = (long) Math.floor(share[j]);
            assigned += out[j];
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(share[y] - Math.floor(share[y]),
                share[x] - Math.floor(share[x])));
        for (int k = 0; k < bins && assigned < inBins; k++) {
            out[order[k]]++;
            assigned++;
        }
        return new Histogram(uLo, uHi, out, h.underflow(), h.overflow(), h.nonFinite());
    }
}
