package app.initscope.render;

import app.initscope.core.init.Strategy;
import java.util.List;

/**
 * Paints a line chart of one statistic by layer, one line per strategy, on a log y-axis: how the signal grows or
 * shrinks with depth. A value of 0 (or not finite) cannot sit on a log axis: it is drawn as an open marker on the
 * bottom edge and the legend says so.
 */
public final class LayerLines {

    /** One strategy's values, for layers 1, 2, … */
    public record Series(Strategy strategy, double[] values) {
    }

    private static final TextFont TITLE = TextFont.bold(15);
    private static final TextFont TEXT = TextFont.regular(13);
    private static final Rgba AXIS = Rgba.web("#333333");
    private static final Rgba GRID = Rgba.web("#e6e6e6");

    private LayerLines() {
    }

    public static void paint(Pen g, double w, double h, String title, String yLabel, List<Series> series) {
        paint(g, w, h, title, yLabel, series, null);
    }

    /**
     * A vertical guide at a (fractional) layer, e.g. the trainable depth 6·ξ_c, with its label.
     *
     * @param layer  where, in layers; drawn only within the chart's layers
     * @param label  what the line says, e.g. {@code 6·ξ_c = 12.3}
     * @param colour its colour
     */
    public record Guide(double layer, String label, Rgba colour) {
    }

    /** The chart with a vertical guide (or none: null). */
    public static void paint(Pen g, double w, double h, String title, String yLabel, List<Series> series,
                             Guide guide) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(AXIS);
        g.setFont(TITLE);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText(title, 8, 4);
        int layers = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double legendW = 150;
        double left = 80;
        double right = w - legendW - 10;
        double top = 30;
        double bottom = h - 44;
        if (layers == 0 || right - left < 60 || bottom - top < 40) {
            return;
        }
        if (!(lo <= hi)) {
            lo = 1e-3;
            hi = 1;
        }
        int eLo = (int) Math.floor(Math.log10(lo));
        int eHi = (int) Math.ceil(Math.log10(hi));
        if (eHi == eLo) {
            eHi++;
        }
        int decades = eHi - eLo;
        int step = Math.max(1, (int) Math.ceil(decades / Math.max(1.0, (bottom - top) / 28)));
        final double yLo = eLo;
        final double yHi = eHi;
        java.util.function.DoubleUnaryOperator yOf = v -> bottom - (Math.log10(v) - yLo) / (yHi - yLo) * (bottom - top);
        java.util.function.IntToDoubleFunction xOf = l -> layers == 1 ? (left + right) / 2
                : left + (l - 1) * (right - left) / (layers - 1);

        g.setFont(TEXT);
        g.setLineWidth(1);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(Baseline.CENTER);
        for (int e = eLo; e <= eHi; e += step) {
            double y = yOf.applyAsDouble(Math.pow(10, e));
            g.setStroke(GRID);
            g.strokeLine(left, y, right, y);
            g.setFill(AXIS);
            g.fillText(e == 0 ? "1" : "1e" + e, left - 6, y);
        }
        layerAxis(g, left, right, top, bottom, layers, xOf, yLabel);
        g.setStroke(AXIS);
        g.setLineWidth(1.5);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);

        if (guide != null && layers > 1 && guide.layer() >= 1 && guide.layer() <= layers) {
            double gx = left + (guide.layer() - 1) * (right - left) / (layers - 1);
            g.setStroke(guide.colour());
            g.setLineWidth(2);
            g.setLineDashes(8, 5);
            g.strokeLine(gx, top, gx, bottom);
            g.setLineDashes();
            double tw = g.textWidth(guide.label(), TEXT);
            double lx = gx + 6 + tw > right ? gx - 6 - tw : gx + 6;
            g.setFill(Rgba.color(1, 1, 1, 0.85));
            g.fillRect(lx - 2, top, tw + 4, 18);
            g.setFill(guide.colour());
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(Baseline.TOP);
            g.fillText(guide.label(), lx, top + 2);
        }
        double legendY = top;
        for (Series s : series) {
            Rgba c = Palette.of(s.strategy());
            g.setStroke(c);
            g.setFill(c);
            g.setLineWidth(2.5);
            boolean anyZero = false;
            double px = Double.NaN;
            double py = Double.NaN;
            for (int l = 1; l <= s.values().length; l++) {
                double v = s.values()[l - 1];
                double x = xOf.applyAsDouble(l);
                if (v > 0 && Double.isFinite(v)) {
                    double y = yOf.applyAsDouble(v);
                    if (!Double.isNaN(px)) {
                        g.strokeLine(px, py, x, y);
                    }
                    g.fillOval(x - 3.5, y - 3.5, 7, 7);
                    px = x;
                    py = y;
                } else {
                    anyZero = true;
                    g.setLineWidth(2);
                    g.strokeOval(x - 4, bottom - 4, 8, 8);
                    g.setLineWidth(2.5);
                    px = Double.NaN;
                }
            }
            g.strokeLine(right + 14, legendY + 9, right + 38, legendY + 9);
            g.setFill(AXIS);
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(Baseline.CENTER);
            g.fillText(s.strategy().label() + (anyZero ? " (0)" : ""), right + 44, legendY + 9);
            legendY += 20;
        }
    }

    /** The layer axis under a by-layer chart (ticks 1..layers, thinned to fit) and the chart's rotated y label. */
    static void layerAxis(Pen g, double left, double right, double top, double bottom, int layers,
                          java.util.function.IntToDoubleFunction xOf, String yLabel) {
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.TOP);
        int xStep = Math.max(1, (int) Math.ceil(layers / Math.max(1.0, (right - left) / 34)));
        for (int l = 1; l <= layers; l += xStep) {
            double x = xOf.applyAsDouble(l);
            g.setStroke(AXIS);
            g.strokeLine(x, bottom, x, bottom + 4);
            g.setFill(AXIS);
            g.fillText(Integer.toString(l), x, bottom + 6);
        }
        g.fillText("layer", (left + right) / 2, bottom + 24);
        g.save();
        g.translate(8, (top + bottom) / 2);
        g.rotate(-90);
        g.fillText(yLabel, 0, 0);
        g.restore();
    }
}
