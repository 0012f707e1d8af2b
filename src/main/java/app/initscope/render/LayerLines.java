package app.initscope.render;

import app.initscope.core.init.Strategy;
import java.util.List;

/**
 * Paints a line chart of one statistic by layer, one line per strategy, on a log y-axis: how the signal grows or
 * shrinks with depth. A value of 0 (or not finite) cannot sit on a log axis: it is drawn as an open marker on the
 * bottom edge and the legend says so.
 */
public final class LayerLines {

    /**
     * One strategy's values, for layers 1, 2, …
     *
     * @param variant what differs from the measured network ("without BatchNorm"), drawn dashed after the
     *                strategy's name; null for the network itself, drawn solid
     */
    public record Series(Strategy strategy, double[] values, String variant) {

        /** The network itself, drawn solid. */
        public Series(Strategy strategy, double[] values) {
            this(strategy, values, null);
        }
    }

    /** The dashes of the counterparts, one pattern each in turn. */
    private static final double[][] VARIANT_DASHES = {{12, 5}, {2, 4}, {10, 4, 2, 4}, {5, 3}};

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
        int layers = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
        // the counterparts' longer names get a legend as wide as they need (at most 40 % of the chart)
        boolean anyVariant = series.stream().anyMatch(s -> s.variant() != null);
        ChartFrame frame = ChartFrame.of(anyVariant ? ChartFrame.Style.LAYERS.withLegendWidth(Double.NaN)
                : ChartFrame.Style.LAYERS, title, ChartAxis.layers(layers),
                ChartAxis.decades(yLabel));
        if (layers == 0) {
            frame.paintTitle(g, w, h);
            return;
        }
        List<ChartFrame.Series> lines = new java.util.ArrayList<>();
        int variants = 0;
        for (Series s : series) {
            boolean anyZero = java.util.Arrays.stream(s.values()).anyMatch(v -> !(v > 0 && Double.isFinite(v)));
            String label = s.strategy().label() + (s.variant() == null ? "" : " · " + s.variant())
                    + (anyZero ? " (0)" : "");
            ChartFrame.Series line = ChartFrame.Series.byLayer(label, Palette.of(s.strategy()), s.values());
            lines.add(s.variant() == null ? line.styled(2.5).withDots(true)
                    : line.styled(2, VARIANT_DASHES[variants++ % VARIANT_DASHES.length]).withDots(true));
        }
        List<ChartFrame.Guide> guides = guide != null && layers > 1 && guide.layer() >= 1 && guide.layer() <= layers
                ? List.of(new ChartFrame.Guide(true, guide.layer(), guide.label(), guide.colour(), 2,
                new double[] {8, 5}, TextFont.regular(13)))
                : List.of();
        frame.withSeries(lines).withGuides(guides).paint(g, w, h);
    }
}
