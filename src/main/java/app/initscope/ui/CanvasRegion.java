package app.initscope.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that draws itself on a Canvas of exactly its own size, so the drawing is crisp at any window size:
 * when the region resizes, the canvas follows and {@link #paint} runs again.
 */
abstract class CanvasRegion extends Region {

    private final Canvas canvas = new Canvas();

    CanvasRegion() {
        getChildren().add(canvas);
    }

    /** Paints the whole picture into a context of the given logical size. */
    abstract void paint(GraphicsContext g, double width, double height);

    /** Repaints now (after the data changed). */
    final void draw() {
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
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
