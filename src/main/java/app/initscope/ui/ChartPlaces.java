package app.initscope.ui;

import app.initscope.fx.FxTextMeasure;
import app.initscope.render.BlankPen;
import app.initscope.render.Figure;
import app.initscope.render.TextMeasure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * Where a figure draws its charts, found by their titles: the figure is painted at a size with a pen that draws
 * nothing and notes every rectangle filled and every text written, in the figure's coordinates. A chart is the
 * rectangle filled last before its title (its background) at the same origin, holding the title; a panel's title
 * without a background of its own (a decision region's) finds the chart around it. The tour uses it to
 * scroll the chart a step talks about into view.
 */
final class ChartPlaces extends BlankPen {

    private record Filled(double x, double y, double w, double h, double ox, double oy) {
    }

    /** A text written, and how many rectangles were filled before it. */
    private record Written(String text, double x, double y, double ox, double oy, int after) {
    }

    private final List<Filled> rects = new ArrayList<>();
    private final List<Written> texts = new ArrayList<>();
    private final Deque<double[]> saved = new ArrayDeque<>();
    private double ox;
    private double oy;
    private int rotated;

    private ChartPlaces() {
    }

    /**
     * The place of the chart whose title starts with {@code title} in {@code figure} painted at width × height
     * (logical pixels), or null when the figure draws no such chart.
     */
    static Bounds find(Figure figure, double width, double height, String title) {
        if (figure == null || width <= 0 || height <= 0) {
            return null;
        }
        ChartPlaces pen = new ChartPlaces();
        figure.paint(pen, width, height);
        for (Written t : pen.texts) {
            if (!t.text().startsWith(title)) {
                continue;
            }
            // the chart's background: the last rectangle filled before its title, at its origin, holding it; for a
            // title drawn in a panel of a chart (a decision region's), the last one holding it wherever it was filled
            Filled best = null;
            Filled around = null;
            for (Filled r : pen.rects.subList(0, t.after())) {
                double ax = t.ox() + t.x() - r.ox();
                double ay = t.oy() + t.y() - r.oy();
                if (r.x() <= ax && ax <= r.x() + r.w() && r.y() <= ay && ay <= r.y() + r.h()) {
                    around = r;
                    if (r.ox() == t.ox() && r.oy() == t.oy()) {
                        best = r;
                    }
                }
            }
            best = best != null ? best : around;
            if (best != null) {
                return new BoundingBox(best.ox() + best.x(), best.oy() + best.y(), best.w(), best.h());
            }
        }
        return null;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        if (rotated == 0) {
            rects.add(new Filled(x, y, w, h, ox, oy));
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (rotated == 0) {
            texts.add(new Written(text, x, y, ox, oy, rects.size()));
        }
    }

    @Override
    public void save() {
        saved.push(new double[] {ox, oy, rotated});
    }

    @Override
    public void restore() {
        double[] s = saved.pop();
        ox = s[0];
        oy = s[1];
        rotated = (int) s[2];
    }

    @Override
    public void translate(double x, double y) {
        if (rotated == 0) {
            ox += x;
            oy += y;
        }
    }

    @Override
    public void rotate(double degrees) {
        rotated++;
    }

    @Override
    public TextMeasure measure() {
        return FxTextMeasure.INSTANCE;
    }
}
