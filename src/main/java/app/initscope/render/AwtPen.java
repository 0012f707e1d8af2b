package app.initscope.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link Pen} over Java2D: the PNG export's raster. It needs no window toolkit and no FX thread (AWT runs
 * headless here), so a PNG is painted on the thread that writes it, in the window and on the command line alike.
 * Text is measured and placed as {@link SvgPen} places it, with {@link AwtTextMeasure}.
 */
public final class AwtPen extends StatefulPen {

    /** The state that {@link #save()} and {@link #restore()} keep, as GraphicsContext does. */
    private record State(Style style, AffineTransform transform) {
    }

    private final Graphics2D g;
    private final AwtTextMeasure measure = AwtTextMeasure.INSTANCE;
    private final Deque<State> saved = new ArrayDeque<>();
    private Path2D.Double path = new Path2D.Double();

    private AwtPen(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        strokeChanged();
    }

    /**
     * Paints a figure on white at {@code scale} device pixels per logical pixel (rendered at that scale, never
     * upscaled). Any thread.
     */
    public static BufferedImage image(Figure figure, double scale) {
        int w = (int) Math.ceil(figure.width() * scale);
        int h = (int) Math.ceil(figure.height() * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            figure.paint(new AwtPen(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Color color(Rgba c) {
        return new Color(unit(c.red()), unit(c.green()), unit(c.blue()), unit(c.opacity()));
    }

    private static float unit(double v) {
        return (float) Math.min(1, Math.max(0, v));
    }

    @Override
    void strokeChanged() {
        float[] d = null;
        if (dashes.length > 0) {
            d = new float[dashes.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) Math.max(dashes[i], 1e-3);
            }
        }
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, d, 0f));
    }

    private void fill(Shape shape) {
        g.setColor(color(fill));
        g.fill(shape);
    }

    private void draw(Shape shape) {
        g.setColor(color(stroke));
        g.draw(shape);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        draw(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void fillText(String text, double x, double y) {
        double baselineY = baselineY(y);
        double width = measure.width(text, font);
        double left = switch (align) {
            case CENTER -> x - width / 2;
            case RIGHT -> x - width;
            default -> x;
        };
        g.setColor(color(fill));
        g.setFont(measure.font(font));
        g.drawString(text, (float) left, (float) baselineY);
    }

    @Override
    public void beginPath() {
        path = new Path2D.Double();
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x, y);
        } else {
            path.lineTo(x, y);
        }
    }

    @Override
    public void stroke() {
        draw(path);
    }

    @Override
    public void save() {
        saved.push(new State(style(), g.getTransform()));
    }

    @Override
    public void restore() {
        State s = saved.poll();
        if (s == null) {
            return;                 // as GraphicsContext: a restore without a save does nothing
        }
        g.setTransform(s.transform());
        restoreStyle(s.style());
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(Math.toRadians(degrees));
    }

    @Override
    public TextMeasure measure() {
        return measure;
    }
}
