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

    private static final double[] DASHED = {6, 4};

    private CorrelationChart() {
    }

    public static void paint(Pen g, double w, double h, String title, List<Series> series) {
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
        ChartFrame frame = ChartFrame.of(ChartFrame.Style.LAYERS.withLeft(64), title, ChartAxis.layers(layers),
                ChartAxis.fixed(lo, 1, "correlation of z").withTicks(ChartAxis.TickRule.NICE,
                        ChartAxis.TickFormat.PLAIN, 30));
        if (layers == 0) {
            frame.paintTitle(g, w, h);
            return;
        }
        List<ChartFrame.Series> lines = new java.util.ArrayList<>();
        for (Series s : series) {
            Rgba c = Palette.of(s.strategy());
            // the prediction dashed under the measurement; the legend entry is the measurement's
            lines.add(ChartFrame.Series.byLayer(null, c, s.predicted()).styled(2, DASHED));
            lines.add(ChartFrame.Series.byLayer(s.strategy().label(), c, s.measured()).styled(2.5).withDots(false));
        }
        frame.withSeries(lines).withKeys(List.of(new ChartFrame.Key("measured", ChartFrame.INK, new double[0]),
                new ChartFrame.Key("c-map", ChartFrame.INK, DASHED))).paint(g, w, h);
    }
}
