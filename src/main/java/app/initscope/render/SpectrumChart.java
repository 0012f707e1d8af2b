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

    private static final TextFont TITLE = TextFont.bold(15);
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
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(AXIS);
        g.setFont(TITLE);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText("Jacobian singular values · " + strategy.label(), 8, 4);
        double numbersW = 190;
        double left = 56;
        double right = w - numbersW - 10;
        double top = 30;
        double bottom = h - 44;
        if (j == null) {
            g.setFill(MUTED);
            g.setFont(TEXT);
            g.fillText("not computed: turn on \"Jacobian spectrum\"", 8, 30);
            return;
        }
        if (right - left < 60 || bottom - top < 40) {
            return;
        }
        Histogram hist = j.singularValues();
        double lo = Math.min(0, hist.lo());
        double hi = Math.max(hist.hi(), 1.2);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        long max = Math.max(1, hist.maxCount());
        double xLo = lo;
        double xHi = hi;
        java.util.function.DoubleUnaryOperator xOf = v -> left + (v - xLo) / (xHi - xLo) * (right - left);
        g.setFill(Palette.of(strategy).fade(0.8));
        for (int i = 0; i < hist.bins(); i++) {
            long c = hist.count(i);
            if (c == 0) {
                continue;
            }
            double x1 = xOf.applyAsDouble(hist.edge(i));
            double x2 = xOf.applyAsDouble(hist.edge(i + 1));
            double bh = (bottom - top) * c / (double) max;
            double bw = Math.max(3, x2 - x1 - 0.5);
            g.fillBar((x1 + x2) / 2 - bw / 2, bottom - bh, bw, bh);
        }
        g.setStroke(AXIS);
        g.setLineWidth(1.5);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);
        g.setFont(TEXT);
        g.setFill(AXIS);
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.TOP);
        for (double t : Ticks.of(lo, hi, Math.max(2, (int) ((right - left) / 70)))) {
            double x = xOf.applyAsDouble(t);
            g.strokeLine(x, bottom, x, bottom + 4);
            g.fillText(Ticks.label(t), x, bottom + 6);
        }
        g.fillText("singular value σ", (left + right) / 2, bottom + 24);
        g.save();
        g.translate(8, (top + bottom) / 2);
        g.rotate(-90);
        g.fillText("count", 0, 0);
        g.restore();
        double one = xOf.applyAsDouble(1);
        g.setStroke(AXIS);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeLine(one, top, one, bottom);
        g.setLineDashes();
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText("σ = 1", one + 4, top);
        double y = top;
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
