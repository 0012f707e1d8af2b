package app.initscope.render.explain;

import static app.initscope.render.explain.Explanation.num;
import static app.initscope.render.explain.Explanation.percent;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.LayerResult;
import app.initscope.render.Plots;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.ArrayList;
import java.util.List;

/** The paragraph "Why": the variance formula, the strategy's rule, and what it does with this activation. */
final class Why {

    private Why() {
    }

    static String text(Facts f) {
        LayerResult l = f.layer();
        Strategy st = f.strategy();
        List<String> s = new ArrayList<>();
        double sigmaB2 = Catalog.sigmaB2(f.config());
        s.add(sigmaB2 > 0
                ? "Each z sums fan_in products w · x plus a bias b, so Var(z) = fan_in · Var(w) · E[x²] + σ_b², "
                        + "here with σ_b² = " + num(sigmaB2) + ": the bias adds the same spread whatever "
                        + "the weights."
                : "Each z sums fan_in products w · x, so Var(z) = fan_in · Var(w) · E[x²].");
        s.add(st.label() + " draws " + st.formula() + ". Here fan_in is " + l.fanIn() + " and the measured weight "
                + "std is " + num(l.weightStd()) + ".");
        double ex2 = f.inputSecondMoment();
        s.add(l.layer() == 1 ? "The input has E[x²] = " + num(ex2) + "."
                : "The input of this layer is layer " + (l.layer() - 1) + "'s activations, with E[x²] = "
                        + num(ex2) + ".");
        s.addAll(strategyReason(f));
        double predicted = l.theory().stdZ();
        if (Double.isFinite(predicted)) {
            s.add("The theory predicts std z " + num(predicted) + "; the network measured " + num(l.z().std())
                    + ".");
        }
        if (l.normalized() != null) {
            s.add("That is z before the normalization: " + Plots.normalizedLabel(f.config().norm()) + " rescales it "
                    + "to unit variance before " + f.activation().label() + " takes it, so this scale reaches neither "
                    + f.activation().label() + " nor the next layer.");
        } else if (!f.plain()) {
            s.add("With skips each layer adds its branch to the z before it, so through depth the scale follows "
                    + "the residual recursion of the first paragraph rather than this layer's rule alone.");
        }
        if (l.layer() < f.config().depth()) {
            s.add("This layer hands E[a²] = " + num(f.handedOn()) + " on to layer "
                    + (l.layer() + 1) + ".");
        }
        return String.join(" ", s);
    }

    private static List<String> strategyReason(Facts f) {
        LayerResult l = f.layer();
        Activation act = f.activation();
        List<String> s = new ArrayList<>();
        switch (f.strategy()) {
            case ZERO -> {
                s.add("Var(w) = 0, so Var(z) = 0: z ≡ 0 for every sample and every unit.");
                s.add("Each unit then outputs φ(0) = " + num(l.activation().mean()) + ", the same number "
                        + "everywhere, so the units are copies of one another.");
            }
            case SMALL -> {
                s.add("Var(w) = 10⁻⁸: the sum is 10⁸ times smaller in variance than with unit weights.");
                s.add("So std z ≈ 10⁻⁴ · √fan_in · √E[x²] = " + num(1e-4 * Math.sqrt(l.fanIn() * f.inputSecondMoment()))
                        + ".");
                if (f.plain()) {
                    s.add("Every further layer shrinks it by about 10⁻⁴ · √width again, and the backward pass "
                            + "multiplies by the same tiny weights, so the gradients shrink too.");
                }
            }
            case LARGE -> {
                s.add("Var(w) = 1, so nothing cancels fan_in: Var(z) = fan_in · E[x²], std z ≈ √"
                        + l.fanIn() + " · √E[x²] = " + num(Math.sqrt(l.fanIn() * f.inputSecondMoment())) + ".");
                if (act.hasSaturation() && l.normalized() == null) {
                    s.add(act.label() + " is flat once |z| is beyond about 2, so most z lands where φ′ ≈ 0.");
                } else if (f.plain()) {
                    double varZ = l.z().std() * l.z().std();
                    double kept = f.handedOn() / varZ;
                    String growth = Double.isFinite(kept) && varZ > 0
                            ? "√(fan_in · E[a²]/Var(z)) = " + num(Math.sqrt(f.config().width() * kept))
                            : "√fan_in";
                    boolean largeDelta = Gradients.Scale.of(l.delta().std(), Gradients.healthyDelta(f.config(), l))
                            == Gradients.Scale.LARGE;
                    s.add(act.label() + " does not saturate, so each further layer multiplies the scale by about "
                            + growth + " instead" + (largeDelta ? ", and the gradients grow with it." : "."));
                }
            }
            case XAVIER, LECUN_NORMAL -> {
                s.add("Var(w) = 1/fan_in cancels the fan_in: Var(z) = E[x²].");
                if (f.plain()) {
                    s.add(xavierWith(act, f));
                }
            }
            case HE, HE_UNIFORM -> {
                if (f.strategy() == Strategy.HE_UNIFORM) {
                    s.add("A uniform on ±b has variance b²/3, so this is the same Var(w) as He normal.");
                }
                s.add(act == Activation.LEAKY_RELU
                        ? "Var(w) = 2/((1 + α²) · fan_in), so Var(z) = 2/(1 + α²) · E[x²]."
                        : "Var(w) = 2/fan_in, so Var(z) = 2 · E[x²].");
                if (f.plain()) {
                    s.add(heWith(act, f));
                }
            }
            case GLOROT_NORMAL, GLOROT_UNIFORM -> {
                if (f.strategy() == Strategy.GLOROT_UNIFORM) {
                    s.add("A uniform on ±b has variance b²/3, so this is the same Var(w) as Glorot normal.");
                }
                s.add("Var(w) = 2/(fan_in + fan_out) averages the forward rule 1/fan_in and the backward rule "
                        + "1/fan_out.");
                if (l.fanIn() == l.fanOut()) {
                    s.add("Here fan_in = fan_out = " + l.fanIn() + ", so it equals Xavier: Var(z) = E[x²].");
                } else {
                    s.add("Here fan_out is " + l.fanOut() + ", so Var(z) = "
                            + num(2.0 * l.fanIn() / (l.fanIn() + l.fanOut())) + " · E[x²].");
                }
            }
            case ORTHOGONAL -> {
                s.add("W is a random rotation: it turns the input but stretches no direction.");
                if (l.fanIn() >= l.fanOut()) {
                    s.add("Each column has length 1, so Var(z) = E[x²], as with Xavier, and the backward pass keeps "
                            + "lengths too.");
                } else {
                    s.add("Here fan_in < fan_out, so the rows have length 1 instead and Var(z) = fan_in/fan_out · "
                            + "E[x²] = " + num((double) l.fanIn() / l.fanOut()) + " · E[x²].");
                }
            }
            case CONSTANT -> {
                s.add("Every weight is c = " + num(f.config().constant()) + ", so the weight std is 0 and the formula "
                        + "does not apply.");
                s.add("Each unit adds up the same inputs with the same weight: z is one number per sample, copied "
                        + "into every unit.");
                s.add("z varies between samples (std z " + num(l.z().std()) + ") but never between units.");
            }
            case CUSTOM_NORMAL -> {
                double sigma = f.config().sigma();
                s.add("Var(w) = σ² with σ = " + num(sigma) + ", so Var(z) = fan_in · σ² · E[x²] = "
                        + num(l.fanIn() * sigma * sigma * f.inputSecondMoment()) + ".");
                s.add("Xavier's σ for this fan_in is 1/√fan_in = " + num(1 / Math.sqrt(l.fanIn()))
                        + ": a larger σ grows the signal, a smaller one shrinks it.");
            }
            case LSUV -> {
                s.add("LSUV starts from a random rotation, then measures Var(z) of this layer on the input itself "
                        + "and divides W by std z until Var(z) is within 1 ± 0.1: here after "
                        + (f.result().lsuvRounds().isEmpty() ? 0 : f.result().lsuvRounds().get(l.layer() - 1))
                        + " rounds, Var(z) = " + num(l.z().std() * l.z().std()) + ".");
                s.add("Because it looks at the data, no formula of fan_in predicts it: the theory line is off.");
            }
            default -> throw new AssertionError(f.strategy());
        }
        return s;
    }

