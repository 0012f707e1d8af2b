package app.initscope.render;

import app.initscope.core.stats.Histogram;
import app.initscope.core.stats.Summary;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Paints one histogram with any {@link Pen}: bars, axes with nice ticks and units, a header with the statistics,
 * the counts that fell off the axis or were not finite, and optionally the theory's N(0, q) density and ±σ. The
 * screen, the PNG export and the SVG export all draw with this code. {@link #paint} runs its sections in order:
 * the header, then {@link Layout} (every number the plot needs), the grid, the bars (with the ghost and the
 * broken zero bar), the theory's curve and ±σ, the axes, and the notes.
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
     *                       (on a symlog axis, its edges are axis positions u; see {@link AxisScale})
     * @param ghost          a pinned earlier histogram drawn faintly under this one, on the same range and bins, or
     *                       null
     * @param ghostName      what the ghost shows (its strategy), written in its grey over the plot; null for none
     * @param scale          how the x-axis maps values to positions
     */
    public record Data(String title, String axisLabel, Summary summary, Rgba color, double theoryVariance,
                       String note, boolean warning, boolean logY, Histogram histogram, Histogram ghost,
                       String ghostName, AxisScale scale) {

        /** Draws the summary's own histogram on a linear axis. */
        public Data(String title, String axisLabel, Summary summary, Rgba color, double theoryVariance,
                    String note, boolean warning, boolean logY) {
            this(title, axisLabel, summary, color, theoryVariance, note, warning, logY, summary.histogram(), null,
                    null, AxisScale.LINEAR);
        }

        /** The same data drawn with other counts (e.g. re-binned onto a shared axis). */
        public Data withHistogram(Histogram h) {
            return new Data(title, axisLabel, summary, color, theoryVariance, note, warning, logY, h, ghost,
                    ghostName, scale);
        }

        /** The same data re-binned onto a symlog axis: {@code h}'s edges are axis positions. */
        public Data onScale(Histogram h, AxisScale s) {
            return new Data(title, axisLabel, summary, color, theoryVariance, note, warning, logY, h, ghost,
                    ghostName, s);
        }

        /**
         * The same data over a faint pinned "before" histogram (which must have the same range and bins), named by
         * what it shows.
         */
        public Data withGhost(Histogram g, String name) {
            return new Data(title, axisLabel, summary, color, theoryVariance, note, warning, logY, histogram, g,
                    name, scale);
        }

        /** The lower edge of bin {@code i} in data units, whatever the axis. */
        public double edge(int i) {
            return scale.toData(histogram.edge(i));
        }
    }

    /**
     * The numbers of one histogram's plot, computed once and used by every section.
     *
     * @param left     the plot's left edge, in pixels; likewise {@code right}, {@code top} and {@code bottom}
     * @param axisLo   the x-axis's lowest position (an axis unit: data, or u on a symlog axis)
     * @param axisHi   its highest position
     * @param yMax     the count at the top of the plot
     * @param zeroBin  the bin of ReLU's exact zeros drawn broken at the top, or −1
     * @param maxCount the largest count the bars are scaled to
     */
    record Layout(double w, double h, boolean compact, double left, double right, double top, double bottom,
                  double axisLo, double axisHi, boolean degenerate, boolean logY, double yMax, long maxCount,
                  int zeroBin, Histogram ghost, TextFont tickFont) {

        double plotW() {
            return right - left;
        }

        double plotH() {
            return bottom - top;
        }

        /** The height of a count as a fraction of the plot: linear, or log10(1 + count). */
        double frac(double c) {
            return logY ? Math.log10(1 + Math.max(0, c)) / Math.log10(1 + yMax) : c / yMax;
        }

        /** The pixel x of an axis position. */
        double px(double u) {
            return left + (u - axisLo) / (axisHi - axisLo) * plotW();
        }
    }

    static final TextFont TITLE = TextFont.bold(17);
    static final TextFont TEXT = TextFont.regular(14);
    static final TextFont TEXT_BOLD = TextFont.bold(14);
    static final TextFont SMALL = TextFont.regular(13);
    static final TextFont SMALL_BOLD = TextFont.bold(13);
    static final TextFont TINY = TextFont.regular(11);
    static final TextFont TINY_BOLD = TextFont.bold(11);
    static final Rgba AXIS = Rgba.web("#333333");
    static final Rgba GRID = Rgba.web("#e6e6e6");
    static final Rgba THEORY = Rgba.web("#222222");
    static final Rgba WARN = Rgba.web("#b00020");
    private static final Rgba GHOST = Rgba.color(0.55, 0.55, 0.55, 0.35);
    private static final Rgba GHOST_TEXT = Rgba.color(0.4, 0.4, 0.4, 1);

    /** Paints a histogram into any pen of the given logical size. */
    public static void paint(Pen g, double w, double h, Data data, boolean compact) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        if (w < 50 || h < 50) {
            return;
        }
        if (data == null) {
            placeholder(g, w, h);
            return;
        }
        double top = compact ? HistogramHeader.compact(g, w, h, data) : HistogramHeader.large(g, w, data);
        Layout l = layout(w, h, data, compact, top);
        if (l == null) {
            return;
        }
        grid(g, l);
        bars(g, l, data);
        if (l.zeroBin() >= 0) {
            brokenZeroBar(g, l, data);
        }
        double q = data.theoryVariance();
        if (Double.isFinite(q) && q > 0 && !l.degenerate()) {
            theoryCurve(g, l, data, q);
            sigmaLines(g, l, data.scale(), Math.sqrt(q));
        }
        xAxis(g, l, data);
        if (compact && data.warning() && data.note() != null) {
            compactWarning(g, l, data.note());
        }
        offAxis(g, l, data);
    }

    private static void placeholder(Pen g, double w, double h) {
        g.setFill(Rgba.web("#888888"));
        g.setFont(TEXT);
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.CENTER);
        g.fillText("computing…", w / 2, h / 2);
    }

    /** The plot's rectangle, x range and count scale; null when there is no room for a plot. */
    static Layout layout(double w, double h, Data data, boolean compact, double top) {
        double left = compact ? 6 : 58;
        double bottom = compact ? h - 20 : h - 48;
        double right = w - (compact ? 6 : 14);
        if (right - left < 40 || bottom - top < (compact ? 16 : 40)) {
            return null;
        }
        Summary s = data.summary();
        Histogram hist = data.histogram();
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
        double yMax = data.logY() ? Math.pow(10, Math.ceil(Math.log10(maxCount + 1))) : niceCeiling(maxCount);
        return new Layout(w, h, compact, left, right, top, bottom, axisLo, axisHi, degenerate, data.logY(), yMax,
                maxCount, zeroBin, ghost, compact ? TINY : SMALL);
    }

    /** The horizontal grid lines, and the count labels of a large chart. */
    private static void grid(Pen g, Layout l) {
        g.setFont(SMALL);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(Baseline.CENTER);
        List<Double> yTicks = l.logY() ? IntStream.rangeClosed(0, (int) Math.round(Math.log10(l.yMax())))
                .mapToObj(e -> e == 0 ? 0.0 : Math.pow(10, e)).toList() : Ticks.of(0, l.yMax(), 4);
        for (double t : yTicks) {
            double y = l.bottom() - l.frac(t) * l.plotH();
            g.setStroke(GRID);
            g.setLineWidth(1);
            g.strokeLine(l.left(), y, l.right(), y);
            if (!l.compact()) {
                g.setFill(AXIS);
                g.fillText(shortCount(t), l.left() - 6, y);
            }
        }
    }

    /** The bars, over the faint ghost if there is one; a flat histogram is one bar at its value. */
    private static void bars(Pen g, Layout l, Data data) {
        Histogram hist = data.histogram();
        double plotW = l.plotW();
        double plotH = l.plotH();
        double bottom = l.bottom();
        g.setFill(fill(data));
        if (l.degenerate()) {
            long c = hist.count(hist.bins() / 2);
            double barH = l.frac(c) * plotH;
            double x = l.left() + (hist.lo() - l.axisLo()) / (l.axisHi() - l.axisLo()) * plotW;
            double bw = Math.max(3, plotW / hist.bins());
            g.fillBar(x - bw / 2, bottom - barH, bw, barH);
            return;
        }
        double bw = plotW / hist.bins();
        Histogram ghost = l.ghost();
        if (ghost != null) {
            // the pinned "before": faint grey bars under the live ones
            g.setFill(GHOST);
            for (int i = 0; i < ghost.bins(); i++) {
                long c = ghost.count(i);
                if (c > 0) {
                    double barH = Math.min(plotH, Math.max(1, l.frac(c) * plotH));
                    g.fillRect(l.left() + i * bw, bottom - barH, Math.max(1, bw), barH);
                }
            }
            if (data.ghostName() != null) {
                // the ghost says whose it is, in its own grey, in the plot's top right corner; a line lower when
                // ReLU's zeros write their count along the top
                g.setFill(GHOST_TEXT);
                g.setFont(l.tickFont());
                g.setTextAlign(TextAlign.RIGHT);
                g.setTextBaseline(Baseline.TOP);
                double line = l.zeroBin() >= 0 ? 1.6 * l.tickFont().size() : 0;
                g.fillText("grey: " + data.ghostName(), l.right() - 4, l.top() + 2 + line);
            }
            g.setFill(fill(data));
        }
        for (int i = 0; i < hist.bins(); i++) {
            long c = hist.count(i);
            if (c == 0) {
                continue;
            }
            double barH = Math.min(plotH, Math.max(1, l.frac(c) * plotH));
            g.fillBar(l.left() + i * bw, bottom - barH, Math.max(1, bw - (bw > 4 ? 1 : 0)), barH);
        }
    }

    /** ReLU's zeros: their bar broken near the top, with its count beside it. */
    private static void brokenZeroBar(Pen g, Layout l, Data data) {
        Summary s = data.summary();
        double bw = l.plotW() / data.histogram().bins();
        double x = l.left() + l.zeroBin() * bw;
        double barW = Math.max(1, bw - (bw > 4 ? 1 : 0));
        double top = l.top();
        g.setFill(Rgba.WHITE);                              // the break: a gap near the top
        g.fillRect(x - 1, top + 8, barW + 2, 4);
        g.setFill(AXIS);
        TextFont font = l.compact() ? TINY : SMALL;
        g.setFont(font);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        long zeros = Math.round(s.zeroFraction() * s.count());
        String count = shortCount(zeros) + " zeros";
        if (x + barW + 4 + g.textWidth("◀ " + count, font) <= l.right()) {
            g.fillText("◀ " + count, x + barW + 4, top + 2);
        } else if (x - 4 - g.textWidth(count + " ▶", font) >= l.left()) {
            g.setTextAlign(TextAlign.RIGHT);
            g.fillText(count + " ▶", x - 4, top + 2);
        }
        g.setFill(fill(data));
    }

    /** The theory's expected count per bin of N(0, q), dashed; on a symlog axis, per bin of u. */
    private static void theoryCurve(Pen g, Layout l, Data data, double q) {
        Histogram hist = data.histogram();
        AxisScale scale = data.scale();
        double binWidth = (hist.hi() - hist.lo()) / hist.bins();
        double n = data.summary().finiteCount();
        g.setStroke(THEORY);
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        g.beginPath();
        int steps = 200;
        double axisLo = l.axisLo();
        double axisHi = l.axisHi();
        for (int i = 0; i <= steps; i++) {
            double u = axisLo + (axisHi - axisLo) * i / steps;
            double x = scale.toData(u);
            double pdf = Math.exp(-x * x / (2 * q)) / Math.sqrt(2 * Math.PI * q) * scale.dataPerAxis(u);
            double y = l.bottom() - Math.min(1.05, l.frac(n * binWidth * pdf)) * l.plotH();
            double px = l.px(u);
            if (i == 0) {
                g.moveTo(px, y);
            } else {
                g.lineTo(px, y);
            }
        }
        g.stroke();
    }

    /** The predicted std as a reference: dotted lines at ±σ. */
    private static void sigmaLines(Pen g, Layout l, AxisScale scale, double sigma) {
        g.setLineWidth(1.5);
        g.setLineDashes(2, 4);
        for (double x : new double[] {-sigma, sigma}) {
            double u = scale.toAxis(x);
            if (u > l.axisLo() && u < l.axisHi()) {
                double px = l.px(u);
                g.strokeLine(px, l.top(), px, l.bottom());
            }
        }
        g.setLineDashes();
    }

    /** The axes, the x ticks labelled in data units (as many as fit), and a large chart's axis label. */
    private static void xAxis(Pen g, Layout l, Data data) {
        g.setStroke(AXIS);
        g.setLineWidth(1.5);
        g.strokeLine(l.left(), l.bottom(), l.right(), l.bottom());
        g.strokeLine(l.left(), l.top(), l.left(), l.bottom());
        g.setFill(AXIS);
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.TOP);
        TextFont tickFont = l.tickFont();
        g.setFont(tickFont);
        boolean compact = l.compact();
        List<Double> positions;
        List<String> labels;
        if (data.scale().symlog()) {
            List<Double> xt = symlogTicks(g, l, data.scale());
            positions = xt.stream().map(data.scale()::toAxis).toList();
            labels = xt.stream().map(Ticks::label).toList();
        } else {
            double plotW = l.plotW();
            int wanted = compact ? Math.max(2, (int) (plotW / 50)) : Math.max(3, (int) (plotW / 60));
            List<Double> xt = Ticks.of(l.axisLo(), l.axisHi(), wanted);
            while (wanted > 1 && xt.size() > 2 && widest(g, xt, tickFont) * xt.size() * 1.4 > plotW) {
                wanted = Math.max(1, Math.min(wanted - 1, xt.size() - 2));   // fewer ticks until their labels fit
                xt = Ticks.of(l.axisLo(), l.axisHi(), wanted);
            }
            positions = xt;
            labels = Ticks.labels(xt);
        }
        for (int i = 0; i < positions.size(); i++) {
            double x = l.px(positions.get(i));
            g.strokeLine(x, l.bottom(), x, l.bottom() + (compact ? 3 : 5));
            String label = labels.get(i);
            double half = g.textWidth(label, tickFont) / 2;
            double cx = Math.min(Math.max(x, half + 2), l.w() - half - 2);   // keep edge labels inside the canvas
            g.fillText(label, cx, l.bottom() + (compact ? 4 : 7));
        }
        if (!compact) {
            g.setFont(TEXT);
            g.fillText(data.axisLabel(), (l.left() + l.right()) / 2, l.bottom() + 26);
        }
    }

    /** Ticks of a symlog axis, in data units ({@link Ticks#symlog}), whose labels do not collide on this plot. */
    static List<Double> symlogTicks(Pen g, Layout l, AxisScale scale) {
        return Ticks.symlog(scale.toData(l.axisLo()), scale.toData(l.axisHi()), scale.linthresh(), (a, b) -> {
            double gap = Math.abs(l.px(scale.toAxis(a)) - l.px(scale.toAxis(b)));
            return gap < (g.textWidth(Ticks.label(a), l.tickFont()) + g.textWidth(Ticks.label(b), l.tickFont())) / 2
                    + 8;
        });
    }

    /**
     * A small multiple's warning, over the plot on a white band, so that it never squeezes the bars away; on two
     * lines when one is too narrow for it (cut with an ellipsis only beyond that).
     */
    private static void compactWarning(Pen g, Layout l, String text) {
        double room = l.w() - 2 * l.left() - 8;
        // the usual size when it fits, else a smaller one, else two lines (when the plot has room), else a cut
        TextFont font = g.textWidth(text, SMALL_BOLD) <= room ? SMALL_BOLD : TINY_BOLD;
        double lineH = font == SMALL_BOLD ? 17 : 14;
        g.setFont(font);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        List<String> lines = TextFit.wrap(g, text, font, room, l.plotH() >= 2 * lineH + 4 ? 2 : 1);
        double y = l.top() + 1;
        for (String line : lines) {
            double tw = g.textWidth(line, font);
            g.setFill(Rgba.color(1, 1, 1, 0.85));
            g.fillRect(l.left() + 2, y, tw + 6, lineH);
            g.setFill(WARN);
            g.fillText(line, l.left() + 5, y + 1);
            y += lineH;
        }
    }

    /** What is not on the axis: the counts beyond its ends and the values that are not finite. */
    private static void offAxis(Pen g, Layout l, Data data) {
        Histogram hist = data.histogram();
        Summary s = data.summary();
        long off = hist.underflow() + hist.overflow();
        if (off > 0 || s.nonFinite() > 0) {
            g.setFill(WARN);
            g.setFont(l.compact() ? TINY : SMALL);
            g.setTextAlign(TextAlign.RIGHT);
            g.setTextBaseline(Baseline.TOP);
            g.fillText((off > 0 ? off + " off axis" : "") + (off > 0 && s.nonFinite() > 0 ? ", " : "")
                    + (s.nonFinite() > 0 ? s.nonFinite() + " not finite" : ""), l.right(),
                    l.compact() ? 3 : l.top() - 22);
        }
    }

    private static Rgba fill(Data data) {
        return data.color().fade(0.85);
    }

    private static double widest(Pen g, List<Double> ticks, TextFont font) {
        return Ticks.labels(ticks).stream().mapToDouble(t -> g.textWidth(t, font)).max().orElse(0);
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

    static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * f);
    }
}
