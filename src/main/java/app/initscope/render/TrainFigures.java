package app.initscope.render;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Histogram;
import app.initscope.core.stats.Summary;
import app.initscope.core.train.Boundary;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.EvalLayer;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Train view's figure, for the screen and the export alike: the loss curves of every compared strategy on one
 * log axis (and, for a classification, the training and test accuracy), the update:data ratio per layer over the
 * steps with the 10⁻³ guide, a heat map of one layer's histogram over the evaluations on a fixed value axis, the
 * three histograms (z, a, δ) at a chosen evaluation, and for the 2-D data sets each strategy's decision boundary.
 */
public final class TrainFigures {

    /**
     * What to show.
     *
     * @param strategy the strategy of the ratio chart (null: every strategy, one line each for {@code layer}), the
     *                 heat map and the histograms (null: {@code focus})
     * @param focus    the strategy of the heat map and the histograms when {@code strategy} is null (null or not
     *                 trained: the first)
     * @param layer    the hidden layer of the heat map and the histograms, from 1
     * @param tensor   the heat map's tensor: z, activation or delta
     * @param eval     the evaluation the histograms show, an index into the evaluations (−1 or too large: the
     *                 latest)
     * @param logY     log-scale counts in the histograms
     * @param caption  a caption line naming the config
     */
    public record Options(Strategy strategy, Strategy focus, int layer, TensorKind tensor, int eval, boolean logY,
                          boolean caption) {

        public static final Options DEFAULT = new Options(null, null, 1, TensorKind.ACTIVATION, -1, false, false);

        /** The strategy of the heat map and the histograms. */
        public Strategy shown() {
            return strategy != null ? strategy : focus;
        }
    }

    /** The tensors a heat map can show. */
    public static final List<TensorKind> TENSORS = List.of(TensorKind.Z, TensorKind.ACTIVATION, TensorKind.DELTA);

    /** The ratio the update:data guide line marks: log10 of 10⁻³, Karpathy's rule of thumb. */
    public static final double GUIDE = -3;

    static final TextFont TITLE = TextFont.bold(15);
    static final TextFont TEXT = TextFont.regular(13);
    static final TextFont SMALL = TextFont.regular(12);
    static final Rgba INK = Rgba.web("#333333");
    static final Rgba MUTED = Rgba.web("#777777");
    static final Rgba GRID = Rgba.web("#e6e6e6");
    static final Rgba WARN = Rgba.web("#b00020");
    /** Class colours of the decision boundaries (Okabe–Ito, apart from the strategies' order). */
    private static final Rgba[] CLASSES = {Rgba.web("#E69F00"), Rgba.web("#56B4E9"), Rgba.web("#009E73"),
        Rgba.web("#CC79A7"), Rgba.web("#0072B2"), Rgba.web("#D55E00"), Rgba.web("#F0E442"), Rgba.web("#999999"),
        Rgba.web("#882255"), Rgba.web("#117733")};

    private TrainFigures() {
    }

    /** Whether a data set is a classification (its charts include accuracy). */
    public static boolean classification(DatasetId d) {
        return d != DatasetId.TEACHER;
    }

    /** The strategy the heat map and the histograms show: the chosen one, or the first. */
    public static TrainResult focus(List<TrainResult> results, Strategy chosen) {
        for (TrainResult r : results) {
            if (r.strategy() == chosen) {
                return r;
            }
        }
        return results.isEmpty() ? null : results.getFirst();
    }

    /** A caption naming the config. */
    public static String caption(ExperimentConfig c, TrainConfig t) {
        return String.format(Locale.ROOT, "%s · %s · depth %d · width %d · seed %d · %s lr %s · batch %s · %d steps",
                t.dataset().id(), c.activation().label(), c.depth(), c.width(), c.seed(), t.optimizer().id(),
                Ticks.label(t.lr()), t.batch() <= 0 ? "full" : Integer.toString(t.batch()), t.steps());
    }

