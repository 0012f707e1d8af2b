package app.initscope.render;

/**
 * What the charts draw with: a small subset of a 2D graphics context, in this package's own colour and font
 * types, so that one piece of painting code draws on screen (the JavaFX pen over a Canvas, in
 * {@code app.initscope.fx}), into a PNG at any scale (the same, on a scaled Canvas), and into a vector SVG
 * ({@link SvgPen}), which needs no toolkit. Coordinates are logical pixels; the state (colours, font, alignment, line width,
 * dashes, transform) persists until changed, as in GraphicsContext.
 */
public interface Pen {

    void setFill(Rgba c);

    void setStroke(Rgba c);

    void setLineWidth(double w);

    /** Dash lengths; none for a solid line. */
    void setLineDashes(double... dashes);

    void setFont(TextFont f);

    void setTextAlign(TextAlign a);

    void setTextBaseline(Baseline b);

    void fillRect(double x, double y, double w, double h);

    /**
     * A histogram bar: a filled rectangle that an SVG marks as a bar ({@code class="bar"}), so that a drawing's
     * bars can be counted and restyled.
     */
    default void fillBar(double x, double y, double w, double h) {
        fillRect(x, y, w, h);
    }

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void fillText(String text, double x, double y);

    /** Starts a polyline: {@link #moveTo}, then {@link #lineTo}s, then {@link #stroke}. */
    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void stroke();

    void save();

    void restore();

    void translate(double x, double y);

    /** Rotates by degrees, clockwise on screen, as GraphicsContext does. */
    void rotate(double degrees);

    /** How this pen's text is measured. */
    TextMeasure measure();

    /** The width of a text in a font, as it will be drawn. */
    default double textWidth(String text, TextFont font) {
        return measure().width(text, font);
    }
}
