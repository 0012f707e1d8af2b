package app.initscope.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that draws itself on a Canvas of exactly its own size, so the drawing is crisp at any window size:
 * when the region resizes, the canvas follows and {@link #paint} runs again.
 */
abstract class CanvasRegion extends Region {

    /** How much larger every chart draws (1 normally; about 1.45 in presentation mode), for all charts at once. */
    private static final DoubleProperty ZOOM = new SimpleDoubleProperty(1);

    private final Canvas canvas = new Canvas();
    private final InvalidationListener redraw = o -> draw();

    CanvasRegion() {
        getChildren().add(canvas);
        ZOOM.addListener(new WeakInvalidationListener(redraw));
    }

    /** The zoom of every chart: fonts and lines scale with it, and the chart lays out in the smaller space. */
    static DoubleProperty zoomProperty() {
        return ZOOM;
    }

    /** Paints the whole picture into a context of the given logical size. */
    abstract void paint(GraphicsContext g, double width, double height);

    /** Repaints now (after the data changed). */
    final void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double k = ZOOM.get();
        // a clear of the whole canvas, untransformed, lets the canvas drop its old drawing commands
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.save();
        g.scale(k, k);
        paint(g, canvas.getWidth() / k, canvas.getHeight() / k);
        g.restore();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }
}
