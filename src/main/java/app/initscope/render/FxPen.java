package app.initscope.render;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** A {@link Pen} over a Canvas's GraphicsContext: the screen, and PNG export (on a scaled Canvas). */
public final class FxPen implements Pen {

    private final GraphicsContext g;

    public FxPen(GraphicsContext g) {
        this.g = g;
    }

    /** The width of a text in a font, measured the way JavaFX lays it out. FX thread only. */
    public static double measure(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    @Override
    public void setFill(Color c) {
        g.setFill(c);
    }

    @Override
    public void setStroke(Color c) {
        g.setStroke(c);
    }

    @Override
    public void setLineWidth(double w) {
        g.setLineWidth(w);
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes.length == 0 ? null : dashes);
    }

    @Override
    public void setFont(Font f) {
        g.setFont(f);
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        g.setTextAlign(a);
    }

    @Override
    public void setTextBaseline(VPos b) {
        g.setTextBaseline(b);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.strokeOval(x, y, w, h);
    }

    @Override
    public void fillText(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void beginPath() {
        g.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        g.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        g.lineTo(x, y);
    }

    @Override
    public void stroke() {
        g.stroke();
    }

    @Override
    public void save() {
        g.save();
    }

    @Override
    public void restore() {
        g.restore();
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(degrees);
    }

    @Override
    public double textWidth(String text, Font font) {
        return measure(text, font);
    }
}
