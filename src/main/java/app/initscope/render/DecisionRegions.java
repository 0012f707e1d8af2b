package app.initscope.render;

import app.initscope.core.train.Boundary;
import app.initscope.core.train.TrainResult;
import java.util.List;
import java.util.Locale;

/**
 * Each strategy's decision regions on a 2-D data set, in the largest square cells that fit: the predicted class
 * over the plane, the test points on top, and a title with the strategy and its test accuracy.
 */
final class DecisionRegions {

    /** Class colours of the decision boundaries (Okabe–Ito, apart from the strategies' order). */
    private static final Rgba[] CLASSES = {Rgba.web("#E69F00"), Rgba.web("#56B4E9"), Rgba.web("#009E73"),
        Rgba.web("#CC79A7"), Rgba.web("#0072B2"), Rgba.web("#D55E00"), Rgba.web("#F0E442"), Rgba.web("#999999"),
        Rgba.web("#882255"), Rgba.web("#117733")};
    private static final TextFont TITLE = TextFont.bold(13);
    private static final TextFont NARROW = TextFont.bold(11);

    private DecisionRegions() {
    }

    /** A cell's titles, longest first: "Small · test 86%", "Small · 86%" (or "· diverged", "✕"). */
    static List<String> titles(TrainResult r) {
        double acc = r.evals().isEmpty() ? Double.NaN : r.evals().getLast().testAccuracy();
        String name = r.strategy().label();
        if (r.diverged()) {
            return List.of(name + " · diverged", name + " ✕");
        }
        if (!Double.isFinite(acc)) {
            return List.of(name, name);
        }
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * acc);
        return List.of(name + " · test " + pct, name + " · " + pct);
    }

    /**
     * The title style every cell can use in {@code room}: 0 the long form, 1 the short one, 2 the short one in a
     * smaller font, 3 that cut with an ellipsis. One style for all cells, so that they read alike.
     */
    static int titleStyle(Pen g, List<TrainResult> all, double room) {
        for (int k = 0; k < 3; k++) {
            int form = Math.min(k, 1);
            TextFont f = k < 2 ? TITLE : NARROW;
            if (all.stream().allMatch(r -> g.textWidth(titles(r).get(form), f) <= room)) {
                return k;
            }
        }
        return 3;
    }

    private static void title(Pen g, TrainResult r, int style, double room, double x) {
        TextFont f = style < 2 ? TITLE : NARROW;
        g.setFont(f);
        g.fillText(TextFit.fit(g, titles(r).get(Math.min(style, 1)), f, room), x, style < 2 ? 2 : 4);
    }

    static void boundaries(Pen g, double w, double h, List<TrainResult> all) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        List<TrainResult> with = all.stream().filter(r -> r.boundary() != null).toList();
        if (with.isEmpty()) {
            return;
        }
        int n = with.size();
        // the largest square cells that fit n panels in w × h
        int bestCols = 1;
        double best = 0;
        for (int cols = 1; cols <= n; cols++) {
            int rowsNeeded = (n + cols - 1) / cols;
            double side = Math.min(w / cols, h / rowsNeeded);
            if (side > best) {
                best = side;
                bestCols = cols;
            }
        }
        double side = best;
        int style = titleStyle(g, with, side - 8);
        for (int i = 0; i < n; i++) {
            double x = (i % bestCols) * side;
            double y = (i / bestCols) * side;
            TrainResult r = with.get(i);
            TrainFigures.at(g, x, y, () -> boundary(g, side, r, style));
        }
    }

    static void boundary(Pen g, double side, TrainResult r, int style) {
        Boundary b = r.boundary();
        double title = 20;
        double pad = 4;
        double s = side - title - 2 * pad;
        if (s < 20) {
            return;
        }
        g.setFill(r.diverged() ? TrainCharts.WARN : Palette.of(r.strategy()));
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        title(g, r, style, side - 8, pad);
        double x0 = pad;
        double y0 = title;
        double cell = s / b.size();
        // one rectangle per run of equal predictions in a row
        for (int i = 0; i < b.size(); i++) {
            double y = y0 + s - (i + 1) * cell;
            int j = 0;
            while (j < b.size()) {
                int k = b.predicted()[i * b.size() + j];
                int end = j + 1;
                while (end < b.size() && b.predicted()[i * b.size() + end] == k) {
                    end++;
                }
                g.setFill(Rgba.WHITE.mix(CLASSES[Math.floorMod(k, CLASSES.length)], 0.35));
                g.fillRect(x0 + j * cell, y, (end - j) * cell + 0.5, cell + 0.5);
                j = end;
            }
        }
        float[] p = b.pointsX();
        int points = b.pointLabels().length;
        int stride = Math.max(1, points / 600);
        double dot = Math.max(2.5, Math.min(5, s / 60));
        for (int i = 0; i < points; i += stride) {
            double px = (p[2 * i] - b.xLo()) / (b.xHi() - b.xLo());
            double py = (p[2 * i + 1] - b.yLo()) / (b.yHi() - b.yLo());
            if (px < 0 || px > 1 || py < 0 || py > 1) {
                continue;
            }
            g.setFill(CLASSES[Math.floorMod(b.pointLabels()[i], CLASSES.length)].mix(Rgba.BLACK, 0.25));
            g.fillOval(x0 + px * s - dot / 2, y0 + s - py * s - dot / 2, dot, dot);
        }
        g.setStroke(ChartFrame.MUTED);
        g.setLineWidth(1);
        g.strokeLine(x0, y0, x0 + s, y0);
        g.strokeLine(x0, y0 + s, x0 + s, y0 + s);
        g.strokeLine(x0, y0, x0, y0 + s);
        g.strokeLine(x0 + s, y0, x0 + s, y0 + s);
    }
}
