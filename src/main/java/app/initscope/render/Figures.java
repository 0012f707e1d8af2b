package app.initscope.render;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.JacobianSpectrum;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.theory.MeanField;
import app.initscope.core.experiment.Counterparts;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Histogram;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The figures of the views, laid out once for the window and for every export: one histogram, the single view
 * (z, a, gradient), the compare grid, and the depth view. Each figure paints at any size: the export at its
 * preferred size (a PNG at 2× or 4× is rendered at that scale, never upscaled), the window at its canvas's size.
 * The same {@link HistogramChart} and {@link LayerLines} code draws every panel.
 */
public final class Figures {

    /**
     * What every view shares.
     *
     * @param layer       the hidden layer, 1-based (clamped to the depth)
     * @param gradient    the third tensor: DELTA, WEIGHT_GRADIENT or LOCAL_GRADIENT
     * @param caption     whether a line under the figure names the config
     * @param compareAxes how the compare grid's columns put their rows on x-axes
     */
    public record Options(int layer, TensorKind gradient, boolean logY, boolean theory, boolean lockAxes,
                          boolean caption, AxisMode compareAxes) {

        /** Layer 1, δ, linear counts, theory on, free axes, with a caption, compare on shared linear axes. */
        public static final Options DEFAULT = new Options(1, TensorKind.DELTA, false, true, false, true);

        /** Options with the compare grid on shared linear axes. */
        public Options(int layer, TensorKind gradient, boolean logY, boolean theory, boolean lockAxes,
                       boolean caption) {
            this(layer, gradient, logY, theory, lockAxes, caption, AxisMode.SHARED);
        }

        /** The same options with another compare axis mode. */
        public Options withCompareAxes(AxisMode mode) {
            return new Options(layer, gradient, logY, theory, lockAxes, caption, mode);
        }
    }

    private static final TextFont CAPTION = TextFont.regular(14);
    private static final TextFont HEAD = TextFont.bold(16);
    private static final TextFont ROW = TextFont.bold(15);
    private static final TextFont MODE = TextFont.regular(13);
    private static final Rgba INK = Rgba.web("#333333");
    private static final Rgba MUTED = Rgba.web("#666666");
    private static final Rgba CHOSEN = Rgba.web("#e3ecf7");
    private static final double CAPTION_H = 30;

    private Figures() {
    }

    /** "Xavier · tanh · fan_in 1000 · samples 1000 · width 1000 · depth 1 · seed 42". */
    public static String caption(ExperimentConfig c, Strategy s) {
        return String.format(Locale.ROOT, "%s%s · fan_in %d · samples %d · width %d · depth %d · seed %d",
                s == null ? "" : s.label() + " · ", c.activation().label(), c.fanIn(), c.samples(), c.width(),
                c.depth(), c.seed());
    }

    /** One histogram: z, the activation, or the gradient of one strategy and layer. */
    public static Figure histogram(ExperimentResult result, Strategy strategy, TensorKind tensor, Options o) {
        StrategyResult r = find(result, strategy);
        int layer = layer(r, o);
        HistogramChart.Data d = onSingleAxis(result, layer, l -> l.get(tensor), Plots.data(result, r, layer, tensor,
                Plots.title(tensor) + where(r, layer), o.theory(), o.logY()), o.lockAxes(), null);
        String caption = o.caption() ? caption(result.config(), strategy) : null;
        double capH = caption != null ? CAPTION_H : 0;
        return new Figure(strategy.id() + "-" + tensor.id() + "-layer" + layer, 640, 460 + capH,
                (pen, w, h) -> {
                    background(pen, w, h);
                    HistogramChart.paint(pen, w, h - capH, d, false);
                    caption(pen, caption, w, h - capH);
                }, List.of(new Figure.Panel(strategy.id(), layer, tensor.id(), d)));
    }

    /** The single view: z, the activation and the gradient of one strategy and layer, side by side. */
    public static Figure single(ExperimentResult result, Strategy strategy, Options o) {
        return single(result, strategy, o, null);
    }

    /**
     * The single view with a pinned "before" (or null): its histograms drawn faintly under the live ones, both on
     * the union of their ranges.
     */
    public static Figure single(ExperimentResult result, Strategy strategy, Options o, StrategyResult pinned) {
        return single(result, find(result, strategy), o, pinned);
    }

