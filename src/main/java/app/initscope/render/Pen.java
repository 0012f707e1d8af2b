package app.initscope.render;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the charts draw with: a small subset of JavaFX's GraphicsContext, so that one piece of painting code
 * draws on screen ({@link FxPen} over a Canvas), into a PNG at any scale (the same, on a scaled Canvas), and into
 * a vector SVG ({@link SvgPen}). Coordinates are logical pixels; the state (colours, font, alignment, line width,
 * dashes, transform) persists until changed, as in GraphicsContext.
 */
public interface Pen {

    void setFill(Color c);

    void setStroke(Color c);

    void setLineWidth(double w);

    /** Dash lengths; none for a solid line. */
    void setLineDashes(double... dashes);

    void setFont(Font f);

    void setTextAlign(TextAlignment a);

    void setTextBaseline(VPos b);

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

    /** The width of a text in a font, as it will be drawn. */
    double textWidth(String text, Font font);
}
