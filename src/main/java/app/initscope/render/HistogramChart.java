package app.initscope.render;

import app.initscope.core.stats.Histogram;
import app.initscope.core.stats.Summary;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints one histogram with any {@link Pen}: bars, axes with nice ticks and units, a header with the statistics,
 * the counts that fell off the axis or were not finite, and optionally the theory's N(0, q) density and ±σ. The
 * screen, the PNG export and the SVG export all draw with this code.
 */
public final class HistogramChart {

    private HistogramChart() {
    }

    /**
     * What to draw.
     *
     * @param theoryVariance the variance q of the theory's N(0, q) curve, or NaN for none
     * @param note           an extra line under the statistics, or null
     * @param warning        whether the note is a warning (drawn in red) rather than information
     * @param logY           whether counts use a log scale
     * @param histogram      the counts to draw: the summary's own, or the same data re-binned onto a shared axis
     * @param ghost          a pinned earlier histogram drawn faintly under this one, on the same range and bins, or
     *                       null
     */
    public record Data(String title, String axisLabel, Summary summary, Color color, double theoryVariance,
                       String note, boolean warning, boolean logY, Histogram histogram, Histogram ghost) {

        /** Draws the summary's own histogram. */
        public Data(String title, String axisLabel, Summary summary, Color color, double theoryVariance,
                    String note, boolean warning, boolean logY) {
            this(title, axisLabel, summary, color, theoryVariance, note, warning, logY, summary.histogram(), null);
        }

        /** The same data drawn with other counts (e.g. re-binned onto a shared axis). */
        public Data withHistogram(Histogram h) {
            return new Data(title, axisLabel, summary, color, theoryVariance, note, warning, logY, h, ghost);
        }

        /** The same data over a faint pinned "before" histogram (which must have the same range and bins). */
        public Data withGhost(Histogram g) {
            return new Data(title, axisLabel, summary, color, theoryVariance, note, warning, logY, histogram, g);
        }
    }

    private static final Font TITLE = Font.font("DejaVu Sans", FontWeight.BOLD, 17);
    private static final Font TEXT = Font.font("DejaVu Sans", 14);
    private static final Font SMALL = Font.font("DejaVu Sans", 13);
    private static final Font SMALL_BOLD = Font.font("DejaVu Sans", FontWeight.BOLD, 13);
    private static final Font TINY = Font.font("DejaVu Sans", 11);
    private static final Color AXIS = Color.web("#333333");
    private static final Color GRID = Color.web("#e6e6e6");
    private static final Color THEORY = Color.web("#222222");
    private static final Color WARN = Color.web("#b00020");

