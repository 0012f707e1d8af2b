package app.initscope.render.explain;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.ArrayList;
import java.util.List;

/** The paragraph "What to try": the next step that shows the dominant finding best. */
final class WhatToTry {

    private WhatToTry() {
    }

    static String text(Facts f) {
        List<String> s = new ArrayList<>();
        boolean relu = f.activation() == Activation.RELU || f.activation() == Activation.LEAKY_RELU;
        Strategy fix = relu ? Strategy.HE : Strategy.XAVIER;
        String deeper = deeper(f);
        switch (f.first()) {
            case NOT_FINITE -> {
                s.add(pick(fix) + " to bring the numbers back into range.");
                s.add("Or lower the depth or the fan_in.");
            }
            case SYMMETRY -> {
                s.add(pick(fix) + ": random weights give every unit its own function, and distinct units jumps "
                        + "to about " + f.layer().fanOut() + ".");
                s.add("Then compare the gradient histograms: the units now get different updates.");
            }
            case SATURATION -> {
                if (f.strategy() != Strategy.XAVIER) {
                    s.add(pick(Strategy.XAVIER) + ": std z drops to about 1 and far fewer units saturate.");
                }
                s.add((s.isEmpty() ? "Switch" : "Or switch")
                        + " the activation to ReLU, which has no flat tail for positive z.");
            }
            case VANISHING, SHRINKING -> {
                if (f.layer().normalized() != null && f.layer().z().std() > 0) {
                    s.add(pick(fix) + ": with larger weights Var(z) lies far above ε, and N(z) reaches unit "
                            + "variance.");
                    return String.join(" ", s) + " " + withAndWithout(f);
                }
                s.add(f.strategy() == fix ? pick(relu ? Strategy.XAVIER : Strategy.HE) + " and compare std z."
                        : pick(fix) + ": it scales the weights to keep std z near 1.");
                s.add(deeper != null ? deeper + " to watch the signal fade further."
                        : "Step through the layers to see where the signal fades.");
            }
            case EXPLODING -> {
                if (f.gain() <= Verdict.GAIN_TOLERANCE) {
                    s.add("This layer's weights already keep the scale: step back through the layers to see where "
                            + "std z grew" + (f.config().get(Catalog.SIGMA_B) > 0
                                    ? ", and lower σ_b: every layer adds σ_b² to Var(z)." : "."));
                } else {
                    s.add(pick(fix) + ": it shrinks the weights as fan_in grows, which keeps std z near 1.");
                    s.add(deeper != null ? deeper + " to see how fast the scale grows."
                            : "Step through the layers to see how fast the scale grows.");
                }
            }
            case GROWING, NARROWING -> {
                if (relu && f.verdict() == Verdict.NARROWING && f.strategy() != Strategy.HE) {
                    s.add(pick(Strategy.HE) + " for comparison: its factor 2 makes up for the half that ReLU "
                            + "turns off.");
                } else {
                    s.add(f.strategy() == fix ? pick(relu ? Strategy.XAVIER : Strategy.HE) + " and compare std z."
                            : pick(fix) + (relu ? ": its Var(w) = 2/fan_in keeps E[a²] = E[x²]"
                                    : ": its Var(w) = 1/fan_in keeps Var(z) = E[x²]") + " in every layer, where "
                                    + "this one multiplies the scale by about " + Gradients.factor(f.gain()) + ".");
                }
                s.add(deeper != null ? deeper + " to see where the scale goes over many layers."
                        : "Compare layer 1 with layer " + f.config().depth() + " to see where the scale goes.");
            }
            case PRESERVED, HALF_OFF -> {
                if (relu && (f.strategy() == Strategy.HE || f.strategy() == Strategy.HE_UNIFORM)) {
                    s.add(pick(Strategy.XAVIER) + " for comparison: without the factor 2 the variance halves "
                            + "at every layer.");
                } else if (f.activation() != Activation.RELU) {
                    s.add("Switch the activation to ReLU and compare Xavier with He: Xavier halves the variance at "
                            + "every layer, He keeps it.");
                } else {
                    s.add(pick(Strategy.HE) + " for comparison: its factor 2 makes up for the half that ReLU "
                            + "turns off.");
                }
                s.add(deeper != null ? deeper + " to see whether the scale holds."
                        : "Compare layer 1 with layer " + f.config().depth() + " to see whether the scale holds.");
            }
            default -> throw new AssertionError(f.findings().getFirst());
        }
        if (!f.plain()) {
            s.add(withAndWithout(f));
        }
        return String.join(" ", s);
    }

    private static String withAndWithout(Facts f) {
        return "In the Depth view, tick \"with and without\" to run the same network without its "
                + (f.layer().normalized() != null ? "normalization" : "skips") + " and see what it changes.";
    }

    /** "Raise depth to 10 and open the Depth view", or null when the network is already that deep. */
    private static String deeper(Facts f) {
        return f.config().depth() < 10 ? "Raise depth to 10 and open the Depth view" : null;
    }

    /** How to pick a strategy: keys 1–9 select the first nine of the list. */
    static String pick(Strategy s) {
        int key = s.ordinal() + 1;
        return key <= 9 ? "Press " + key + " for " + s.label() : "Pick " + s.label() + " from the More menu";
    }
}