    /** A one-line status: the step, and each diverged strategy's step. */
    public static String status(List<TrainResult> results, int steps) {
        if (results.isEmpty()) {
            return "";
        }
        int made = 0;
        for (TrainResult r : results) {
            made = Math.max(made, r.steps().size());
        }
        StringBuilder s = new StringBuilder("step " + made + " of " + steps);
        for (TrainResult r : results) {
            if (r.diverged()) {
                s.append(" · ").append(r.strategy().label()).append(" diverged at step ").append(r.divergedAt());
            }
        }
        return s.toString();
    }

    /** The whole figure. */
    public static Figure figure(ExperimentConfig config, TrainConfig train, List<TrainResult> results, Options o) {
        List<TrainResult> all = List.copyOf(results);
        boolean classes = classification(train.dataset());
        TrainResult focus = focus(all, o.shown());
        EvalRecord eval = evalAt(focus, o.eval());
        int layer = Math.max(1, Math.min(o.layer(), config.depth()));
        List<Figure.Panel> panels = new ArrayList<>();
        List<HistogramChart.Data> hist = new ArrayList<>();
        if (eval != null && layer <= eval.layers().size()) {
            EvalLayer el = eval.layers().get(layer - 1);
            for (TensorKind k : TENSORS) {
                HistogramChart.Data d = new HistogramChart.Data(Plots.title(k) + " · step " + eval.step()
                        + (config.depth() > 1 ? " · layer " + layer : ""), Plots.axisLabel(k, config.activation()),
                        summary(el, k), Palette.of(focus.strategy()), Double.NaN, null, false, o.logY());
                hist.add(d);
                panels.add(new Figure.Panel(focus.strategy().id(), layer, k.id(), d));
            }
        }
        boolean boundaries = all.stream().anyMatch(r -> r.boundary() != null);
        String caption = o.caption() ? caption(config, train) : null;
        Figure.Painter painter = (pen, w, h) -> paint(pen, w, h, config, train, all, o, classes, focus, layer, hist,
                boundaries, caption);
        return new Figure("train-" + train.dataset().id(), 1600, boundaries ? 1200 : 1000, painter, panels);
    }

    private static void paint(Pen pen, double w, double h, ExperimentConfig config, TrainConfig train,
                              List<TrainResult> all, Options o, boolean classes, TrainResult focus, int layer,
                              List<HistogramChart.Data> hist, boolean boundaries, String caption) {
        pen.setFill(Rgba.WHITE);
        pen.fillRect(0, 0, w, h);
        double top = 0;
        if (caption != null) {
            pen.setFill(MUTED);
            pen.setFont(TEXT);
            pen.setTextAlign(TextAlign.LEFT);
            pen.setTextBaseline(Baseline.CENTER);
            pen.fillText(caption, 10, 14);
            top = 28;
        }
        if (all.isEmpty()) {
            pen.setFill(MUTED);
            pen.setFont(TITLE);
            pen.setTextAlign(TextAlign.CENTER);
            pen.setTextBaseline(Baseline.CENTER);
            pen.fillText("Press Play to train every compared strategy side by side", w / 2, top + 60);
            return;
        }
        double gap = 8;
        double rows = boundaries ? 3.2 : 3;
        double rowH = (h - top - 2 * gap) / rows;
        double r1 = rowH;
        double r2 = boundaries ? rowH * 1.2 : rowH;
        double r3 = h - top - 2 * gap - r1 - r2;
        // row 1: loss, accuracy (classification), update ratio
        int charts = classes ? 3 : 2;
        double cw = (w - (charts - 1) * gap) / charts;
        double x = 0;
        at(pen, x, top, () -> lossChart(pen, cw, r1, all, train.steps()));
        x += cw + gap;
        if (classes) {
            at(pen, x, top, () -> accuracyChart(pen, cw, r1, all, train.steps()));
            x += cw + gap;
        }
        double xr = x;
        at(pen, xr, top, () -> ratioChart(pen, cw, r1, all, o.strategy(), layer, train.steps()));
        // row 2: the heat map, and the boundaries of a 2-D set
        double y2 = top + r1 + gap;
        double heatW = boundaries ? Math.max(w * 0.38, w - r2 * Math.min(all.size(), 6) - gap) : w;
        at(pen, 0, y2, () -> heatMap(pen, heatW, r2, focus, layer, o.tensor(), config, train.steps()));
        if (boundaries) {
            double bx = heatW + gap;
            at(pen, bx, y2, () -> boundaries(pen, w - bx, r2, all));
        }
        // row 3: the three histograms at the chosen evaluation
        double y3 = y2 + r2 + gap;
        if (!hist.isEmpty()) {
            double hw = (w - 2 * gap) / 3;
            for (int i = 0; i < hist.size(); i++) {
                HistogramChart.Data d = hist.get(i);
                at(pen, i * (hw + gap), y3, () -> HistogramChart.paint(pen, hw, r3, d, r3 < 220));
            }
        }
    }