    /** Paints a histogram into any graphics context of the given logical size. */
    public static void paint(Pen g, double w, double h, Data data, boolean compact) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (w < 50 || h < 50) {
            return;
        }
        if (data == null) {
            g.setFill(Color.web("#888888"));
            g.setFont(TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("computing…", w / 2, h / 2);
            return;
        }
        Summary s = data.summary();
        Histogram hist = data.histogram();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(AXIS);
        double top;
        double left;
        double bottom;
        Font tickFont;
        if (compact) {
            double y = 2;
            if (!data.title().isEmpty()) {
                g.setFont(SMALL_BOLD);
                g.fillText(data.title(), 4, y);
                y += 16;
            }
            g.setFont(SMALL);
            // the statistics on one line when they fit, else as many lines as they need (at most three)
            List<String> parts = new java.util.ArrayList<>(List.of("std " + Ticks.label(s.std())));
            if (s.saturatedFraction() != null) {
                parts.add("sat " + pct(s.saturatedFraction()));
            }
            if (s.zeroFraction() >= 0.005) {
                parts.add("zeros " + pct(s.zeroFraction()));
            }
            String line = "";
            int lines = 0;
            for (String part : parts) {
                String joined = line.isEmpty() ? part : line + " · " + part;
                if (!line.isEmpty() && textWidth(joined, SMALL) > w - 8 && lines < 2) {
                    g.fillText(line, 4, y);
                    y += 15;
                    lines++;
                    line = part;
                } else {
                    line = joined;
                }
            }
            g.fillText(line, 4, y);
            y += 16;
            top = y + 4;
            left = 6;
            bottom = h - 20;
            tickFont = TINY;
        } else {
            g.setFont(TITLE);
            g.fillText(data.title(), 10, 6);
            g.setFont(TEXT);
            String stats = "mean " + Ticks.label(s.mean()) + "   std " + Ticks.label(s.std());
            g.fillText(stats, 10, 30);
            String range = "min " + Ticks.label(s.min()) + "   max " + Ticks.label(s.max());
            g.fillText(range, 10, 50);
            String extra = (s.saturatedFraction() != null ? "saturated " + pct(s.saturatedFraction()) + "   " : "")
                    + "zeros " + pct(s.zeroFraction());
            g.fillText(extra, 10, 70);
            top = 96;
            if (data.note() != null && !data.note().isEmpty()) {
                g.setFill(data.warning() ? WARN : AXIS);
                g.setFont(data.warning() ? Font.font("DejaVu Sans", FontWeight.BOLD, 14) : TEXT);
                g.fillText(data.note(), 10, 90);
                top += 20;
            }
            left = 58;
            bottom = h - 48;
            tickFont = SMALL;
        }

        double right = w - (compact ? 6 : 14);
        if (right - left < 40 || bottom - top < (compact ? 16 : 40)) {
            return;
        }
        double lo = hist.lo();
        double hi = hist.hi();
        boolean degenerate = !(hi > lo);
        double axisLo = lo;
        double axisHi = hi;
        if (degenerate) {
            double pad = Math.max(Math.abs(lo) * 0.1, 1e-3);
            axisLo = lo - pad;
            axisHi = lo + pad;
        }
        Histogram ghost = data.ghost() != null && data.ghost().bins() == hist.bins() ? data.ghost() : null;
        long maxCount = Math.max(1, Math.max(hist.maxCount(), ghost == null ? 0 : ghost.maxCount()));
        // ReLU's exact zeros can be half of all values: one bar that would flatten the rest. Scale to the other
        // bins and draw that bar broken at the top, with its count.
        int zeroBin = -1;
        if (!degenerate && !data.logY() && s.zeroFraction() >= 0.2 && lo <= 0 && hi >= 0) {
            int zb = (int) Math.min(hist.bins() - 1, Math.floor(-lo / (hi - lo) * hist.bins()));
            long others = 0;
            for (int i = 0; i < hist.bins(); i++) {
                if (i != zb) {
                    others = Math.max(others, hist.count(i));
                }
            }
            if (others > 0 && hist.count(zb) > 2.5 * others) {
                zeroBin = zb;
                maxCount = others;
            }
        }
        boolean log = data.logY();
        double yMax = log ? Math.pow(10, Math.ceil(Math.log10(maxCount + 1))) : niceCeiling(maxCount);
        // the height of a count as a fraction of the plot: linear, or log10(1 + count)
        java.util.function.DoubleUnaryOperator frac = log
                ? c -> Math.log10(1 + Math.max(0, c)) / Math.log10(1 + yMax)
                : c -> c / yMax;
        double plotW = right - left;
        double plotH = bottom - top;

        // grid and y ticks
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        List<Double> yTicks = log ? java.util.stream.IntStream.rangeClosed(0, (int) Math.round(Math.log10(yMax)))
                .mapToObj(e -> e == 0 ? 0.0 : Math.pow(10, e)).toList() : Ticks.of(0, yMax, 4);
        for (double t : yTicks) {
            double y = bottom - frac.applyAsDouble(t) * plotH;
            g.setStroke(GRID);
            g.setLineWidth(1);
            g.strokeLine(left, y, right, y);
            if (!compact) {
                g.setFill(AXIS);
                g.fillText(shortCount(t), left - 6, y);
            }
        }

        // bars
        Color fill = data.color().deriveColor(0, 1, 1, 0.85);
        g.setFill(fill);
        if (degenerate) {
            long c = hist.count(hist.bins() / 2);
            double barH = frac.applyAsDouble(c) * plotH;
            double x = left + (lo - axisLo) / (axisHi - axisLo) * plotW;
            double bw = Math.max(3, plotW / hist.bins());
            g.fillBar(x - bw / 2, bottom - barH, bw, barH);
        } else {
            double bw = plotW / hist.bins();
            if (ghost != null) {
                // the pinned "before": faint grey bars under the live ones
                g.setFill(Color.color(0.55, 0.55, 0.55, 0.35));
                for (int i = 0; i < ghost.bins(); i++) {
                    long c = ghost.count(i);
                    if (c > 0) {
                        double barH = Math.min(plotH, Math.max(1, frac.applyAsDouble(c) * plotH));
                        g.fillRect(left + i * bw, bottom - barH, Math.max(1, bw), barH);
                    }
                }
                g.setFill(fill);
            }
            for (int i = 0; i < hist.bins(); i++) {
                long c = hist.count(i);
                if (c == 0) {
                    continue;
                }
                double barH = Math.min(plotH, Math.max(1, frac.applyAsDouble(c) * plotH));
                g.fillBar(left + i * bw, bottom - barH, Math.max(1, bw - (bw > 4 ? 1 : 0)), barH);
            }
            if (zeroBin >= 0) {
                double x = left + zeroBin * bw;
                double barW = Math.max(1, bw - (bw > 4 ? 1 : 0));
                g.setFill(Color.WHITE);                              // the break: a gap near the top
                g.fillRect(x - 1, top + 8, barW + 2, 4);
                g.setFill(AXIS);
                g.setFont(compact ? TINY : SMALL);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                long zeros = Math.round(s.zeroFraction() * s.count());
                Font font = compact ? TINY : SMALL;
                String count = shortCount(zeros) + " zeros";
                if (x + barW + 4 + textWidth("◀ " + count, font) <= right) {
                    g.fillText("◀ " + count, x + barW + 4, top + 2);
                } else if (x - 4 - textWidth(count + " ▶", font) >= left) {
                    g.setTextAlign(TextAlignment.RIGHT);
                    g.fillText(count + " ▶", x - 4, top + 2);
                }
                g.setFill(fill);
            }
        }

        // theory curve: expected count per bin of N(0, q)
        double q = data.theoryVariance();
        if (Double.isFinite(q) && q > 0 && !degenerate) {
            double binWidth = (hi - lo) / hist.bins();
            double n = s.finiteCount();
            g.setStroke(THEORY);
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.beginPath();
            int steps = 200;
            for (int i = 0; i <= steps; i++) {
                double x = axisLo + (axisHi - axisLo) * i / steps;
                double pdf = Math.exp(-x * x / (2 * q)) / Math.sqrt(2 * Math.PI * q);
                double y = bottom - Math.min(1.05, frac.applyAsDouble(n * binWidth * pdf)) * plotH;
                double px = left + (x - axisLo) / (axisHi - axisLo) * plotW;
                if (i == 0) {
                    g.moveTo(px, y);
                } else {
                    g.lineTo(px, y);
                }
            }
            g.stroke();
            // the predicted std as a reference: dotted lines at ±σ
            double sigma = Math.sqrt(q);
            g.setLineWidth(1.5);
            g.setLineDashes(2, 4);
            for (double x : new double[] {-sigma, sigma}) {
                if (x > axisLo && x < axisHi) {
                    double px = left + (x - axisLo) / (axisHi - axisLo) * plotW;
                    g.strokeLine(px, top, px, bottom);
                }
            }
            g.setLineDashes();
        }

        // axes and x ticks
        g.setStroke(AXIS);
        g.setLineWidth(1.5);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);
        g.setFill(AXIS);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(tickFont);
        int wanted = compact ? Math.max(2, (int) (plotW / 50)) : Math.max(3, (int) (plotW / 60));
        List<Double> xt = Ticks.of(axisLo, axisHi, wanted);
        while (wanted > 1 && xt.size() > 2 && widest(xt, tickFont) * xt.size() * 1.4 > plotW) {
            wanted = Math.max(1, Math.min(wanted - 1, xt.size() - 2));   // fewer ticks until their labels fit
            xt = Ticks.of(axisLo, axisHi, wanted);
        }
        List<String> labels = Ticks.labels(xt);
        for (int i = 0; i < xt.size(); i++) {
            double t = xt.get(i);
            double x = left + (t - axisLo) / (axisHi - axisLo) * plotW;
            g.strokeLine(x, bottom, x, bottom + (compact ? 3 : 5));
            String label = labels.get(i);
            double half = textWidth(label, tickFont) / 2;
            double cx = Math.min(Math.max(x, half + 2), w - half - 2);   // keep edge labels inside the canvas
            g.fillText(label, cx, bottom + (compact ? 4 : 7));
        }
        if (!compact) {
            g.setFont(TEXT);
            g.fillText(data.axisLabel(), (left + right) / 2, bottom + 26);
        }

