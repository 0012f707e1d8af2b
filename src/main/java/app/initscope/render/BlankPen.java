package app.initscope.render;

/**
 * A pen that draws nothing: the base of pens that only watch where a figure draws (its rectangles, its texts, its
 * transforms). A subclass overrides what it watches; every other call is ignored.
 */
public abstract class BlankPen implements Pen {

    @Override
    public void setFill(Rgba c) {
        // nothing to draw with
    }

    @Override
    public void setStroke(Rgba c) {
        // nothing to draw with
    }

    @Override
    public void setLineWidth(double w) {
        // nothing to draw with
    }

    @Override
    public void setLineDashes(double... dashes) {
        // nothing to draw with
    }

    @Override
    public void setFont(TextFont f) {
        // nothing to draw with
    }

    @Override
    public void setTextAlign(TextAlign a) {
        // nothing to draw with
    }

    @Override
    public void setTextBaseline(Baseline b) {
        // nothing to draw with
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        // nothing drawn
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        // nothing drawn
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        // nothing drawn
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        // nothing drawn
    }

    @Override
    public void fillText(String text, double x, double y) {
        // nothing drawn
    }

    @Override
    public void beginPath() {
        // nothing drawn
    }

    @Override
    public void moveTo(double x, double y) {
        // nothing drawn
    }

    @Override
    public void lineTo(double x, double y) {
        // nothing drawn
    }

    @Override
    public void stroke() {
        // nothing drawn
    }

    @Override
    public void save() {
        // no state kept
    }

    @Override
    public void restore() {
        // no state kept
    }

    @Override
    public void translate(double x, double y) {
        // no state kept
    }

    @Override
    public void rotate(double degrees) {
        // no state kept
    }
}
