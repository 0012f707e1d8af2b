package app.initscope.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.render.AwtTextMeasure;
import app.initscope.render.TextFont;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The SVG's text is measured with AWT, the screen's and the PNG's with JavaFX: they must agree, or an SVG would
 * lay out its ticks, cuts and wraps differently from the picture on screen.
 */
@ExtendWith(ApplicationExtension.class)
class TextMeasureTest {

    @Test
    void awtAndJavaFxMeasureTheFiguresTextAlike(FxRobot robot) {
        String[] texts = {"std 0.9995 · sat 3.6%", "−1e−5", "Pre-activation z · layer 10 · preview",
            "⚠ all 1000 units identical (symmetry)", "δ = ∂L/∂z", "a = tanh(z)"};
        for (TextFont font : new TextFont[] {TextFont.regular(11), TextFont.regular(14), TextFont.bold(13),
            TextFont.bold(17)}) {
            AtomicReference<double[]> fx = new AtomicReference<>();
            robot.interact(() -> {
                double[] v = new double[texts.length + 2];
                for (int i = 0; i < texts.length; i++) {
                    v[i] = FxTextMeasure.INSTANCE.width(texts[i], font);
                }
                v[texts.length] = FxTextMeasure.INSTANCE.ascent(font);
                v[texts.length + 1] = FxTextMeasure.INSTANCE.lineHeight(font);
                fx.set(v);
            });
            for (int i = 0; i < texts.length; i++) {
                assertEquals(fx.get()[i], AwtTextMeasure.INSTANCE.width(texts[i], font), 0.5,
                        texts[i] + " in " + font);
            }
            assertEquals(fx.get()[texts.length], AwtTextMeasure.INSTANCE.ascent(font), 0.05, "ascent of " + font);
            assertEquals(fx.get()[texts.length + 1], AwtTextMeasure.INSTANCE.lineHeight(font), 0.05,
                    "line height of " + font);
        }
    }
}
