package app.initscope.render;

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
        LayerResult l = r.layer(layer);
        boolean symmetric = l.distinctUnits() == 1;
        String note = null;
        boolean warning = false;
        double q = Double.NaN;
        switch (kind) {
            case Z -> {
                if (theory && Double.isFinite(l.theory().stdZ())) {
                    q = l.theory().varianceZ();
                    note = "theory (dashed, ±σ dotted): std " + Ticks.label(l.theory().stdZ());
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
        return new HistogramChart.Data(result.preview() ? title + " · preview" : title,
                axisLabel(kind, result.config().activation()), l.get(kind),
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
}
