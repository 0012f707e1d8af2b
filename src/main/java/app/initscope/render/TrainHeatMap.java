package app.initscope.render;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.stats.Histogram;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.TrainResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer's histogram over the training, as a heat map in a {@link ChartFrame}: a column per test-set
 * evaluation on a shared value axis, each column shaded by its counts on its own scale (the shape, not the size).
 */
final class TrainHeatMap {

    private static final String CAPTION = "step (a column per test-set evaluation, shaded by count)";
    private static final String BRIEF = "step (a column per evaluation, shaded by count)";

    private TrainHeatMap() {
    }

    static void paint(Pen g, double w, double h, TrainResult r, int layer, TensorKind tensor,
                      ExperimentConfig config, int steps) {
        String where = r.strategy().label() + (config.depth() > 1 ? " · layer " + layer : "");
        String title = Plots.title(tensor) + " over the steps · " + where;
        ChartFrame.Style style = ChartFrame.Style.TRAIN.withLeft(70).withLegendWidth(0).withYLabelX(5);
        if (g.textWidth(title, style.titleFont()) > w - 2 * style.titleX()) {
            title = tensor.symbol() + " over the steps · " + where;
        }
        double[] range = commonRange(r, layer, tensor);
        ChartAxis x = ChartAxis.steps(steps).withLabel(CAPTION, BRIEF);
        if (range == null) {
            ChartFrame.of(style, title, x, ChartAxis.fixed(0, 1, null)).paintTitle(g, w, h);
            return;
        }
        ChartAxis y = ChartAxis.fixed(range[0], range[1], Plots.axisLabel(tensor, config))
                .withTicks(ChartAxis.TickRule.NICE, ChartAxis.TickFormat.UNIFORM, 36).withGrid(false);
        ChartFrame.of(style, title, x, y).withRenderer((pen, p) -> cells(pen, p, r, layer, tensor, range))
                .paint(g, w, h);
    }

    /** The columns: each evaluation's counts re-binned onto the shared axis, shaded from white to the colour. */
    private static void cells(Pen g, ChartFrame.Plot p, TrainResult r, int layer, TensorKind tensor,
                              double[] range) {
        double top = p.top();
        double bottom = p.bottom();
        int bins = Math.max(8, Math.min(80, (int) ((bottom - top) / 3)));
        List<Histogram> columns = rebinned(r, layer, tensor, range, bins);
        List<EvalRecord> evals = r.evals().stream().filter(e -> layer <= e.layers().size()).toList();
        Rgba hot = Palette.of(r.strategy());
        for (int c = 0; c < columns.size(); c++) {
            Histogram hc = columns.get(c);
            double x0 = p.px(evals.get(c).step());
            // a column reaches the next evaluation; the newest one is as wide as the interval before it (it used
            // to take a share of the whole axis, drawing the map far past the step training had reached)
            double x1 = columnEnd(x0, c + 1 < columns.size() ? p.px(evals.get(c + 1).step()) : Double.NaN,
                    c == 0 ? Double.NaN : p.px(evals.get(c - 1).step()), p.right());
            if (x1 - x0 < 1) {
                x1 = x0 + 1;
            }
            double max = shadeScale(hc);
            for (int b = 0; b < bins; b++) {
                long n = hc.count(b);
                if (n == 0 || max <= 0) {
                    continue;
                }
                double t = Math.min(1, n / max);     // each column on its own scale: the shape, not the count
                g.setFill(ramp(hot, t));
                double y1 = bottom - (double) b / bins * (bottom - top);
                double y0 = bottom - (double) (b + 1) / bins * (bottom - top);
                g.fillRect(x0, y0, x1 - x0 + 0.5, y1 - y0 + 0.5);
            }
        }
    }

    /**
     * The common value range of a layer's tensor over all evaluations: the union of the evaluations' finite
     * ranges, so that every column shares one labelled axis; null when there is none.
     */
    public static double[] commonRange(TrainResult r, int layer, TensorKind tensor) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (EvalRecord e : r.evals()) {
            if (layer <= e.layers().size()) {
                Histogram h = TrainFigures.summary(e.layers().get(layer - 1), tensor).histogram();
                if (Double.isFinite(h.lo()) && Double.isFinite(h.hi())) {
                    lo = Math.min(lo, h.lo());
                    hi = Math.max(hi, h.hi());
                }
            }
        }
        if (!(lo <= hi)) {
            return null;
        }
        if (hi - lo < 1e-12) {
            double pad = Math.max(1e-6, Math.abs(lo) * 0.01);
            return new double[] {lo - pad, hi + pad};
        }
        return new double[] {lo, hi};
    }

    /** Every evaluation's histogram of a layer's tensor re-binned onto {@link #commonRange}, in order. */
    public static List<Histogram> rebinned(TrainResult r, int layer, TensorKind tensor, double[] range, int bins) {
        List<Histogram> out = new ArrayList<>();
        for (EvalRecord e : r.evals()) {
            if (layer <= e.layers().size()) {
                out.add(TrainFigures.summary(e.layers().get(layer - 1), tensor).histogram().rebin(range[0], range[1], bins));
            }
        }
        return out;
    }

    /**
     * Where a heat map column ends: at the next evaluation's x, or for the newest (next is NaN) one interval past
     * its own x, as wide as the column before it, at least 3 px, and never past {@code right}.
     */
    static double columnEnd(double x, double next, double previous, double right) {
        if (!Double.isNaN(next)) {
            return next;
        }
        return Math.min(right, x + Math.max(3, Double.isNaN(previous) ? 0 : x - previous));
    }

    /**
     * The count that gets the full shade in a column: the second largest, so that one spike (ReLU's exact zeros,
     * half of every column) saturates its bin instead of fading the whole distribution to white.
     */
    static double shadeScale(Histogram h) {
        long first = 0;
        long second = 0;
        for (int i = 0; i < h.bins(); i++) {
            long c = h.count(i);
            if (c > first) {
                second = first;
                first = c;
            } else if (c > second) {
                second = c;
            }
        }
        return second > 0 ? second : first;
    }

    /** White to the colour to a darker shade, by t in [0, 1]. */
    static Rgba ramp(Rgba c, double t) {
        t = Math.max(0, Math.min(1, t));
        if (t < 0.85) {
            return Rgba.WHITE.mix(c, 0.08 + t / 0.85 * 0.92);
        }
        return c.mix(Rgba.BLACK, (t - 0.85) / 0.15 * 0.4);
    }
}