    private static String xavierWith(Activation act, Facts f) {
        return switch (act) {
            case TANH -> f.verdict().direction() >= 0
                    ? "With E[x²] = " + num(f.inputSecondMoment()) + " that puts z where tanh is neither flat nor "
                            + "merely linear. tanh squashes a little, so deep down the scale drifts slowly down."
                    : "tanh squashes its input a little at every layer, so the scale has drifted down to E[x²] = "
                            + num(f.inputSecondMoment()) + " here, where tanh is nearly linear; from here on it "
                            + "shrinks only slowly.";
            case SIGMOID -> "sigmoid's outputs have mean 0.5, not 0, so the next layer sees a shifted input; "
                    + "the variance of z is right, but the units are never centred.";
            case RELU -> "ReLU zeroes the negative half, so E[a²] = Var(z)/2: every further layer halves the "
                    + "variance. He's factor 2 is the fix.";
            case LEAKY_RELU -> "Leaky ReLU keeps only a slope of " + num(f.config().leakySlope()) + " for negative z, "
                    + "so E[a²] ≈ Var(z) · (1 + α²)/2: every further layer nearly halves the variance.";
            case LINEAR -> "With a linear activation a = z, so the variance stays put at every depth.";
            case SELU -> "This is exactly the scale SELU was designed for: it pulls mean and variance back to 0 "
                    + "and 1 layer after layer.";
            case GELU -> "GELU acts like ReLU for large |z| and drops even more near 0, so E[a²] is less than "
                    + "half of Var(z) (0.43 of it at Var(z) = 1): every further layer more than halves the variance.";
        };
    }

    private static String heWith(Activation act, Facts f) {
        return switch (act) {
            case RELU -> "ReLU zeroes half of z, so E[a²] = Var(z)/2 = E[x²]: the factor 2 makes up exactly for "
                    + "the lost half, and the scale holds at every depth.";
            case LEAKY_RELU -> "For leaky ReLU the rule uses 2/(1 + α²) with α = " + num(f.config().leakySlope())
                    + ": the negative half keeps α² of its variance, and the factor makes up for the rest.";
            case TANH, SIGMOID -> f.activation().label() + " zeroes nothing, so the factor 2 has no lost half to make "
                    + "up for: " + (f.verdict().direction() > 0
                            ? "z is wider than its input (std z " + num(f.layer().z().std()) + " against √E[x²] = "
                                    + num(Math.sqrt(f.inputSecondMoment())) + ") and more of it lands on the flat tails "
                                    + "(saturated: " + percent(f.layer().activation().saturatedFraction()) + ")."
                            : "yet " + f.activation().label() + " squashes what it passes on, so by this layer the "
                                    + "scale has settled at std z " + num(f.layer().z().std()) + ".");
            case LINEAR -> "A linear activation loses nothing, so the factor 2 doubles the variance at every "
                    + "layer.";
            case SELU -> "SELU expects Var(z) = 1; the factor 2 gives Var(z) = 2 · E[x²] = "
                    + num(2 * f.inputSecondMoment()) + " instead.";
            case GELU -> "GELU drops part of the negative side, like ReLU, so the factor 2 roughly makes up for it.";
        };
    }
}
