package app.initscope.render;

import app.initscope.core.init.Strategy;
import javafx.scene.paint.Color;

/**
 * One colour per strategy, the same in every view. The first eight are the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies; the seed's five get the most distinct ones.
 */
public final class Palette {

    private Palette() {
    }

    /** The colour of a strategy. */
    public static Color of(Strategy s) {
        return switch (s) {
            case ZERO -> Color.web("#000000");
            case SMALL -> Color.web("#56B4E9");
            case LARGE -> Color.web("#D55E00");
            case XAVIER -> Color.web("#0072B2");
            case HE -> Color.web("#009E73");
            case GLOROT_NORMAL -> Color.web("#E69F00");
            case GLOROT_UNIFORM -> Color.web("#CC79A7");
            case HE_UNIFORM -> Color.web("#B8A200");
            case LECUN_NORMAL -> Color.web("#4D4D4D");
            case ORTHOGONAL -> Color.web("#882255");
            case CONSTANT -> Color.web("#888888");
            case CUSTOM_NORMAL -> Color.web("#117733");
        };
    }
}
