package app.initscope.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures text with AWT's font metrics, which work with no display and no window toolkit (only the font files):
 * the SVG export's measure, so that it needs no JavaFX. Fractional metrics and antialiasing match JavaFX's
 * layout, so that widths agree with the screen's to a fraction of a pixel.
 */
public final class AwtTextMeasure implements TextMeasure {

    /** The one instance: fonts are cached. */
    public static final AwtTextMeasure INSTANCE = new AwtTextMeasure();

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private final Map<TextFont, Font> fonts = new ConcurrentHashMap<>();

    private AwtTextMeasure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");      // fonts only; never a window
        }
    }

    /** The AWT font of a text font (cached). */
    Font font(TextFont f) {
        return fonts.computeIfAbsent(f, k -> new Font(k.family(), k.bold() ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) k.size()));
    }

    @Override
    public double width(String text, TextFont font) {
        if (text.isEmpty()) {
            return 0;
        }
        return font(font).getStringBounds(text, FRC).getWidth();
    }

    @Override
    public double ascent(TextFont font) {
        return metrics(font).getAscent();
    }

    @Override
    public double lineHeight(TextFont font) {
        LineMetrics m = metrics(font);
        return m.getAscent() + m.getDescent() + m.getLeading();
    }

    private LineMetrics metrics(TextFont font) {
        return font(font).getLineMetrics("Xg", FRC);
    }
}
