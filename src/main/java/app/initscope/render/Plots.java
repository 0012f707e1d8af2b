package app.initscope.render;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.nn.Norm;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Histogram;
import app.initscope.core.stats.Magnitudes;
import app.initscope.core.stats.Summary;
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
        if (config.norm() != Norm.NONE && (kind == TensorKind.ACTIVATION || kind == TensorKind.LOCAL_GRADIENT)) {
            label = label.replace("(z)", "(" + normalizedLabel(config.norm()) + ")");
        }
        if (kind == TensorKind.Z && config.residual().on() && config.depth() > 1) {
            label = "z = z₋₁ + α·a·W";
        }
        return kind == TensorKind.Z && config.get(Catalog.SIGMA_B) > 0 ? label + " + b" : label;
    }

    /** How the normalized pre-activation is written: BN(z) or LN(z). */
    public static String normalizedLabel(Norm norm) {
        return switch (norm) {
            case NONE -> "z";
            case BATCH -> "BN(z)";
            case LAYER -> "LN(z)";
        };
    }

    /** The title of the normalized pre-activation's chart, e.g. "BatchNorm BN(z)". */
    public static String normalizedTitle(Norm norm) {
        return (norm == Norm.BATCH ? "BatchNorm " : "LayerNorm ") + normalizedLabel(norm);
    }

    /**
     * The chart of N(z), the normalized pre-activation that φ takes, of a run with a normalization: its theory is
     * N(0, q/(q + ε)), unit variance up to ε.
     */
    public static HistogramChart.Data normalizedData(ExperimentResult result, StrategyResult r, int layer,
                                                     String title, boolean theory, boolean logY) {
        LayerResult l = r.layer(layer);
        Norm norm = result.config().norm();
        double q = Double.NaN;
        String note = null;
        if (theory && Double.isFinite(l.theory().varianceZ())) {
            q = norm.normalizedVariance(l.theory().varianceZ());
            note = "theory std " + Ticks.label(Math.sqrt(q)) + " (dashed, ±σ dotted)";
        }
        return new HistogramChart.Data(result.preview() ? title + " · preview" : title, normalizedLabel(norm),
                l.normalized(), Palette.of(r.strategy()), q, note, false, logY);
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
            case SHARED -> locked(all);
            case SYMLOG -> symlog(all);
            case OWN -> all;
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

    /**
     * Bins every data onto one symmetric-log axis, with bins uniform in u: from the values' signs and magnitudes
     * where the run counted them (so each bin holds the values that lie in it), else from the linear histogram.
     * The axis is symmetric about 0, out to the farthest end of the union of the rows' ranges, and has an odd number
     * of bins (one more than the data's when that is even): a middle bin centred on 0 holds the zeros and the
     * values within its width, and every bin to the right mirrors one to the left, so a symmetric tensor is drawn
     * symmetric.
     */
    public static List<HistogramChart.Data> symlog(List<HistogramChart.Data> all) {
        double[] range = union(all.stream().map(HistogramChart.Data::histogram).toList());
        if (range == null) {
            return all;
        }
        AxisScale scale = AxisScale.symlog(linthresh(all));
        double reach = scale.toAxis(Math.max(Math.abs(range[0]), Math.abs(range[1])));
        return all.stream().map(d -> d.onScale(onSymlogAxis(d.summary(), d.histogram(), scale, -reach, reach,
                d.histogram().bins() | 1), scale)).toList();
    }

    /**
     * Counts on bins uniform in u = scale.toAxis(x) over [uLo, uHi]: from the summary's magnitudes when it has
     * them (bins at most a quarter octave wide, each of one sign, cut to the data's min and max), else from
     * {@code h}'s linear bins. A source bin's count is shared among the target bins, and underflow and overflow, in
     * proportion to the overlap in data units (values taken as uniform within a source bin), then rounded to whole
     * counts that keep the total.
     *
     * @param summary the data's summary, or null to bin from {@code h} alone
     */
    static Histogram onSymlogAxis(Summary summary, Histogram h, AxisScale scale, double uLo, double uHi, int bins) {
        Magnitudes magnitudes = summary == null ? null : summary.magnitudes();
        double[] targetData = new double[bins + 1];
        for (int j = 0; j <= bins; j++) {
            targetData[j] = scale.toData(j == bins ? uHi : uLo + (uHi - uLo) * j / bins);
        }
        // the ends are the data's range, which went through log and exp: a value at the range's end is inside
        targetData[0] -= Math.ulp(targetData[0]) * 16;
        targetData[bins] += Math.ulp(targetData[bins]) * 16;
        // shares of bins 0..bins−1, then underflow at [bins] and overflow at [bins + 1]
        double[] share = new double[bins + 2];
        long[] total = new long[1];
        Magnitudes.BinConsumer spread = (a, b, c) -> {
            total[0] += c;
            spreadOver(share, targetData, a, b, c);
        };
        long underflow = 0;
        long overflow = 0;
        if (!(uHi > uLo)) {
            // one point for every row (all of them exactly 0): every finite value in the middle bin, as of() does
            long[] out = new long[bins];
            out[bins / 2] = magnitudes != null ? magnitudes.total() : java.util.Arrays.stream(h.counts()).sum();
            return new Histogram(uLo, uHi, out, magnitudes != null ? 0 : h.underflow(),
                    magnitudes != null ? 0 : h.overflow(), h.nonFinite());
        }
        if (magnitudes != null) {
            double min = summary.min();
            double max = summary.max();
            magnitudes.forEach((a, b, c) -> spread.accept(Math.max(a, min), Math.min(b, max), c));
        } else {
            boolean flat = !(h.hi() > h.lo());
            for (int i = 0; i < h.bins(); i++) {
                if (h.count(i) > 0) {
                    double a = flat ? h.lo() : h.edge(i);
                    spread.accept(a, flat ? a : i + 1 == h.bins() ? h.hi() : h.edge(i + 1), h.count(i));
                }
            }
            underflow = h.underflow();
            overflow = h.overflow();
        }
        long[] whole = Histogram.largestRemainder(share, total[0]);
        return new Histogram(uLo, uHi, java.util.Arrays.copyOf(whole, bins), underflow + whole[bins],
                overflow + whole[bins + 1], h.nonFinite());
    }

    /** Adds {@code c} values uniform on [a, b] (a point when a = b) to the shares of the bins between the edges. */
    private static void spreadOver(double[] share, double[] edges, double a, double b, long c) {
        int bins = edges.length - 1;
        double lo = edges[0];
        double hi = edges[bins];
        if (!(b > a)) {
            if (a < lo) {
                share[bins] += c;
            } else if (a > hi) {
                share[bins + 1] += c;
            } else {
                int j = java.util.Arrays.binarySearch(edges, a);
                j = j >= 0 ? j : -j - 2;
                share[Math.min(Math.max(j, 0), bins - 1)] += c;
            }
            return;
        }
        double length = b - a;
        share[bins] += c * (Math.max(0.0, Math.min(b, lo) - a) / length);
        share[bins + 1] += c * (Math.max(0.0, b - Math.max(a, hi)) / length);
        for (int j = 0; j < bins; j++) {
            double overlap = Math.min(b, edges[j + 1]) - Math.max(a, edges[j]);
            if (overlap > 0) {
                share[j] += c * (overlap / length);
            }
        }
    }
}
