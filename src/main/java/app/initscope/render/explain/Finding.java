package app.initscope.render.explain;

import app.initscope.core.experiment.LayerResult;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Summary;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the numbers of a layer show, the most important first. The scale findings mirror the layer's verdict. */
enum Finding {
    NOT_FINITE, SYMMETRY, SATURATION, VANISHING, EXPLODING, SHRINKING, GROWING, NARROWING, PRESERVED, HALF_OFF;

    /** Above this saturated fraction saturation dominates. */
    static final double SATURATED_FRACTION = 0.5;
    /** A ReLU zero fraction within this distance of ½ counts as "half off". */
    static final double HALF_OFF_TOLERANCE = 0.1;

    /** The findings for a layer with its verdict, the dominant first; never empty. */
    static List<Finding> of(LayerResult l, Activation activation, Verdict verdict) {
        Set<Finding> found = EnumSet.noneOf(Finding.class);
        Summary z = l.z();
        Summary a = l.activation();
        if (z.nonFinite() > 0 || a.nonFinite() > 0 || !Double.isFinite(a.std())) {
            found.add(NOT_FINITE);
        }
        if (l.distinctUnits() == 1 && l.fanOut() > 1) {
            found.add(SYMMETRY);
        }
        Double saturated = a.saturatedFraction();
        if (saturated != null && saturated > SATURATED_FRACTION) {
            found.add(SATURATION);
        }
        switch (verdict) {
            case NOT_FINITE -> found.add(NOT_FINITE);       // no finite z at all
            case VANISHING -> found.add(VANISHING);
            case SHRINKING -> found.add(SHRINKING);
            case NARROWING -> found.add(NARROWING);
            case PRESERVED -> found.add(PRESERVED);
            case GROWING -> found.add(GROWING);
            case EXPLODING -> {
                if (!found.contains(SATURATION)) {          // saturation is what a wide z does to tanh
                    found.add(EXPLODING);
                }
            }
            default -> throw new AssertionError(verdict);
        }
        if (activation == Activation.RELU && Math.abs(a.zeroFraction() - 0.5) <= HALF_OFF_TOLERANCE) {
            found.add(HALF_OFF);
        }
        return List.copyOf(found);
    }
}