    /** The single view of a strategy's result (which the window may hold a moment before the result has it). */
    public static Figure single(ExperimentResult result, StrategyResult r, Options o, StrategyResult pinned) {
        Strategy strategy = r.strategy();
        int layer = layer(r, o);
        List<Figure.Panel> panels = new ArrayList<>();
        for (TensorKind k : new TensorKind[] {TensorKind.Z, TensorKind.ACTIVATION, o.gradient()}) {
            panels.add(new Figure.Panel(strategy.id(), layer, k.id(), onSingleAxis(result, layer, l -> l.get(k),
                    Plots.data(result, r, layer, k, Plots.title(k) + where(r, layer), o.theory(), o.logY()),
                    o.lockAxes(), pinned)));
        }
        if (r.layer(layer).normalized() != null) {
            // z, N(z), a and the gradient: what the normalization does to z before φ takes it
            String title = Plots.normalizedTitle(result.config().norm()) + where(r, layer);
            panels.add(1, new Figure.Panel(strategy.id(), layer, "normalized", onSingleAxis(result, layer,
                    LayerResult::normalized, Plots.normalizedData(result, r, layer, title, o.theory(), o.logY()),
                    o.lockAxes(), pinned)));
        }
        int count = panels.size();
        String caption = o.caption() ? caption(result.config(), strategy) : null;
        double capH = caption != null ? CAPTION_H : 0;
        return new Figure(strategy.id() + "-single-layer" + layer, 520 * count, 460 + capH, (pen, w, h) -> {
            background(pen, w, h);
            double pw = w / count;
            double ph = h - capH;
            for (int i = 0; i < count; i++) {
                HistogramChart.Data d = panels.get(i).data();
                at(pen, i * pw, 0, () -> HistogramChart.paint(pen, pw, ph, d, false));
            }
            caption(pen, caption, w, ph);
        }, panels);
    }

    /**
     * The compare grid: a row per strategy and the columns z | activation | gradient, each column's rows on
     * x-axes as {@link Options#compareAxes} says (counts re-binned), so that vanishing and saturation show at a
     * glance. The header of each column names its axis mode.
     */
    public static Figure compare(ExperimentResult result, List<Strategy> strategies, Options o) {
        return compare(result, strategies.stream().filter(s -> result.find(s).isPresent()).toList(), o, null);
    }

