package app.initscope.render;

import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;

/** The text over a histogram: its title and statistics, in a small multiple's few lines or a large chart's rows. */
final class HistogramHeader {

    private HistogramHeader() {
    }

    /** Below this height a small multiple's statistics take one line. */
    static final double SHORT_CELL = 100;

    /**
     * A small multiple's header: the title and the statistics, wrapped to at most three lines (one in a cell shorter
     * than {@link #SHORT_CELL}). The plot's top.
     */
    static double compact(Pen g, double w, double h, HistogramChart.Data data) {
        Summary s = data.summary();
        g.setTextBaseline(Baseline.TOP);
        g.setTextAlign(TextAlign.LEFT);
        g.setFill(HistogramChart.AXIS);
        double y = 2;
        if (!data.title().isEmpty()) {
            g.setFont(HistogramChart.SMALL_BOLD);
            for (String line : TextFit.wrap(g, data.title(), HistogramChart.SMALL_BOLD, w - 8, h >= 110 ? 2 : 1)) {
                g.fillText(line, 4, y);
                y += 16;
            }
        }
        g.setFont(HistogramChart.SMALL);
        // the statistics on one line when they fit, else as many lines as they need (at most three)
        List<String> parts = new ArrayList<>(List.of("std " + Ticks.label(s.std())));
        if (s.saturatedFraction() != null) {
            parts.add("sat " + HistogramChart.pct(s.saturatedFraction()));
        }
        if (s.zeroFraction() >= 0.005) {
            parts.add("zeros " + HistogramChart.pct(s.zeroFraction()));
        }
        // a short cell (the depth view's three bands at depth 30) keeps one line for the plot's sake: the
        // statistics that fit on it, std first
        int maxLines = h < SHORT_CELL ? 1 : 3;
        String line = "";
        int lines = 0;
        for (String part : parts) {
            String joined = line.isEmpty() ? part : line + " · " + part;
            boolean over = g.textWidth(joined, HistogramChart.SMALL) > w - 8;
            if (!line.isEmpty() && over && maxLines == 1) {
                break;
            }
            if (!line.isEmpty() && over && lines < maxLines - 1) {
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
        return y + 4;
    }

    /** A large chart's header: title, mean and std, min and max, saturation and zeros, the note. The plot's top. */
    static double large(Pen g, double w, HistogramChart.Data data) {
        Summary s = data.summary();
        g.setTextBaseline(Baseline.TOP);
        g.setTextAlign(TextAlign.LEFT);
        g.setFill(HistogramChart.AXIS);
        // the title at its size when it fits, else smaller, else on two lines (which moves the rest down)
        TextFont titleFont = HistogramChart.TITLE;
        for (TextFont smaller : new TextFont[] {TextFont.bold(15), HistogramChart.TEXT_BOLD}) {
            if (g.textWidth(data.title(), titleFont) <= w - 20) {
                break;
            }
            titleFont = smaller;
        }
        List<String> title = TextFit.wrap(g, data.title(), titleFont, w - 20, 2);
        g.setFont(titleFont);
        double dy = 0;
        for (String line : title) {
            g.fillText(line, 10, 6 + dy);
            dy += 18;
        }
        dy -= 18;
        g.setFont(HistogramChart.TEXT);
        g.fillText("mean " + Ticks.label(s.mean()) + "   std " + Ticks.label(s.std()), 10, 30 + dy);
        g.fillText("min " + Ticks.label(s.min()) + "   max " + Ticks.label(s.max()), 10, 50 + dy);
        g.fillText((s.saturatedFraction() != null ? "saturated " + HistogramChart.pct(s.saturatedFraction()) + "   " : "")
                + "zeros " + HistogramChart.pct(s.zeroFraction()), 10, 70 + dy);
        double top = 96 + dy;
        if (data.note() != null && !data.note().isEmpty()) {
            g.setFill(data.warning() ? HistogramChart.WARN : HistogramChart.AXIS);
            TextFont noteFont = data.warning() ? HistogramChart.TEXT_BOLD : HistogramChart.TEXT;
            g.setFont(noteFont);
            g.fillText(TextFit.fit(g, data.note(), noteFont, w - 20), 10, 90 + dy);
            top += 20;
        }
        return top;
    }
}
