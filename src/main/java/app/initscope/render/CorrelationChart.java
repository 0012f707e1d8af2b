package app.initscope.render;

import app.initscope.core.init.Strategy;
import java.util.List;

/**
 * The mean pairwise correlation of the samples' z by layer: measured (solid, with dots) against the mean-field
 * correlation map's prediction (dashed), one colour per strategy, on a linear axis that holds [0, 1].
 */
public final class CorrelationChart {

    /** One strategy's measured and predicted correlations for layers 1, 2, … (NaN where not known). */
    public record Series(Strategy strategy, double[] measured, double[] predicted) {
    }

    private static final TextFont TITLE = TextFont.bold(15);
    private static final TextFont TEXT = TextFont.regular(13);
    private static final Rgba AXIS = Rgba.web("#333333");
    private static final Rgba GRID = Rgba.web("#e6e6e6");

    private CorrelationChart() {
    }

    public static void paint(Pen g, double w, double h, String title, List<Series> series) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(AXIS);
        g.setFont(TITLE);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText(title, 8, 4);
        int layers = series.stream().mapToInt(s -> s.measured().length).max().orElse(0);
        double lo = 0;
        for (Series s : series) {
            for (double[] vs : List.of(s.measured(), s.predicted())) {
                for (double v : vs) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                    }
                }
            }
        }
        lo = Math.max(-1, Math.floor(lo * 10) / 10);
        double hi = 1;
        double legendW = 150;
        double left = 64;
        double right = w - legendW - 10;
        double top = 30;
        double bottom = h - 44;
        if (layers == 0 || right - left < 60 || bottom - top < 40) {
            return;
        }
        double yLo = lo;
        java.util.function.DoubleUnaryOperator yOf = v -> bottom - (v - yLo) / (hi - yLo) * (bottom - top);
        java.util.function.IntToDoubleFunction xOf = l -> layers == 1 ? (left + right) / 2
                : left + (l - 1) * (right - left) / (layers - 1);
        g.setFont(TEXT);
        g.setLineWidth(1);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(Baseline.CENTER);
        for (double t : Ticks.of(lo, hi, Math.max(2, (int) ((bottom - top) / 30)))) {
            double y = yOf.applyAsDouble(t);
            g.setStroke(GRID);
            g.strokeLine(left, y, right, y);
            g.setFill(AXIS);
            g.fillText(Ticks.label(t), left - 6, y);
        }
        LayerLines.layerAxis(g, left, right, top, bottom, layers, xOf, "correlation of z");
        g.setStroke(AXIS);
        g.setLineWidth(1.5);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);

        double legendY = top;
        for (Series s : series) {
            Rgba c = Palette.of(s.strategy());
            g.setStroke(c);
            g.setFill(c);
            line(g, s.predicted(), xOf, yOf, true);
            line(g, s.measured(), xOf, yOf, false);
            g.setLineWidth(2.5);
            g.setLineDashes();
            g.strokeLine(right + 14, legendY + 9, right + 38, legendY + 9);
            g.setFill(AXIS);
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(Baseline.CENTER);
            g.fillText(s.strategy().label(), right + 44, legendY + 9);
            legendY += 20;
        }
        g.setStroke(AXIS);
        g.setLineWidth(2.5);
        g.strokeLine(right + 14, legendY + 15, right + 38, legendY + 15);
        g.fillText("measured", right + 44, legendY + 15);
        g.setLineDashes(6, 4);
        g.strokeLine(right + 14, legendY + 35, right + 38, legendY + 35);
        g.setLineDashes();
        g.fillText("c-map", right + 44, legendY + 35);
    }

    private static void line(Pen g, double[] vs, java.util.function.IntToDoubleFunction xOf,
                             java.util.function.DoubleUnaryOperator yOf, boolean dashed) {
        g.setLineWidth(dashed ? 2 : 2.5);
        if (dashed) {
            g.setLineDashes(6, 4);
        } else {
            g.setLineDashes();
        }
        double px = Double.NaN;
        double py = Double.NaN;
        for (int l = 1; l <= vs.length; l++) {
            double v = vs[l - 1];
            if (!Double.isFinite(v)) {
                px = Double.NaN;
                continue;
            }
            double x = xOf.applyAsDouble(l);
            double y = yOf.applyAsDouble(v);
            if (!Double.isNaN(px)) {
                g.strokeLine(px, py, x, y);
            }
            if (!dashed) {
                g.fillOval(x - 3.5, y - 3.5, 7, 7);
            }
            px = x;
            py = y;
        }
        g.setLineDashes();
    }
}
