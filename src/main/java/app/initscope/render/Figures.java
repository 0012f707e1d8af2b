package app.initscope.render;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The exportable views, laid out for a slide: one histogram, the single view (z, a, gradient), the compare grid,
 * and the depth view. They paint with the same {@link HistogramChart} and {@link LayerLines} code as the window,
 * on a fixed logical size, so a PNG at 2× or 4× is rendered at that scale, never upscaled.
 */
public final class Figures {

    /**
     * What every view shares.
     *
     * @param layer    the hidden layer, 1-based (clamped to the depth)
     * @param gradient the third tensor: DELTA, WEIGHT_GRADIENT or LOCAL_GRADIENT
     * @param caption  whether a line under the figure names the config
     */
    public record Options(int layer, TensorKind gradient, boolean logY, boolean theory, boolean lockAxes,
                          boolean caption) {

        /** Layer 1, δ, linear counts, theory on, free axes, with a caption. */
        public static final Options DEFAULT = new Options(1, TensorKind.DELTA, false, true, false, true);
    }

    private static final Font CAPTION = Font.font("DejaVu Sans", 14);
    private static final Font HEAD = Font.font("DejaVu Sans", FontWeight.BOLD, 16);
    private static final Font ROW = Font.font("DejaVu Sans", FontWeight.BOLD, 15);
    private static final Color INK = Color.web("#333333");
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
        HistogramChart.Data d = axis(result, layer, tensor, Plots.data(result, r, layer, tensor,
                Plots.title(tensor) + where(r, layer), o.theory(), o.logY()), o.lockAxes());
        double w = 640;
        double h = 460;
        String caption = o.caption() ? caption(result.config(), strategy) : null;
        return new Figure(strategy.id() + "-" + tensor.id() + "-layer" + layer, w, h + (caption != null ? CAPTION_H : 0),
                pen -> {
                    background(pen, w, h + (caption != null ? CAPTION_H : 0));
                    HistogramChart.paint(pen, w, h, d, false);
                    caption(pen, caption, w, h);
                }, List.of(new Figure.Panel(strategy.id(), layer, tensor.id(), d)));
    }

    /** The single view: z, the activation and the gradient of one strategy and layer, side by side. */
    public static Figure single(ExperimentResult result, Strategy strategy, Options o) {
        StrategyResult r = find(result, strategy);
        int layer = layer(r, o);
        TensorKind[] kinds = {TensorKind.Z, TensorKind.ACTIVATION, o.gradient()};
        List<Figure.Panel> panels = new ArrayList<>();
        for (TensorKind k : kinds) {
            panels.add(new Figure.Panel(strategy.id(), layer, k.id(), axis(result, layer, k, Plots.data(result, r, layer,
                    k, Plots.title(k) + where(r, layer), o.theory(), o.logY()), o.lockAxes())));
        }
        double pw = 520;
        double ph = 460;
        double w = pw * 3;
        String caption = o.caption() ? caption(result.config(), strategy) : null;
        double h = ph + (caption != null ? CAPTION_H : 0);
        return new Figure(strategy.id() + "-single-layer" + layer, w, h, pen -> {
            background(pen, w, h);
            for (int i = 0; i < 3; i++) {
                HistogramChart.Data d = panels.get(i).data();
                at(pen, i * pw, 0, () -> HistogramChart.paint(pen, pw, ph, d, false));
            }
            caption(pen, caption, w, ph);
        }, panels);
    }

    /**
     * The compare grid: a row per strategy and the columns z | activation | gradient, each column on one shared
     * x-axis (counts re-binned), so that vanishing and saturation show at a glance.
     */
    public static Figure compare(ExperimentResult result, List<Strategy> strategies, Options o) {
        List<StrategyResult> rows = strategies.stream().map(s -> result.find(s).orElse(null))
                .filter(r -> r != null).toList();
        int layer = Math.min(Math.max(1, o.layer()), result.config().depth());
        TensorKind[] kinds = {TensorKind.Z, TensorKind.ACTIVATION, o.gradient()};
        List<Figure.Panel> panels = new ArrayList<>();
        List<List<HistogramChart.Data>> columns = new ArrayList<>();
        for (TensorKind k : kinds) {
            List<HistogramChart.Data> column = Plots.locked(rows.stream()
                    .map(r -> Plots.data(result, r, layer, k, "", o.theory(), o.logY())).toList());
            columns.add(column);
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 3; c++) {
                panels.add(new Figure.Panel(rows.get(i).strategy().id(), layer, kinds[c].id(), columns.get(c).get(i)));
            }
        }
        double labelW = 140;
        double cellW = 440;
        double cellH = 150;
        double headH = 34;
        double w = labelW + 3 * cellW;
        String caption = o.caption() ? caption(result.config(), null) : null;
        double gridH = headH + rows.size() * cellH;
        double h = gridH + (caption != null ? CAPTION_H : 0);
        String where = result.config().depth() > 1 ? " · layer " + layer : "";
        return new Figure("compare-layer" + layer, w, h, pen -> {
            background(pen, w, h);
            pen.setFill(INK);
            pen.setFont(HEAD);
            pen.setTextAlign(TextAlignment.LEFT);
            pen.setTextBaseline(VPos.CENTER);
            for (int c = 0; c < 3; c++) {
                pen.fillText(Plots.axisLabel(kinds[c], result.config().activation()) + where,
                        labelW + c * cellW + 6, headH / 2);
            }
            for (int i = 0; i < rows.size(); i++) {
                Strategy s = rows.get(i).strategy();
                double y = headH + i * cellH;
                pen.setFill(Palette.of(s));
                pen.fillRect(8, y + cellH / 2 - 8, 16, 16);
                pen.setFill(INK);
                pen.setFont(ROW);
                pen.setTextAlign(TextAlignment.LEFT);
                pen.setTextBaseline(VPos.CENTER);
                pen.fillText(s.label(), 32, y + cellH / 2);
                for (int c = 0; c < 3; c++) {
                    HistogramChart.Data d = columns.get(c).get(i);
                    at(pen, labelW + c * cellW, y, () -> HistogramChart.paint(pen, cellW - 8, cellH - 6, d, true));
                }
            }
            caption(pen, caption, w, gridH);
        }, panels);
    }

    /**
     * The depth view: the activation and gradient histograms of every layer (each row on one axis), and std(a)
     * and std(gradient) by layer for the given strategies on a log axis.
     */
    public static Figure depth(ExperimentResult result, Strategy strategy, List<Strategy> lines, Options o) {
        StrategyResult r = find(result, strategy);
        int depth = r.layers().size();
        List<HistogramChart.Data> as = new ArrayList<>();
        List<HistogramChart.Data> gs = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            as.add(Plots.data(result, r, l, TensorKind.ACTIVATION, "layer " + l, false, o.logY()));
            gs.add(Plots.data(result, r, l, o.gradient(), "layer " + l, false, o.logY()));
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
                sa.add(new LayerLines.Series(s, sr.layers().stream().mapToDouble(x -> x.activation().std()).toArray()));
                sg.add(new LayerLines.Series(s, sr.layers().stream().mapToDouble(x -> x.get(o.gradient()).std())
                        .toArray()));
            });
        }
        int perBand = 10;
        int columns = Math.min(depth, perBand);
        int bands = (depth + perBand - 1) / perBand;
        double labelW = 40;
        double cellW = 160;
        double cellH = 140;
        double w = Math.max(1200, labelW + columns * cellW);
        double cw = (w - labelW) / columns;
        double gridH = bands * 2 * cellH;
        double chartH = 320;
        String caption = o.caption() ? caption(result.config(), strategy) : null;
        double h = gridH + chartH + (caption != null ? CAPTION_H : 0);
        String symbol = o.gradient().symbol();
        return new Figure(strategy.id() + "-depth", w, h, pen -> {
            background(pen, w, h);
            for (int b = 0; b < bands; b++) {
                pen.setFill(INK);
                pen.setFont(HEAD);
                pen.setTextAlign(TextAlignment.CENTER);
                pen.setTextBaseline(VPos.CENTER);
                pen.fillText("a", labelW / 2, b * 2 * cellH + cellH / 2);
                pen.fillText(symbol, labelW / 2, b * 2 * cellH + cellH * 1.5);
            }
            for (int l = 1; l <= depth; l++) {
                int band = (l - 1) / perBand;
                double x = labelW + ((l - 1) % perBand) * cw;
                HistogramChart.Data a = lockedA.get(l - 1);
                HistogramChart.Data g = lockedG.get(l - 1);
                at(pen, x, band * 2 * cellH, () -> HistogramChart.paint(pen, cw - 4, cellH - 4, a, true));
                at(pen, x, band * 2 * cellH + cellH, () -> HistogramChart.paint(pen, cw - 4, cellH - 4, g, true));
            }
            at(pen, 0, gridH, () -> LayerLines.paint(pen, w / 2 - 5, chartH, "std(a) by layer",
                    "std(a), log scale", sa));
            at(pen, w / 2 + 5, gridH, () -> LayerLines.paint(pen, w / 2 - 5, chartH, "std(" + symbol + ") by layer",
                    "std(" + symbol + "), log scale", sg));
            caption(pen, caption, w, gridH + chartH);
        }, panels);
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


    private static HistogramChart.Data axis(ExperimentResult all, int layer, TensorKind kind, HistogramChart.Data d,
                                            boolean lock) {
        if (!lock) {
            return d;
        }
        return Plots.onAxis(d, Plots.union(all.results().stream().filter(s -> s.layers().size() >= layer)
                .map(s -> s.layer(layer).get(kind).histogram()).toList()));
    }

    private static void background(Pen pen, double w, double h) {
        pen.setFill(Color.WHITE);
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
        pen.setTextAlign(TextAlignment.CENTER);
        pen.setTextBaseline(VPos.CENTER);
        pen.fillText(caption, w / 2, y + CAPTION_H / 2);
    }
}
