package app.initscope.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/**
 * Screenshots for a person to judge: with {@code -Dinitscope.shots=DIR}, {@link #take} writes the scene as a PNG
 * into DIR; without it, it does nothing. Call on any thread but the FX thread.
 */
final class Shots {

    private static final String DIR = System.getProperty("initscope.shots");

    private Shots() {
    }

    static void take(Scene scene, String name) {
        if (DIR == null) {
            return;
        }
        WritableImage[] image = new WritableImage[1];
        try {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> image[0] = scene.snapshot(null)).get();
            PixelReader px = image[0].getPixelReader();
            int w = (int) image[0].getWidth();
            int h = (int) image[0].getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, px.getArgb(x, y));
                }
            }
            Path dir = Files.createDirectories(Path.of(DIR));
            javax.imageio.ImageIO.write(out, "png", dir.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "_") + ".png")
                    .toFile());
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("screenshot " + name + ": " + e, e);
        }
    }
}