    /**
     * The compare grid with one strategy's row marked as the chosen one (or none); a strategy not computed yet
     * keeps its row, which says "computing…".
     */
    public static Figure compare(ExperimentResult result, List<Strategy> strategies, Options o, Strategy chosen) {
        // every listed strategy has a row; one not computed yet shows "computing…" until its result arrives
        List<Strategy> rows = List.copyOf(strategies);
        List<StrategyResult> present = rows.stream().map(s -> result.find(s).orElse(null))
                .filter(r -> r != null).toList();
        int layer = Math.min(Math.max(1, o.layer()), result.config().depth());
        TensorKind[] kinds = {TensorKind.Z, TensorKind.ACTIVATION, o.gradient()};
        List<Figure.Panel> panels = new ArrayList<>();
        List<List<HistogramChart.Data>> columns = new ArrayList<>();
        for (TensorKind k : kinds) {
            columns.add(Plots.column(present.stream()
                    .map(r -> Plots.data(result, r, layer, k, "", o.theory(), o.logY())).toList(), o.compareAxes()));
        }
        HistogramChart.Data[][] cells = new HistogramChart.Data[rows.size()][3];
        for (int p = 0; p < present.size(); p++) {
            int i = rows.indexOf(present.get(p).strategy());
            for (int c = 0; c < 3; c++) {
                cells[i][c] = columns.get(c).get(p);
                panels.add(new Figure.Panel(rows.get(i).id(), layer, kinds[c].id(), cells[i][c]));
            }
        }
        String[] modes = new String[3];
        for (int c = 0; c < 3; c++) {
            modes[c] = modeLabel(o.compareAxes(), columns.get(c));
        }
        double labelW = 140;
        double headH = 34;
        String caption = o.caption() ? caption(result.config(), null) : null;
        double capH = caption != null ? CAPTION_H : 0;
        int n = Math.max(1, rows.size());
        String where = result.config().depth() > 1 ? " · layer " + layer : "";
        Figure.Painter painter = (pen, w, h) -> {
            double cellW = (w - labelW) / 3;
            double cellH = (h - headH - capH) / n;
            background(pen, w, h);
            pen.setTextBaseline(Baseline.CENTER);
            for (int c = 0; c < 3; c++) {
                columnHead(pen, Plots.axisLabel(kinds[c], result.config()) + where, modes[c],
                        labelW + c * cellW, cellW, headH);
            }
            for (int i = 0; i < rows.size(); i++) {
                Strategy s = rows.get(i);
                double y = headH + i * cellH;
                if (s == chosen) {
                    pen.setFill(CHOSEN);
                    pen.fillRect(0, y, labelW - 4, cellH);
                }
                rowLabel(pen, s, y, cellH, labelW);
                for (int c = 0; c < 3; c++) {
                    HistogramChart.Data d = cells[i][c];
                    at(pen, labelW + c * cellW, y, () -> HistogramChart.paint(pen, cellW - 8, cellH - 6, d, true));
                }
            }
            caption(pen, caption, w, h - capH);
        };
        Figure.Locator locator = (w, h, x, y) -> {
            double cellH = (h - headH - capH) / n;
            int i = (int) Math.floor((y - headH) / cellH);
            return y >= headH && i >= 0 && i < rows.size() && x >= 0 && x <= w ? rows.get(i).id() : null;
        };
        return new Figure("compare-layer" + layer, labelW + 3 * 440, headH + rows.size() * 150 + capH, painter,
                panels, List.of(), locator);
    }

    /** What a column's header says of its axis, e.g. "shared symlog x-axis, c = 0.01". */
    static String modeLabel(AxisMode mode, List<HistogramChart.Data> column) {
        if (mode == AxisMode.SYMLOG && !column.isEmpty() && column.getFirst().scale().symlog()) {
            return mode.label() + ", c = " + Ticks.label(column.getFirst().scale().linthresh());
        }
        return mode.label();
    }

    private static void columnHead(Pen pen, String head, String mode, double x, double cellW, double headH) {
        double room = cellW - 12;
        double modeW = pen.textWidth(mode, MODE);
        boolean both = pen.textWidth(head, HEAD) + 12 + modeW <= room;
        pen.setFill(INK);
        pen.setFont(HEAD);
        pen.setTextAlign(TextAlign.LEFT);
        pen.fillText(both ? head : TextFit.fit(pen, head, HEAD, room), x + 6, both ? headH / 2 : headH / 2 - 7);
        pen.setFill(MUTED);
        pen.setFont(MODE);
        if (both) {
            pen.setTextAlign(TextAlign.RIGHT);
            pen.fillText(mode, x + cellW - 14, headH / 2 + 1);
        } else {
            pen.fillText(TextFit.fit(pen, mode, MODE, room), x + 6, headH / 2 + 9);
        }
    }

    /** A row's colour and name, on two lines when the name is wider than the label column. */
    private static void rowLabel(Pen pen, Strategy s, double y, double cellH, double labelW) {
        pen.setFill(Palette.of(s));
        pen.fillRect(8, y + cellH / 2 - 8, 16, 16);
        pen.setFill(INK);
        pen.setFont(ROW);
        pen.setTextAlign(TextAlign.LEFT);
        pen.setTextBaseline(Baseline.CENTER);
        String label = s.label();
        double room = labelW - 32 - 6;
        int space = label.lastIndexOf(' ');
        if (pen.textWidth(label, ROW) <= room || space < 0) {
            pen.fillText(TextFit.fit(pen, label, ROW, room), 32, y + cellH / 2);
        } else {
            pen.fillText(TextFit.fit(pen, label.substring(0, space), ROW, room), 32, y + cellH / 2 - 9);
            pen.fillText(TextFit.fit(pen, label.substring(space + 1), ROW, room), 32, y + cellH / 2 + 9);
        }
    }