        if (compact && data.warning() && data.note() != null) {
            // over the plot, on a white band, so that a warning never squeezes a small multiple's bars away
            g.setFont(SMALL_BOLD);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            String note = fit(data.note(), SMALL_BOLD, w - 2 * left - 8);
            double tw = textWidth(note, SMALL_BOLD);
            g.setFill(Color.color(1, 1, 1, 0.85));
            g.fillRect(left + 2, top + 1, tw + 6, 17);
            g.setFill(WARN);
            g.fillText(note, left + 5, top + 2);
        }

        // what is not on the axis
        long off = hist.underflow() + hist.overflow();
        if (off > 0 || s.nonFinite() > 0) {
            g.setFill(WARN);
            g.setFont(compact ? TINY : SMALL);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText((off > 0 ? off + " off axis" : "") + (off > 0 && s.nonFinite() > 0 ? ", " : "")
                    + (s.nonFinite() > 0 ? s.nonFinite() + " not finite" : ""), right, compact ? 3 : top - 22);
        }
    }

    private static double widest(List<Double> ticks, Font font) {
        return Ticks.labels(ticks).stream().mapToDouble(t -> textWidth(t, font)).max().orElse(0);
    }

    /** The text, cut with an ellipsis where it would be wider than {@code max} (never squeezed). */
    private static String fit(String text, Font font, double max) {
        if (textWidth(text, font) <= max) {
            return text;
        }
        for (int n = text.length() - 1; n > 1; n--) {
            String cut = text.substring(0, n).stripTrailing() + "…";
            if (textWidth(cut, font) <= max) {
                return cut;
            }
        }
        return "…";
    }

    private static double textWidth(String s, Font font) {
        return FxPen.measure(s, font);
    }

    private static double niceCeiling(long max) {
        double step = Ticks.niceStep(max / 4.0);
        return Math.ceil(max / step) * step;
    }

    private static String shortCount(double c) {
        if (c >= 1e6) {
            return Ticks.label(c / 1e6) + "M";
        }
        if (c >= 1e3) {
            return Ticks.label(c / 1e3) + "k";
        }
        return Ticks.label(c);
    }

    private static String pct(double f) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * f);
    }
}
