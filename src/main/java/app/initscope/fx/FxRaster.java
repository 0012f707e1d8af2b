package app.initscope.fx;

import app.initscope.render.Figure;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Rasterises a {@link Figure} with the JavaFX pen on a Canvas of that many device pixels (rendered at the scale,
 * never upscaled): the clipboard's image. FX thread. (PNG files are painted with Java2D, off the FX thread:
 * {@link app.initscope.render.AwtPen}.)
 */
public final class FxRaster {

    private FxRaster() {
    }

    /** Renders the figure at {@code scale} device pixels per logical pixel. FX thread. */
    public static WritableImage image(Figure figure, double scale) {
        int w = (int) Math.ceil(figure.width() * scale);
        int h = (int) Math.ceil(figure.height() * scale);
        Canvas canvas = new Canvas(w, h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.scale(scale, scale);
        figure.paint(new FxPen(g));
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        return canvas.snapshot(params, new WritableImage(w, h));
    }
}