    /**
     * The depth view: the activation and gradient histograms of every layer (each row on one axis), and std(a)
     * and std(gradient) by layer for the given strategies on a log axis.
     */
    public static Figure depth(ExperimentResult result, Strategy strategy, List<Strategy> lines, Options o) {
        return depth(result, strategy, lines, List.of(), o);
    }

    /**
     * The depth view with the shown strategy's counterparts "with and without" (runs of the same network with its
     * normalization or residual branches changed) drawn dashed in its colour on the std-by-layer charts.
     */
    public static Figure depth(ExperimentResult result, Strategy strategy, List<Strategy> lines,
                               List<Counterparts.Run> counterparts, Options o) {
        StrategyResult r = find(result, strategy);
        int depth = r.layers().size();
        List<HistogramChart.Data> as = new ArrayList<>();
        List<HistogramChart.Data> gs = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            // "layer 1 · preview" did not fit a cell at 1280×720: the std(a) chart's title says "preview" once
            as.add(Plots.data(result, r, l, TensorKind.ACTIVATION, "layer " + l, false, o.logY(), false));
            gs.add(Plots.data(result, r, l, o.gradient(), "layer " + l, false, o.logY(), false));
        }
        List<HistogramChart.Data> lockedA = Plots.locked(as);
        List<HistogramChart.Data> lockedG = Plots.locked(gs);
        List<Figure.Panel> panels = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            panels.add(new Figure.Panel(strategy.id(), l, TensorKind.ACTIVATION.id(), lockedA.get(l - 1)));
            panels.add(new Figure.Panel(strategy.id(), l, o.gradient().id(), lockedG.get(l - 1)));
        }
        List<LayerLines.Series> sa = new ArrayList<>();
        List<LayerLines.Series> sg = new ArrayList<>();
        for (Strategy s : lines) {
            result.find(s).ifPresent(sr -> {
                sa.add(new LayerLines.Series(s, stdByLayer(sr, TensorKind.ACTIVATION)));
                sg.add(new LayerLines.Series(s, stdByLayer(sr, o.gradient())));
            });
        }
        for (Counterparts.Run c : counterparts) {
            sa.add(new LayerLines.Series(strategy, stdByLayer(c.result(), TensorKind.ACTIVATION), c.label()));
            sg.add(new LayerLines.Series(strategy, stdByLayer(c.result(), o.gradient()), c.label()));
        }
        List<CorrelationChart.Series> corr = correlations(result, lines);
        JacobianSpectrum jacobian = r.jacobian();
        // with room for two, the shown strategy's spectrum beside the first compared one's: orthogonal vs Gaussian
        StrategyResult other = jacobian == null || !corr.isEmpty() ? null : lines.stream()
                .filter(s -> s != strategy).map(s -> result.find(s).orElse(null))
                .filter(x -> x != null && x.jacobian() != null).findFirst().orElse(null);
        int extras = (corr.isEmpty() ? 0 : 1) + (jacobian == null ? 0 : 1) + (other == null ? 0 : 1);
        int chartRows = extras > 0 ? 2 : 1;
        double sixXi = trainableDepth(result.config(), strategy);
        LayerLines.Guide guide = Double.isFinite(sixXi) && sixXi >= 1 && sixXi <= depth
                ? new LayerLines.Guide(sixXi, "6·ξ_c = " + Ticks.label(sixXi) + " (" + strategy.label() + ")",
                Palette.of(strategy)) : null;
        int columns = Math.min(depth, DEPTH_PER_BAND);
        int bands = depthBands(depth);
        double labelW = 40;
        String caption = o.caption() ? caption(result.config(), strategy) : null;
        double capH = caption != null ? CAPTION_H : 0;
        String symbol = o.gradient().symbol();
        String preview = result.preview() ? " · preview" : "";
        Figure.Painter painter = (pen, w, h) -> {
            double cw = (w - labelW) / columns;
            double available = h - capH;
            double chartH = available * DEPTH_CHART_H / (bands * 2 * DEPTH_CELL_H + chartRows * DEPTH_CHART_H);
            double cellH = (available - chartRows * chartH) / (2 * bands);
            double gridH = bands * 2 * cellH;
            background(pen, w, h);
            for (int b = 0; b < bands; b++) {
                pen.setFill(INK);
                pen.setFont(HEAD);
                pen.setTextAlign(TextAlign.CENTER);
                pen.setTextBaseline(Baseline.CENTER);
                pen.fillText("a", labelW / 2, b * 2 * cellH + cellH / 2);
                pen.fillText(symbol, labelW / 2, b * 2 * cellH + cellH * 1.5);
            }
            for (int l = 1; l <= depth; l++) {
                int band = (l - 1) / DEPTH_PER_BAND;
                double x = labelW + ((l - 1) % DEPTH_PER_BAND) * cw;
                HistogramChart.Data a = lockedA.get(l - 1);
                HistogramChart.Data g = lockedG.get(l - 1);
                at(pen, x, band * 2 * cellH, () -> HistogramChart.paint(pen, cw - 4, cellH - 4, a, true));
                at(pen, x, band * 2 * cellH + cellH, () -> HistogramChart.paint(pen, cw - 4, cellH - 4, g, true));
            }
            at(pen, 0, gridH, () -> LayerLines.paint(pen, w / 2 - 5, chartH, "std(a) by layer" + preview,
                    "std(a), log scale", sa, guide));
            at(pen, w / 2 + 5, gridH, () -> LayerLines.paint(pen, w / 2 - 5, chartH, "std(" + symbol + ") by layer",
                    "std(" + symbol + "), log scale", sg));
            if (extras > 0) {
                double ew = w / extras;
                double x = 0;
                if (!corr.isEmpty()) {
                    at(pen, x, gridH + chartH, () -> CorrelationChart.paint(pen, ew - 5, chartH,
                            "correlation of two inputs by layer (c₀ = "
                                    + Ticks.label(result.config().get(Catalog.INPUT_CORRELATION)) + ")", corr));
                    x += ew;
                }
                if (jacobian != null) {
                    double jx = x;
                    at(pen, jx + 5, gridH + chartH, () -> SpectrumChart.paint(pen, ew - 5, chartH, strategy,
                            jacobian));
                    x += ew;
                }
                if (other != null) {
                    double ox = x;
                    at(pen, ox + 5, gridH + chartH, () -> SpectrumChart.paint(pen, ew - 5, chartH, other.strategy(),
                            other.jacobian()));
                }
            }
            caption(pen, caption, w, gridH + chartRows * chartH);
        };
        double w = Math.max(1200, labelW + columns * DEPTH_CELL_W);
        double h = bands * 2 * DEPTH_CELL_H + chartRows * DEPTH_CHART_H + capH;
        List<LayerLines.Series> all = new ArrayList<>(sa);
        all.addAll(sg);
        return new Figure(strategy.id() + "-depth", w, h, painter, panels, all, (fw, fh, x, y) -> null);
    }

    private static double[] stdByLayer(StrategyResult r, TensorKind tensor) {
        return r.layers().stream().mapToDouble(x -> x.get(tensor).std()).toArray();
    }

    /** The rows of line charts the depth view draws under its histograms: 1, or 2 with correlations or a Jacobian. */
    public static int depthChartRows(ExperimentResult result, Strategy shown) {
        boolean jac = result.find(shown).map(r -> r.jacobian() != null).orElse(false);
        return jac || !correlations(result, List.of(shown)).isEmpty() ? 2 : 1;
    }

    /**
     * The measured and predicted correlations of the strategies, when the network has two layers or more and its
     * inputs are correlated (c₀ &gt; 0) or its biases pull them together (σ_b &gt; 0); none otherwise.
     */
    public static List<CorrelationChart.Series> correlations(ExperimentResult result, List<Strategy> strategies) {
        ExperimentConfig c = result.config();
        if (c.depth() < 2 || !(c.get(Catalog.INPUT_CORRELATION) > 0 || c.get(Catalog.SIGMA_B) > 0)) {
            return List.of();
        }
        List<CorrelationChart.Series> out = new ArrayList<>();
        for (Strategy s : strategies) {
            result.find(s).ifPresent(sr -> {
                double[] m = sr.layers().stream().mapToDouble(x -> x.correlation()).toArray();
                double[] p = sr.layers().stream().mapToDouble(x -> x.theory().correlation()).toArray();
                if (java.util.Arrays.stream(m).anyMatch(Double::isFinite)) {
                    out.add(new CorrelationChart.Series(s, m, p));
                }
            });
        }
        return out;
    }

    /**
     * The trainable-depth guide 6·ξ_c of Schoenholz et al. for a strategy's hidden layers: σ_w² = width·Var(w) by
     * its rule, σ_b² = sigmaB²; NaN where the theory does not describe it (a non-zero mean, LSUV's rescaling) or
     * cannot be trusted, and until {@link TheoryCache#prepare} has computed it; +∞ at criticality.
     */
    public static double trainableDepth(ExperimentConfig c, Strategy s) {
        double w2 = TheoryCache.sigmaW2(c, s, c.width(), c.width());
        if (!(w2 > 0) || !TheoryCache.reliable(c, w2)) {
            return Double.NaN;
        }
        MeanField.Point p = TheoryCache.point(c, w2, Catalog.sigmaB2(c));
        return p == null ? Double.NaN : p.trainableDepth();
    }


    /** Layers per band of the depth view's small multiples; deeper networks wrap to further bands. */
    public static final int DEPTH_PER_BAND = 10;
    private static final double DEPTH_CELL_W = 160;
    private static final double DEPTH_CELL_H = 140;
    private static final double DEPTH_CHART_H = 320;

    /** The bands of small multiples the depth view needs for a depth. */
    public static int depthBands(int depth) {
        return (depth + DEPTH_PER_BAND - 1) / DEPTH_PER_BAND;
    }

    private static StrategyResult find(ExperimentResult result, Strategy s) {
        return result.find(s).orElseThrow(() -> new IllegalArgumentException(
                "strategy '" + s.id() + "' is not in the result; computed: " + result.results().stream()
                        .map(x -> x.strategy().id()).toList()));
    }

    private static int layer(StrategyResult r, Options o) {
        return Math.min(Math.max(1, o.layer()), r.layers().size());
    }

    private static String where(StrategyResult r, int layer) {
        return r.layers().size() > 1 ? " · layer " + layer : "";
    }

    /**
     * A single-view histogram on its x-axis: its own, or with "lock axes" the union of that tensor's ranges over
     * every strategy; with a pinned "before", that union also holds the pinned histogram, drawn as a ghost.
     */
    private static HistogramChart.Data onSingleAxis(ExperimentResult all, int layer,
                                                    Function<LayerResult, Summary> tensor, HistogramChart.Data d,
                                                    boolean lock, StrategyResult pinned) {
        Summary pinnedSummary = pinned == null ? null : tensor.apply(pinned.layer(Math.min(layer,
                pinned.layers().size())));
        Histogram ghost = pinnedSummary == null ? null : pinnedSummary.histogram();
        List<Histogram> hs = new ArrayList<>();
        if (lock) {
            all.results().stream().filter(s -> s.layers().size() >= layer).map(s -> tensor.apply(s.layer(layer)))
                    .filter(Objects::nonNull).forEach(s -> hs.add(s.histogram()));
        }
        if (ghost != null) {
            hs.add(d.histogram());
            hs.add(ghost);
        }
        if (hs.isEmpty()) {
            return d;
        }
        double[] range = Plots.union(hs);
        HistogramChart.Data live = Plots.onAxis(d, range);
        if (ghost == null || range == null) {
            return live;
        }
        return live.withGhost(ghost.rebin(range[0], range[1], live.histogram().bins()), pinned.strategy().label());
    }

    private static void background(Pen pen, double w, double h) {
        pen.setFill(Rgba.WHITE);
        pen.fillRect(0, 0, w, h);
    }

    private static void at(Pen pen, double x, double y, Runnable paint) {
        pen.save();
        pen.translate(x, y);
        paint.run();
        pen.restore();
    }

    private static void caption(Pen pen, String caption, double w, double y) {
        if (caption == null) {
            return;
        }
        pen.setFill(INK);
        pen.setFont(CAPTION);
        pen.setTextAlign(TextAlign.CENTER);
        pen.setTextBaseline(Baseline.CENTER);
        pen.fillText(caption, w / 2, y + CAPTION_H / 2);
    }
}
