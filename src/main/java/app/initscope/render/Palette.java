package app.initscope.render;

import app.initscope.core.init.Strategy;

/**
 * One colour per strategy, the same in every view. The first eight are the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies; the seed's five get the most distinct ones.
 */
public final class Palette {

    private Palette() {
    }

    /** The colour of a strategy. */
    public static Rgba of(Strategy s) {
        return switch (s) {
            case ZERO -> Rgba.web("#000000");
            case SMALL -> Rgba.web("#56B4E9");
            case LARGE -> Rgba.web("#D55E00");
            case XAVIER -> Rgba.web("#0072B2");
            case HE -> Rgba.web("#009E73");
            case GLOROT_NORMAL -> Rgba.web("#E69F00");
            case GLOROT_UNIFORM -> Rgba.web("#CC79A7");
            case HE_UNIFORM -> Rgba.web("#B8A200");
            case LECUN_NORMAL -> Rgba.web("#4D4D4D");
            case ORTHOGONAL -> Rgba.web("#882255");
            case LSUV -> Rgba.web("#AA4499");
            case CONSTANT -> Rgba.web("#888888");
            case CUSTOM_NORMAL -> Rgba.web("#117733");
        };
    }
}
