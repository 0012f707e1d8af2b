package app.initscope.fx;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Turns a picture painted off the FX thread ({@link app.initscope.render.AwtPen#image}) into a JavaFX image, for
 * the clipboard: one copy of its pixels, a few milliseconds on the FX thread instead of rasterizing the figure there.
 */
public final class FxRaster {

    private FxRaster() {
    }

    /** The same pixels as a JavaFX image. */
    public static WritableImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getType() == BufferedImage.TYPE_INT_ARGB
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
                : image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
