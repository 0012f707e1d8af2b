package app.initscope.fx;

import app.initscope.core.init.Strategy;
import app.initscope.render.Palette;
import app.initscope.render.Rgba;
import javafx.scene.paint.Color;

/** The figures' colours as JavaFX colours. */
public final class FxColors {

    private FxColors() {
    }

    /** A figure colour as a JavaFX colour. */
    public static Color of(Rgba c) {
        return Color.color(c.red(), c.green(), c.blue(), c.opacity());
    }

    /** A strategy's colour, for controls (legends, table cells, buttons). */
    public static Color of(Strategy s) {
        return of(Palette.of(s));
    }
}
