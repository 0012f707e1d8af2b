package app.initscope.render.explain;

import static app.initscope.render.explain.Explanation.num;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.LayerResult;
import java.util.ArrayList;
import java.util.List;

/** The sentences on the gradients δ and dW of a layer, each measured against the scale a healthy network gets. */
final class Gradients {

    /**
     * A gradient more than this many times its healthy scale counts as large, less than its inverse as small
     * (see {@link #healthyDelta}).
     */
    static final double GRADIENT_FACTOR = 10;

    /** How a measured gradient compares with its healthy scale. */
    enum Scale {
        SMALL, HEALTHY, LARGE;

        static Scale of(double measured, double healthy) {
            if (!(measured < healthy * GRADIENT_FACTOR)) {
                return LARGE;                           // also ∞ and NaN: overflowed
            }
            return measured < healthy / GRADIENT_FACTOR ? SMALL : HEALTHY;
        }
    }


    private Gradients() {
    }

    /**
     * The std δ a healthy network of this size gets: an output error of about 1 per output, divided by the
     * samples (dY = (y − T)/R), sent back through readout weights of variance 1/width: √(outputs/width)/samples.
     * A preserved signal keeps δ near this scale at every layer.
     */
    static double healthyDelta(ExperimentConfig config, LayerResult l) {
        return Math.sqrt((double) config.outputs() / l.fanOut()) / config.samples();
    }

    /** The std dW a healthy network gets: dW sums samples products a·δ, with E[a²] ≈ 1: √samples · δ. */
    static double healthyWeightGradient(ExperimentConfig config, LayerResult l) {
        return healthyDelta(config, l) * Math.sqrt(config.samples());
    }

    /** "about 120 times" or "about 1/40 of", then the healthy scale. */
    private static String against(double measured, double healthy, String what) {
        double ratio = measured / healthy;
        String scale = num(healthy) + " a healthy network of this size gets for " + what;
        if (!Double.isFinite(ratio)) {
            return "against the " + scale;
        }
        if (ratio >= 1.5) {
            return "about " + factor(ratio) + " times the " + scale;
        }
        if (ratio <= 1 / 1.5) {
            return "about 1/" + factor(1 / ratio) + " of the " + scale;
        }
        return "near the " + scale;
    }

    /** A ratio rounded for reading: 2, 4.5, 125, 1.56e4. */
    static String factor(double r) {
        if (r >= 1e5) {
            return num(r);
        }
        if (r >= 10) {
            return Long.toString(Math.round(r));
        }
        return num(Math.round(r * 10) / 10.0);
    }

    /** How δ changed on its way back from the next layer, or "" at the last layer. */
    private static String backwardTrend(Facts f, Scale scale) {
        LayerResult l = f.layer();
        if (l.layer() >= f.config().depth()) {
            return "";
        }
        double here = l.delta().std();
        double next = f.result().layer(l.layer() + 1).delta().std();
        if (!(here > 0 && next > 0) || !Double.isFinite(here) || !Double.isFinite(next)) {
            return "";
        }
        double r = here / next;
        if (r >= 1.2) {
            return " It grew by the factor " + factor(r) + " on its way back from layer " + (l.layer() + 1)
                    + " (std δ " + num(next) + " there)" + (scale == Scale.LARGE ? ": an exploding gradient." : ".");
        }
        if (r <= 1 / 1.2) {
            return " It shrank by the factor " + factor(1 / r) + " on its way back from layer " + (l.layer() + 1)
                    + " (std δ " + num(next) + " there)" + (scale == Scale.SMALL ? ": a vanishing gradient." : ".");
        }
        return " It kept its size on its way back from layer " + (l.layer() + 1) + " (std δ " + num(next)
                + " there).";
    }

    /** One sentence on std δ against its healthy scale, and how it changed on the way back. */
    static String gradientScale(Facts f) {
        double delta = f.layer().delta().std();
        double healthy = healthyDelta(f.config(), f.layer());
        Scale scale = Scale.of(delta, healthy);
        String quoted = "std δ " + num(delta) + ", " + against(delta, healthy, "δ");
        String first = switch (scale) {
            case SMALL -> "The gradient that reaches this layer is small, though: " + quoted + ".";
            case HEALTHY -> "The gradient has a healthy size: " + quoted + ".";
            case LARGE -> "The gradient is large: " + quoted + ".";
        };
        return first + backwardTrend(f, scale);
    }

    /** What the gradient does where most units are saturated: φ′ ≈ 0 does not by itself make δ small. */
    static List<String> saturatedGradient(Facts f) {
        LayerResult l = f.layer();
        double delta = l.delta().std();
        double healthy = healthyDelta(f.config(), l);
        Scale scale = Scale.of(delta, healthy);
        String quoted = "std δ " + num(delta) + " is " + against(delta, healthy, "δ");
        List<String> s = new ArrayList<>();
        switch (scale) {
            case SMALL -> s.add("So almost no gradient gets through: " + quoted + "." + backwardTrend(f, scale));
            case HEALTHY -> s.add("The units that are not saturated still pass a gradient of a healthy size: "
                    + quoted + "." + backwardTrend(f, scale));
            case LARGE -> {
                s.add("Yet the gradient is not small: " + quoted + ".");
                if (l.layer() < f.config().depth()) {
                    s.add("The few units with φ′ away from 0 pass on g · φ′, and g is itself large: it comes back "
                            + "through large weights." + backwardTrend(f, scale));
                } else {
                    s.add("The few units with φ′ away from 0 pass on g · φ′, and g is itself large: it comes from "
                            + "the output error through the readout weights, which are drawn by the same rule "
                            + "(weight std " + num(l.weightStd()) + ").");
                }
                s.add("That is unstable, not vanishing: most units get almost no update, and a few get large "
                        + "ones (std dW " + num(l.weightGradient().std()) + ").");
            }
            default -> throw new AssertionError(scale);
        }
        return s;
    }

    /** The gradients of a layer whose signal has vanished or is shrinking: δ and dW can differ. */
    static List<String> gradientOfAWeakSignal(Facts f) {
        LayerResult l = f.layer();
        double delta = l.delta().std();
        double dw = l.weightGradient().std();
        Scale deltaScale = Scale.of(delta, healthyDelta(f.config(), l));
        Scale dwScale = Scale.of(dw, healthyWeightGradient(f.config(), l));
        List<String> s = new ArrayList<>();
        String quotedDelta = "std δ " + num(delta) + ", " + against(delta, healthyDelta(f.config(), l), "δ");
        String quotedDw = "std dW " + num(dw) + ", " + against(dw, healthyWeightGradient(f.config(), l), "dW");
        if (deltaScale == Scale.SMALL) {
            s.add("The gradients are tiny too: " + quotedDelta + "; " + quotedDw + "."
                    + (dwScale == Scale.SMALL ? " Learning crawls." : "") + backwardTrend(f, deltaScale));
        } else if (dwScale == Scale.SMALL) {
            s.add((deltaScale == Scale.LARGE ? "δ itself is large here (" : "δ itself has a healthy size here (")
                    + quotedDelta + "), but dW = aᵀ·δ is built from this layer's faded input (E[x²] = "
                    + num(f.inputSecondMoment()) + "), so it is small: " + quotedDw
                    + ". These weights learn slowly." + backwardTrend(f, deltaScale));
        } else {
            s.add("The gradients still have a workable size: " + quotedDelta + "; " + quotedDw + "."
                    + backwardTrend(f, deltaScale));
        }
        return s;
    }
}