    private static void at(Pen pen, double x, double y, Runnable paint) {
        pen.save();
        pen.translate(x, y);
        paint.run();
        pen.restore();
    }

    /** The evaluation at an index (−1 or beyond the end: the latest), or null. */
    public static EvalRecord evalAt(TrainResult r, int index) {
        if (r == null || r.evals().isEmpty()) {
            return null;
        }
        return index < 0 || index >= r.evals().size() ? r.evals().getLast() : r.evals().get(index);
    }

    static Summary summary(EvalLayer l, TensorKind k) {
        return switch (k) {
            case Z -> l.z();
            case ACTIVATION -> l.activation();
            default -> l.delta();
        };
    }

    // ----------------------------------------------------------------------------------------------------------
    // line charts

    /** One line of a line chart. */
    record Line(String label, Rgba color, boolean dashed, double[] x, double[] y) {
    }

    static void lossChart(Pen pen, double w, double h, List<TrainResult> all, int steps) {
        List<Line> lines = new ArrayList<>();
        for (TrainResult r : all) {
            Rgba c = Palette.of(r.strategy());
            double[] xs = new double[r.steps().size()];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                StepRecord s = r.steps().get(i);
                xs[i] = s.step();
                ys[i] = s.loss();
            }
            String label = r.strategy().label() + (r.diverged() ? " ✕ step " + r.divergedAt() : "");
            // a loss that never moves (Zero without biases) is said in words: flat lines hide one another
            boolean constant = ys.length > 1 && java.util.Arrays.stream(ys).allMatch(v -> v == ys[0]);
            lines.add(new Line(constant ? label + " (constant)" : label, c, false, xs, ys));
        }
        lineChart(pen, w, h, "Training loss (log scale)", "step", lines, true, steps, Double.NaN, Double.NaN,
                Double.NaN, null);
    }

    static void accuracyChart(Pen pen, double w, double h, List<TrainResult> all, int steps) {
        List<Line> lines = new ArrayList<>();
        for (TrainResult r : all) {
            Rgba c = Palette.of(r.strategy());
            double[] xs = new double[r.evals().size()];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = r.evals().get(i).step();
                ys[i] = r.evals().get(i).testAccuracy();
            }
            lines.add(new Line(r.strategy().label(), c, false, xs, ys));
            double[] sx = new double[r.steps().size()];
            double[] sy = new double[sx.length];
            for (int i = 0; i < sx.length; i++) {
                sx[i] = r.steps().get(i).step();
                sy[i] = r.steps().get(i).accuracy();
            }
            lines.add(new Line(null, c.fade(0.45), true, sx, sy));
        }
        lineChart(pen, w, h, "Accuracy (test; dashed: batch)", "step", lines, false, steps, 0, 1,
                Double.NaN, "%");
    }

    static void ratioChart(Pen pen, double w, double h, List<TrainResult> all, Strategy chosen, int layer,
                           int steps) {
        List<Line> lines = new ArrayList<>();
        String title;
        if (chosen == null) {
            title = "Update:data ratio, layer " + layer + " (log10)";
            for (TrainResult r : all) {
                lines.add(ratioLine(r, layer, r.strategy().label(), Palette.of(r.strategy())));
            }
        } else {
            TrainResult r = focus(all, chosen);
            title = "Update:data ratio of " + r.strategy().label() + " by layer (log10)";
            int depth = r.steps().isEmpty() ? 0 : r.steps().getFirst().layers().size();
            Rgba base = Palette.of(r.strategy());
            for (int l = 1; l <= depth; l++) {
                double t = depth == 1 ? 0 : (double) (l - 1) / (depth - 1);
                lines.add(ratioLine(r, l, "layer " + l, mix(base, INK, 0.6 * t)));
            }
        }
        lineChart(pen, w, h, title, "step", lines, false, steps, Double.NaN, Double.NaN, GUIDE, "log10");
    }

    private static Line ratioLine(TrainResult r, int layer, String label, Rgba color) {
        double[] xs = new double[r.steps().size()];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            StepRecord s = r.steps().get(i);
            xs[i] = s.step();
            List<LayerStep> ls = s.layers();
            ys[i] = layer <= ls.size() ? ls.get(layer - 1).updateToData() : Double.NaN;
        }
        boolean moved = false;
        for (double v : ys) {
            moved |= !(Double.isInfinite(v) && v < 0);
        }
        return new Line(moved || ys.length == 0 ? label : label + " (no update)", color, false, xs, ys);
    }

    /**
     * A line chart with a legend on the right.
     *
     * @param logY  a log10 y-axis (values ≤ 0 are left out)
     * @param yLo   the fixed lower end of y, or NaN for the data's
     * @param guide a dashed horizontal guide at this y, or NaN
     * @param unit  "%" for percentages, "log10" for powers of ten, or null
     */
    static void lineChart(Pen g, double w, double h, String title, String xLabel, List<Line> lines, boolean logY,
                          int steps, double yLo, double yHi, double guide, String unit) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(INK);
        g.setFont(TITLE);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText(HistogramChart.fit(g, title, TITLE, w - 12), 6, 4);
        double legendW = 0;
        g.setFont(SMALL);
        for (Line l : lines) {
            if (l.label() != null) {
                legendW = Math.max(legendW, g.textWidth(l.label(), SMALL) + 30);
            }
        }
        legendW = Math.min(legendW, w * 0.4);
        double left = 52;
        double right = w - legendW - 10;
        double top = 28;
        double bottom = h - 34;
        if (right - left < 50 || bottom - top < 30) {
            return;
        }
        // the y range
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (double v : l.y()) {
                if (Double.isFinite(v) && (!logY || v > 0)) {
                    double t = logY ? Math.log10(v) : v;
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                }
            }
        }
        if (Double.isFinite(guide)) {
            lo = Math.min(lo, guide - 0.5);
            hi = Math.max(hi, guide + 0.5);
        }
        if (!Double.isNaN(yLo)) {
            lo = yLo;
        }
        if (!Double.isNaN(yHi)) {
            hi = yHi;
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-9) {
            double pad = logY ? 0.1 : Math.max(1e-3, Math.abs(hi) * 0.1);
            lo -= pad;
            hi += pad;
        } else if (Double.isNaN(yLo)) {
            double pad = (hi - lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        if ("log10".equals(unit)) {
            lo = Math.floor(lo);            // whole decades, so that every tick is a power of ten
            hi = Math.ceil(hi);
        }
        final double y0 = lo;
        final double y1 = hi;
        double xMax = Math.max(1, steps);
        java.util.function.DoubleUnaryOperator yOf = v -> bottom - (v - y0) / (y1 - y0) * (bottom - top);
        java.util.function.DoubleUnaryOperator xOf = v -> left + v / xMax * (right - left);

        // grid and ticks
        g.setFont(SMALL);
        g.setLineWidth(1);
        g.setLineDashes();
        int yTarget = Math.max(2, (int) ((bottom - top) / 40));
        List<Double> yTicks = logY ? logTicks(y0, y1) : "log10".equals(unit)
                ? decades(y0, y1, yTarget) : Ticks.of(y0, y1, yTarget);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(Baseline.CENTER);
        for (double t : yTicks) {
            double y = yOf.applyAsDouble(t);
            if (y < top - 1 || y > bottom + 1) {
                continue;
            }
            g.setStroke(GRID);
            g.strokeLine(left, y, right, y);
            g.setFill(INK);
            String label = logY ? Ticks.label(Math.pow(10, t)) : "%".equals(unit) ? Math.round(t * 100) + "%"
                    : "log10".equals(unit) ? powerLabel(t) : Ticks.label(t);
            g.fillText(label, left - 5, y);
        }
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.TOP);
        for (double t : Ticks.of(0, xMax, Math.max(2, (int) ((right - left) / 80)))) {
            double x = xOf.applyAsDouble(t);
            g.setStroke(INK);
            g.strokeLine(x, bottom, x, bottom + 4);
            g.setFill(INK);
            g.fillText(Ticks.label(t), x, bottom + 5);
        }
        g.setFill(MUTED);
        g.fillText(xLabel, (left + right) / 2, bottom + 19);
        if (Double.isFinite(guide)) {
            double y = yOf.applyAsDouble(guide);
            g.setStroke(WARN);
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokeLine(left, y, right, y);
            g.setLineDashes();
            g.setFill(WARN);
            g.setTextAlign(TextAlign.RIGHT);
            g.setTextBaseline(Baseline.BOTTOM);
            g.fillText("10⁻³", right - 3, y - 2);
        }
        g.setStroke(INK);
        g.setLineWidth(1.2);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);

        // the lines: at most one point per pixel column (the mean of the steps it covers)
        double legendY = top;
        for (Line l : lines) {
            g.setStroke(l.color());
            g.setLineWidth(l.dashed() ? 1.2 : 2);
            if (l.dashed()) {
                g.setLineDashes(4, 3);
            }
            double[][] pts = decimate(l.x(), l.y(), logY, (int) Math.max(2, right - left));
            boolean open = false;
            g.beginPath();
            boolean any = false;
            for (int i = 0; i < pts[0].length; i++) {
                double v = pts[1][i];
                if (!Double.isFinite(v)) {
                    open = false;
                    continue;
                }
                double x = xOf.applyAsDouble(pts[0][i]);
                double y = Math.max(top, Math.min(bottom, yOf.applyAsDouble(v)));
                if (open) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                    open = true;
                }
                any = true;
            }
            if (any) {
                g.stroke();
            }
            if (pts[0].length == 1 && Double.isFinite(pts[1][0])) {
                g.setFill(l.color());
                double x = xOf.applyAsDouble(pts[0][0]);
                double y = yOf.applyAsDouble(pts[1][0]);
                g.fillOval(x - 3, y - 3, 6, 6);
            }
            g.setLineDashes();
            if (l.label() != null) {
                g.setStroke(l.color());
                g.setLineWidth(2.5);
                g.strokeLine(right + 8, legendY + 8, right + 24, legendY + 8);
                g.setFill(l.label().contains("✕") ? WARN : INK);
                g.setFont(SMALL);
                g.setTextAlign(TextAlign.LEFT);
                g.setTextBaseline(Baseline.CENTER);
                g.fillText(HistogramChart.fit(g, l.label(), SMALL, legendW - 28), right + 28, legendY + 8);
                legendY += 17;
            }
        }
    }

    /** Whole exponents from lo to hi, every k-th so that about {@code target} fit. */
    static List<Double> decades(double lo, double hi, int target) {
        int a = (int) Math.ceil(lo - 1e-9);
        int b = (int) Math.floor(hi + 1e-9);
        int stride = Math.max(1, (int) Math.ceil((b - a) / (double) Math.max(1, target)));
        List<Double> t = new ArrayList<>();
        for (int e = a; e <= b; e += stride) {
            t.add((double) e);
        }
        return t;
    }

    /** "10⁻³" for −3. */
    static String powerLabel(double e) {
        if (Math.abs(e - Math.rint(e)) > 1e-9) {
            return Ticks.label(e);
        }
        long k = Math.round(e);
        if (k == 0) {
            return "1";
        }
        StringBuilder s = new StringBuilder("10");
        String digits = Long.toString(Math.abs(k));
        if (k < 0) {
            s.append('⁻');
        }
        for (char c : digits.toCharArray()) {
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

    /**
     * The points to draw: at most {@code columns} of them, each the mean of the consecutive points it covers
     * (in log10 for a log axis); a NaN or infinite value breaks the line.
     */
    static double[][] decimate(double[] x, double[] y, boolean log, int columns) {
        int n = x.length;
        int per = Math.max(1, (int) Math.ceil((double) n / columns));
        int m = (n + per - 1) / per;
        double[][] out = new double[2][m];
        for (int k = 0; k < m; k++) {
            double sx = 0;
            double sy = 0;
            int count = 0;
            boolean broken = false;
            for (int i = k * per; i < Math.min(n, (k + 1) * per); i++) {
                double v = log ? (y[i] > 0 ? Math.log10(y[i]) : Double.NaN) : y[i];
                sx += x[i];
                if (Double.isFinite(v)) {
                    sy += v;
                } else {
                    broken = true;
                }
                count++;
            }
            out[0][k] = sx / count;
            out[1][k] = broken ? Double.NaN : sy / count;
        }
        return out;
    }

    static Rgba mix(Rgba a, Rgba b, double t) {
        return Rgba.color(a.red() + (b.red() - a.red()) * t, a.green() + (b.green() - a.green()) * t,
                a.blue() + (b.blue() - a.blue()) * t, 1);
    }

    // ----------------------------------------------------------------------------------------------------------
    // the histogram over time

    /**
     * The common value range of a layer's tensor over all evaluations: the union of the evaluations' finite
     * ranges, so that every column shares one labelled axis; null when there is none.
     */
    public static double[] commonRange(TrainResult r, int layer, TensorKind tensor) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (EvalRecord e : r.evals()) {
            if (layer <= e.layers().size()) {
                Histogram h = summary(e.layers().get(layer - 1), tensor).histogram();
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
                out.add(summary(e.layers().get(layer - 1), tensor).histogram().rebin(range[0], range[1], bins));
            }
        }
        return out;
    }

    static void heatMap(Pen g, double w, double h, TrainResult r, int layer, TensorKind tensor,
                        ExperimentConfig config, int steps) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(INK);
        g.setFont(TITLE);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        String title = Plots.title(tensor) + " over the steps · " + r.strategy().label()
                + (config.depth() > 1 ? " · layer " + layer : "");
        g.fillText(HistogramChart.fit(g, title, TITLE, w - 12), 6, 4);
        double left = 70;
        double right = w - 12;
        double top = 28;
        double bottom = h - 34;
        double[] range = commonRange(r, layer, tensor);
        if (range == null || right - left < 40 || bottom - top < 30) {
            return;
        }
        int bins = Math.max(8, Math.min(80, (int) ((bottom - top) / 3)));
        List<Histogram> columns = rebinned(r, layer, tensor, range, bins);
        List<EvalRecord> evals = r.evals().stream().filter(e -> layer <= e.layers().size()).toList();
        double xMax = Math.max(1, steps);
        java.util.function.DoubleUnaryOperator xOf = v -> left + v / xMax * (right - left);
        Rgba hot = Palette.of(r.strategy());
        for (int c = 0; c < columns.size(); c++) {
            Histogram hc = columns.get(c);
            double x0 = xOf.applyAsDouble(evals.get(c).step());
            // a column reaches the next evaluation; the newest one is as wide as the interval before it (it used
            // to take a share of the whole axis, drawing the map far past the step training had reached)
            double x1 = columnEnd(x0, c + 1 < columns.size() ? xOf.applyAsDouble(evals.get(c + 1).step()) : Double.NaN,
                    c == 0 ? Double.NaN : xOf.applyAsDouble(evals.get(c - 1).step()), right);
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
        g.setStroke(INK);
        g.setLineWidth(1.2);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);
        g.setFont(SMALL);
        g.setFill(INK);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(Baseline.CENTER);
        List<Double> ticks = Ticks.of(range[0], range[1], Math.max(2, (int) ((bottom - top) / 36)));
        List<String> labels = Ticks.labels(ticks);
        for (int i = 0; i < ticks.size(); i++) {
            double y = bottom - (ticks.get(i) - range[0]) / (range[1] - range[0]) * (bottom - top);
            if (y >= top - 1 && y <= bottom + 1) {
                g.strokeLine(left - 4, y, left, y);
                g.fillText(labels.get(i), left - 6, y);
            }
        }
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.TOP);
        for (double t : Ticks.of(0, xMax, Math.max(2, (int) ((right - left) / 80)))) {
            double x = xOf.applyAsDouble(t);
            g.strokeLine(x, bottom, x, bottom + 4);
            g.fillText(Ticks.label(t), x, bottom + 5);
        }
        g.setFill(MUTED);
        g.fillText("step (a column per test-set evaluation, shaded by count)", (left + right) / 2, bottom + 19);
        g.save();
        g.translate(12, (top + bottom) / 2);
        g.rotate(-90);
        g.setTextBaseline(Baseline.CENTER);
        g.fillText(Plots.axisLabel(tensor, config.activation()), 0, 0);
        g.restore();
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
            return mix(Rgba.WHITE, c, 0.08 + t / 0.85 * 0.92);
        }
        return mix(c, Rgba.BLACK, (t - 0.85) / 0.15 * 0.4);
    }

    // ----------------------------------------------------------------------------------------------------------
    // decision boundaries

    static void boundaries(Pen g, double w, double h, List<TrainResult> all) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        List<TrainResult> with = all.stream().filter(r -> r.boundary() != null).toList();
        if (with.isEmpty()) {
            return;
        }
        int n = with.size();
        // the largest square cells that fit n panels in w × h
        int bestCols = 1;
        double best = 0;
        for (int cols = 1; cols <= n; cols++) {
            int rowsNeeded = (n + cols - 1) / cols;
            double side = Math.min(w / cols, h / rowsNeeded);
            if (side > best) {
                best = side;
                bestCols = cols;
            }
        }
        double side = best;
        for (int i = 0; i < n; i++) {
            double x = (i % bestCols) * side;
            double y = (i / bestCols) * side;
            TrainResult r = with.get(i);
            at(g, x, y, () -> boundary(g, side, r));
        }
    }

    static void boundary(Pen g, double side, TrainResult r) {
        Boundary b = r.boundary();
        double title = 20;
        double pad = 4;
        double s = side - title - 2 * pad;
        if (s < 20) {
            return;
        }
        g.setFill(r.diverged() ? WARN : Palette.of(r.strategy()));
        g.setFont(TextFont.bold(13));
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        double acc = r.evals().isEmpty() ? Double.NaN : r.evals().getLast().testAccuracy();
        String label = r.strategy().label() + (r.diverged() ? " · diverged"
                : Double.isFinite(acc) ? String.format(Locale.ROOT, " · test %.0f%%", 100 * acc) : "");
        g.fillText(HistogramChart.fit(g, label, TextFont.bold(13), side - 8), pad, 2);
        double x0 = pad;
        double y0 = title;
        double cell = s / b.size();
        // one rectangle per run of equal predictions in a row
        for (int i = 0; i < b.size(); i++) {
            double y = y0 + s - (i + 1) * cell;
            int j = 0;
            while (j < b.size()) {
                int k = b.predicted()[i * b.size() + j];
                int end = j + 1;
                while (end < b.size() && b.predicted()[i * b.size() + end] == k) {
                    end++;
                }
                g.setFill(mix(Rgba.WHITE, CLASSES[Math.floorMod(k, CLASSES.length)], 0.35));
                g.fillRect(x0 + j * cell, y, (end - j) * cell + 0.5, cell + 0.5);
                j = end;
            }
        }
        float[] p = b.pointsX();
        int points = b.pointLabels().length;
        int stride = Math.max(1, points / 600);
        double dot = Math.max(2.5, Math.min(5, s / 60));
        for (int i = 0; i < points; i += stride) {
            double px = (p[2 * i] - b.xLo()) / (b.xHi() - b.xLo());
            double py = (p[2 * i + 1] - b.yLo()) / (b.yHi() - b.yLo());
            if (px < 0 || px > 1 || py < 0 || py > 1) {
                continue;
            }
            g.setFill(mix(CLASSES[Math.floorMod(b.pointLabels()[i], CLASSES.length)], Rgba.BLACK, 0.25));
            g.fillOval(x0 + px * s - dot / 2, y0 + s - py * s - dot / 2, dot, dot);
        }
        g.setStroke(MUTED);
        g.setLineWidth(1);
        g.strokeLine(x0, y0, x0 + s, y0);
        g.strokeLine(x0, y0 + s, x0 + s, y0 + s);
        g.strokeLine(x0, y0, x0, y0 + s);
        g.strokeLine(x0 + s, y0, x0 + s, y0 + s);
    }
}
