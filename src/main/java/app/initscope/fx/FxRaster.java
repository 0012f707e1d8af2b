package app.initscope.fx;

import app.initscope.render.Figure;
import java.awt.image.BufferedImage;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Rasterises a {@link Figure} with the JavaFX pen on a Canvas of that many device pixels (rendered at the scale,
 * never upscaled): the PNG export and the clipboard. FX thread.
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

    /** The image's pixels as an AWT image, for ImageIO. */
    public static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** The figure as an AWT image at a scale. FX thread. */
    public static BufferedImage png(Figure figure, double scale) {
        return toBuffered(image(figure, scale));
    }
}
