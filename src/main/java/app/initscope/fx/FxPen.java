package app.initscope.fx;

import app.initscope.render.Baseline;
import app.initscope.render.Pen;
import app.initscope.render.Rgba;
import app.initscope.render.TextAlign;
import app.initscope.render.TextFont;
import app.initscope.render.TextMeasure;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * A {@link Pen} over a Canvas's GraphicsContext: the screen, and PNG export (on a scaled Canvas). Text is measured
 * by JavaFX's own layout ({@link FxTextMeasure}), so that a figure's layout matches what this pen draws.
 */
public final class FxPen implements Pen {

    private final GraphicsContext g;

    public FxPen(GraphicsContext g) {
        this.g = g;
    }

    @Override
    public void setFill(Rgba c) {
        g.setFill(FxColors.of(c));
    }

    @Override
    public void setStroke(Rgba c) {
        g.setStroke(FxColors.of(c));
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
    public void setFont(TextFont f) {
        g.setFont(FxTextMeasure.font(f));
    }

    @Override
    public void setTextAlign(TextAlign a) {
        g.setTextAlign(switch (a) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
    }

    @Override
    public void setTextBaseline(Baseline b) {
        g.setTextBaseline(switch (b) {
            case TOP -> VPos.TOP;
            case CENTER -> VPos.CENTER;
            case BASELINE -> VPos.BASELINE;
            case BOTTOM -> VPos.BOTTOM;
        });
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
    public TextMeasure measure() {
        return FxTextMeasure.INSTANCE;
    }
}
