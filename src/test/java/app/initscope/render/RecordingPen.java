package app.initscope.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A pen that records, in the figure's own coordinates, every text it draws (with its box, as the SVG export
 * measures it), every stroked segment (with its colour and dashes) and every filled rectangle, in drawing order.
 */
final class RecordingPen extends StatefulPen {

    /** Something drawn, in drawing order. */
    sealed interface Mark permits Text, Segment, Rect {
    }

    /** A text and its box; a rotated text's box is not known (its x and y are the anchor). */
    record Text(String text, double left, double top, double right, double bottom, Rgba colour, boolean rotated)
            implements Mark {
        double[] box() {
            return new double[] {left, top, right - left, bottom - top};
        }

        /** Whether a stroked segment passes through this text's box. */
        boolean crosses(Segment s) {
            return new java.awt.geom.Line2D.Double(s.x1(), s.y1(), s.x2(), s.y2()).intersects(left, top,
                    right - left, bottom - top);
        }
    }

    /** A stroked line, from a strokeLine or a path. */
    record Segment(double x1, double y1, double x2, double y2, Rgba colour, boolean dashed) implements Mark {
    }

    /** A filled rectangle. */
    record Rect(double x, double y, double w, double h, Rgba colour) implements Mark {
    }

    private record State(Style style, double dx, double dy, boolean rotated) {
    }

    final List<Mark> marks = new ArrayList<>();
    private final Deque<State> saved = new ArrayDeque<>();
    private double dx;
    private double dy;
    private boolean rotated;
    private final List<double[]> path = new ArrayList<>();

    List<Text> texts() {
        return marks.stream().filter(m -> m instanceof Text).map(m -> (Text) m).toList();
    }

    List<Segment> segments() {
        return marks.stream().filter(m -> m instanceof Segment).map(m -> (Segment) m).toList();
    }

    /** The first text that is exactly {@code text}. */
    Text text(String text) {
        return texts().stream().filter(t -> t.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no text '" + text + "' in " + texts().stream()
                        .map(Text::text).toList()));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        marks.add(new Rect(dx + x, dy + y, w, h, fill));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        marks.add(new Segment(dx + x1, dy + y1, dx + x2, dy + y2, stroke, dashes.length > 0));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
    }

    @Override
    public void fillText(String text, double x, double y) {
        double w = measure().width(text, font);
        double left = dx + switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        double top = dy + baselineY(y) - measure().ascent(font);
        marks.add(new Text(text, left, top, left + w, top + measure().lineHeight(font), fill, rotated));
    }

    @Override
    public void beginPath() {
        path.clear();
    }

    @Override
    public void moveTo(double x, double y) {
        path.add(new double[] {dx + x, dy + y, 0});
    }

    @Override
    public void lineTo(double x, double y) {
        path.add(new double[] {dx + x, dy + y, 1});
    }

    @Override
    public void stroke() {
        for (int i = 1; i < path.size(); i++) {
            double[] a = path.get(i - 1);
            double[] b = path.get(i);
            if (b[2] == 1) {
                marks.add(new Segment(a[0], a[1], b[0], b[1], stroke, dashes.length > 0));
            }
        }
    }

    @Override
    public void save() {
        saved.push(new State(style(), dx, dy, rotated));
    }

    @Override
    public void restore() {
        State s = saved.pop();
        restoreStyle(s.style());
        dx = s.dx();
        dy = s.dy();
        rotated = s.rotated();
    }

    @Override
    public void translate(double x, double y) {
        dx += x;
        dy += y;
    }

    @Override
    public void rotate(double degrees) {
        rotated = true;
    }

    @Override
    public TextMeasure measure() {
        return AwtTextMeasure.INSTANCE;
    }
}
