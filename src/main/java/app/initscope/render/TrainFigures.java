package app.initscope.render;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Summary;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.EvalLayer;
import app.initscope.core.train.EvalRecord;
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
     * @param batch    the accuracy chart also shows each step's batch accuracy (faint, dashed); off, it shows the
     *                 test accuracy alone, which the batch lines cluttered
     */
    public record Options(Strategy strategy, Strategy focus, int layer, TensorKind tensor, int eval, boolean logY,
                          boolean caption, boolean batch) {

        public static final Options DEFAULT = new Options(null, null, 1, TensorKind.ACTIVATION, -1, false, false);

        /** Options without the batch accuracy. */
        public Options(Strategy strategy, Strategy focus, int layer, TensorKind tensor, int eval, boolean logY,
                       boolean caption) {
            this(strategy, focus, layer, tensor, eval, logY, caption, false);
        }

        /** The same options with the batch accuracy shown or not. */
        public Options withBatch(boolean on) {
            return new Options(strategy, focus, layer, tensor, eval, logY, caption, on);
        }

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
    static final Rgba MUTED = ChartFrame.MUTED;

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
                        + (config.depth() > 1 ? " · layer " + layer : ""), Plots.axisLabel(k, config),
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
        List<ChartFrame> row = new ArrayList<>();
        row.add(TrainCharts.loss(all, train.steps()));
        if (classes) {
            row.add(TrainCharts.accuracy(all, train.steps(), o.batch()));
        }
        row.add(TrainCharts.ratio(all, o.strategy(), layer, train.steps()));
        for (int i = 0; i < row.size(); i++) {
            ChartFrame chart = row.get(i);
            at(pen, i * (cw + gap), top, () -> chart.paint(pen, cw, r1));
        }
        // row 2: the heat map, and the boundaries of a 2-D set
        double y2 = top + r1 + gap;
        double heatW = boundaries ? Math.max(w * 0.38, w - r2 * Math.min(all.size(), 6) - gap) : w;
        at(pen, 0, y2, () -> TrainHeatMap.paint(pen, heatW, r2, focus, layer, o.tensor(), config, train.steps()));
        if (boundaries) {
            double bx = heatW + gap;
            at(pen, bx, y2, () -> DecisionRegions.boundaries(pen, w - bx, r2, all));
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

    static void at(Pen pen, double x, double y, Runnable paint) {
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
}
