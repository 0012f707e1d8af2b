package app.initscope.render;

import app.initscope.core.experiment.JacobianSpectrum;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Histogram;
import java.util.List;

/**
 * The histogram of the input–output Jacobian's singular values of one strategy, with the numbers that judge it
 * beside it: the mean of σ² (1 keeps the signal's size), the variance of σ², the eigenvalues of JJᵀ (0 is
 * dynamical isometry), and the largest and smallest σ. A dashed line marks σ = 1.
 */
public final class SpectrumChart {

    private static final TextFont TEXT = TextFont.regular(13);
    private static final TextFont NUMBER = TextFont.bold(15);
    private static final Rgba AXIS = Rgba.web("#333333");
    private static final Rgba MUTED = Rgba.web("#666666");

    private SpectrumChart() {
    }

    /** The lines written beside the histogram. */
    public static List<String> numbers(JacobianSpectrum j) {
        return List.of("mean σ² = " + Ticks.label(j.meanSquaredSingular()),
                "Var(σ²) = " + Ticks.label(j.eigenVariance()),
                "max σ = " + Ticks.label(j.maxSingular()),
                "min σ = " + Ticks.label(j.minSingular()));
    }

    public static void paint(Pen g, double w, double h, Strategy strategy, JacobianSpectrum j) {
        String title = "Jacobian singular values · " + strategy.label();
        if (j == null) {
            ChartFrame.of(ChartFrame.Style.LAYERS, title, ChartAxis.fixed(0, 1, null), ChartAxis.fixed(0, 1, null))
                    .paintTitle(g, w, h);
            g.setFill(MUTED);
            g.setFont(TEXT);
            g.fillText("not computed: turn on \"Jacobian spectrum\"", 8, 30);
            return;
        }
        Histogram hist = j.singularValues();
        double lo = Math.min(0, hist.lo());
        double hi = Math.max(hist.hi(), 1.2);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        long max = Math.max(1, hist.maxCount());
        ChartFrame.Renderer bars = new ChartFrame.Renderer() {
            @Override
            public void draw(Pen pen, ChartFrame.Plot p) {
                pen.setFill(Palette.of(strategy).fade(0.8));
                for (double[] b : boxes(p)) {
                    pen.fillBar(b[0], b[1], b[2], b[3]);
                }
            }

            @Override
            public List<double[]> boxes(ChartFrame.Plot p) {
                List<double[]> out = new java.util.ArrayList<>();
                for (int i = 0; i < hist.bins(); i++) {
                    long c = hist.count(i);
                    if (c > 0) {
                        double x1 = p.px(hist.edge(i));
                        double x2 = p.px(hist.edge(i + 1));
                        double bh = (p.bottom() - p.top()) * c / (double) max;
                        double bw = Math.max(3, x2 - x1 - 0.5);
                        out.add(new double[] {(x1 + x2) / 2 - bw / 2, p.bottom() - bh, bw, bh});
                    }
                }
                return out;
            }
        };
        ChartFrame.Plot p = ChartFrame.of(ChartFrame.Style.LAYERS.withLeft(56).withLegendWidth(190), title,
                        ChartAxis.fixed(lo, hi, "singular value σ").withTicks(ChartAxis.TickRule.NICE,
                                ChartAxis.TickFormat.PLAIN, 70),
                        ChartAxis.fixed(0, max, "count").withTicks(ChartAxis.TickRule.NONE, ChartAxis.TickFormat.PLAIN,
                                40))
                .withRenderer(bars)
                .withGuides(List.of(new ChartFrame.Guide(true, 1, "σ = 1", AXIS, 1.5, new double[] {6, 4}, TEXT)))
                .paint(g, w, h);
        if (p == null) {
            return;
        }
        double right = p.right();
        double y = p.top();
        g.setFill(AXIS);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.setFont(NUMBER);
        for (String line : numbers(j)) {
            g.fillText(line, right + 16, y);
            y += 24;
        }
        g.setFont(TEXT);
        g.setFill(MUTED);
        g.fillText(j.inputs() + (j.inputs() == 1 ? " input" : " inputs") + ", averaged", right + 16, y + 4);
        g.fillText("isometry means every σ = 1", right + 16, y + 24);
    }
}
