package app.initscope.fx;

import app.initscope.render.TextFont;
import app.initscope.render.TextMeasure;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Measures text the way JavaFX lays it out: the screen's and the PNG's measure. FX thread only. */
public final class FxTextMeasure implements TextMeasure {

    /** The one instance. */
    public static final FxTextMeasure INSTANCE = new FxTextMeasure();

    private static final Map<TextFont, Font> FONTS = new ConcurrentHashMap<>();

    private FxTextMeasure() {
    }

    /** The JavaFX font of a figure font. */
    public static Font font(TextFont f) {
        return FONTS.computeIfAbsent(f, k -> Font.font(k.family(), k.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                k.size()));
    }

    @Override
    public double width(String text, TextFont font) {
        Text t = new Text(text);
        t.setFont(font(font));
        return t.getLayoutBounds().getWidth();
    }

    @Override
    public double ascent(TextFont font) {
        Text t = new Text("Xg");
        t.setFont(font(font));
        return t.getBaselineOffset();
    }

    @Override
    public double lineHeight(TextFont font) {
        Text t = new Text("Xg");
        t.setFont(font(font));
        return t.getLayoutBounds().getHeight();
    }
}
