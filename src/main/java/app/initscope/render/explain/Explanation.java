package app.initscope.render.explain;

import app.initscope.render.Ticks;
import app.initscope.render.TheoryCache;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The text of the "Explain" panel: what the live numbers of one layer show, why the strategy gives them, and
 * what to try next. Pure presentation text, built from a real result; no JavaFX.
 *
 * <p>Numbers are quoted the way the views print them ({@link Ticks#label(double)}, percentages with one
 * decimal), so a lecturer can point at the same number on screen.
 */
public final class Explanation {

    /** Below this std z the signal counts as vanished. */
    static final double VANISHING_STD = 0.05;
    /** The band of std z that counts as a preserved variance. */
    static final double PRESERVED_LO = 0.5;
    static final double PRESERVED_HI = 2.0;
    /** Above this saturated fraction saturation dominates. */
    static final double SATURATED_FRACTION = 0.5;
    /** A ReLU zero fraction within this distance of ½ counts as "half off". */
    static final double HALF_OFF_TOLERANCE = 0.1;
    /**
     * A gradient more than this many times its healthy scale counts as large, less than its inverse as small
     * (see {@link #healthyDelta}).
     */
    static final double GRADIENT_FACTOR = 10;
    /** A loss more than this many times the all-zero answer's counts as huge. */
    static final double HUGE_LOSS_FACTOR = 10;

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

    /** One paragraph of the panel. */
    public record Paragraph(String heading, String text) {
        public Paragraph {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the numbers of a layer show, the most important first. */
    enum Finding {
        NOT_FINITE, SYMMETRY, SATURATION, VANISHING, EXPLODING, SHRINKING, PRESERVED, HALF_OFF
    }

    private Explanation() {
    }

    /**
     * The three paragraphs "What you see", "Why" and "What to try" for one layer.
     *
     * @param layer 1-based, at most the result's depth
     */
    public static List<Paragraph> of(ExperimentConfig config, StrategyResult result, int layer) {
        Facts f = Facts.of(config, result, layer);
        return List.of(new Paragraph("What you see", see(f)), new Paragraph("Why", why(f)),
                new Paragraph("What to try", tryNext(f)));
    }

    /** A one-line summary for a title, e.g. "Symmetry: all 1000 units are identical". */
    public static String headline(ExperimentConfig config, StrategyResult result, int layer) {
        Facts f = Facts.of(config, result, layer);
        LayerResult l = f.layer;
        String text = switch (f.findings.getFirst()) {
            case NOT_FINITE -> "Overflow: " + nonFinite(l) + " values are not finite";
            case SYMMETRY -> "Symmetry: all " + l.fanOut() + " units are identical";
            case SATURATION -> "Saturation: " + percent(l.activation().saturatedFraction())
                    + " of the activations sit on the flat tails";
            case VANISHING -> "Vanishing signal: std z " + num(l.z().std());
            case EXPLODING -> "Exploding signal: std z " + num(l.z().std());
            case SHRINKING -> "Shrinking signal: std z " + num(l.z().std());
            case PRESERVED -> !f.findings.contains(Finding.HALF_OFF)
                    ? "Variance preserved: std z " + num(l.z().std())
                    : (keptScale(f) < 0 ? "Scale halved: E[a²] " : keptScale(f) > 0 ? "Scale grows: E[a²] "
                            : "Scale preserved: E[a²] ") + num(secondMoment(l.activation())) + ", half the units off";
            case HALF_OFF -> "Half off: zeros " + percent(l.activation().zeroFraction());
        };
        return f.config.depth() > 1 ? text + " (layer " + l.layer() + " of " + f.config.depth() + ")" : text;
    }

    /** The findings for a layer, the dominant first; never empty. */
    static List<Finding> findings(LayerResult l, Activation activation) {
        Set<Finding> found = EnumSet.noneOf(Finding.class);
        Summary z = l.z();
        Summary a = l.activation();
        double stdZ = z.std();
        if (z.nonFinite() > 0 || a.nonFinite() > 0 || !Double.isFinite(stdZ) || !Double.isFinite(a.std())) {
            found.add(Finding.NOT_FINITE);
        }
        if (l.distinctUnits() == 1 && l.fanOut() > 1) {
            found.add(Finding.SYMMETRY);
        }
        Double saturated = a.saturatedFraction();
        if (saturated != null && saturated > SATURATED_FRACTION) {
            found.add(Finding.SATURATION);
        }
        if (Double.isFinite(stdZ)) {
            if (stdZ < VANISHING_STD) {
                found.add(Finding.VANISHING);
            } else if (stdZ < PRESERVED_LO) {
                found.add(Finding.SHRINKING);
            } else if (stdZ <= PRESERVED_HI) {
                found.add(Finding.PRESERVED);
            } else if (!found.contains(Finding.SATURATION)) {
                found.add(Finding.EXPLODING);
            }
        }
        if (activation == Activation.RELU && Math.abs(a.zeroFraction() - 0.5) <= HALF_OFF_TOLERANCE) {
            found.add(Finding.HALF_OFF);
        }
        if (found.isEmpty()) {
            found.add(Finding.NOT_FINITE);              // no finite z at all
        }
        return List.copyOf(found);
    }

    // ---- What you see ----------------------------------------------------------------------------------------

    private static String see(Facts f) {
        LayerResult l = f.layer;
        Summary z = l.z();
        Summary a = l.activation();
        List<String> s = new ArrayList<>();
        if (f.config.depth() > 1) {
            s.add("Layer " + l.layer() + " of " + f.config.depth() + ".");
        }
        for (Finding finding : f.findings) {
            switch (finding) {
                case NOT_FINITE -> {
                    s.add("The numbers overflowed: " + z.nonFinite() + " of " + z.count() + " values of z and "
                            + a.nonFinite() + " of the activations are not finite (∞ or NaN).");
                    s.add("std z is " + num(z.std()) + "; the statistics count only the finite values.");
                }
                case SYMMETRY -> {
                    s.add("distinct units: 1 of " + l.fanOut() + ".");
                    s.add("Every unit in this layer computes exactly the same function of the input.");
                    s.add("Each one also gets the same gradient, so every update keeps them equal.");
                    s.add("Training can never tell them apart: the layer behaves like a single unit.");
                    s.add("This is the symmetry problem.");
                    if (allZero(l.delta())) {
                        s.add("Right now the gradient δ is exactly 0 as well, because the weights after this layer "
                                + "are zero too.");
                    }
                }
                case SATURATION -> {
                    s.add("This is saturation (saturated: " + percent(a.saturatedFraction()) + ").");
                    s.add(f.activation == Activation.TANH
                            ? "Most activations sit on the flat tails of tanh, close to −1 or +1."
                            : "Most activations sit on the flat tails of sigmoid, close to 0 or 1.");
                    s.add("There φ′ ≈ 0 (mean φ′ " + num(l.localGradient().mean()) + "), and δ = g · φ′, so the "
                            + "saturated units pass almost nothing back and barely learn.");
                    s.addAll(saturatedGradient(f));
                }
                case VANISHING -> {
                    if (z.std() == 0) {
                        s.add("The signal is gone: std z 0, z is exactly 0 for every sample.");
                    } else {
                        s.add("The signal is vanishing: std z " + num(z.std()) + ".");
                        s.add(smallSignal(f.activation, a));
                        s.addAll(gradientOfAWeakSignal(f));
                    }
                }
                case EXPLODING -> {
                    s.add("The signal is exploding: std z " + num(z.std()) + ", far wider than the input's "
                            + "scale of about 1.");
                    s.add(f.activation.label() + " has no flat tail to stop it, so the activations are huge too "
                            + "(std a " + num(a.std()) + ").");
                    s.add(l.layer() < f.config.depth() ? "Every further layer multiplies the scale again."
                            : "Each layer added after it would multiply the scale again.");
                    s.add(gradientScale(f));
                }
                case SHRINKING -> {
                    s.add("The signal is shrinking: std z " + num(z.std()) + ", below the input's scale of "
                            + "about 1.");
                    if (l.layer() > 1 && Double.isFinite(f.previousStdZ) && f.previousStdZ > 0) {
                        s.add("Layer " + (l.layer() - 1) + " had std z " + num(f.previousStdZ) + ", so this layer "
                                + (z.std() < f.previousStdZ ? "shrank it by the factor " : "grew it by the factor ")
                                + num(z.std() / f.previousStdZ) + ".");
                    }
                    s.add("If every layer shrinks it like this, a deep network loses the signal.");
                    s.addAll(gradientOfAWeakSignal(f));
                }
                case PRESERVED -> {
                    if (f.findings.contains(Finding.HALF_OFF) && keptScale(f) == 0) {
                        s.add("std z " + num(z.std()) + " is larger than the input's √E[x²] = "
                                + num(Math.sqrt(f.inputSecondMoment)) + " on purpose: ReLU zeroes about half of z, so "
                                + "what reaches the next layer is E[a²] = " + num(secondMoment(a))
                                + ", the input's scale again.");
                    } else if (f.findings.contains(Finding.HALF_OFF)) {
                        s.add("std z " + num(z.std()) + " keeps the input's scale, but ReLU zeroes about half of z, "
                                + "so what reaches the next layer is E[a²] = " + num(secondMoment(a)) + " against "
                                + "this layer's E[x²] = " + num(f.inputSecondMoment) + ".");
                    } else {
                        s.add("std z " + num(z.std()) + ": the variance is preserved. z keeps roughly the input's "
                                + "scale.");
                    }
                    if (a.saturatedFraction() != null) {
                        s.add("So " + f.activation.label() + " works in its useful range: only "
                                + percent(a.saturatedFraction()) + " of the activations are saturated.");
                    } else {
                        s.add("So " + f.activation.label() + " works in its useful range.");
                    }
                    if (l.localGradient().mean() > 0.1) {
                        s.add("φ′ stays well away from 0 (mean φ′ " + num(l.localGradient().mean())
                                + "), so this layer passes on the gradient it gets.");
                    }
                    s.add(gradientScale(f));
                }
                case HALF_OFF -> {
                    s.add("Half the units are off (zeros: " + percent(a.zeroFraction()) + ").");
                    s.add("ReLU outputs exactly 0 for every negative z, and z is symmetric around 0.");
                    if (f.findings.contains(Finding.SYMMETRY)) {
                        s.add("But here every unit is a copy of the others, so a sample switches off all of them or "
                                + "none: the zeros are whole samples, not half the units.");
                    } else {
                        s.add("So for any one sample about half the units are silent, and they pass no gradient "
                                + "back.");
                        s.add("That is normal for ReLU; it only halves the variance that the next layer sees.");
                    }
                }
                default -> throw new AssertionError(finding);
            }
        }
        double loss = f.result.loss();
        double zeroAnswer = f.config.outputs() / 2.0;
        if (Double.isFinite(loss) && loss > HUGE_LOSS_FACTOR * zeroAnswer) {
            s.add("Before any training the loss is " + num(loss) + ", " + num(loss / zeroAnswer) + " times the "
                    + num(zeroAnswer) + " that always answering 0 would score: the outputs are far too large, so the "
                    + "error y − T that starts the backward pass is large too.");
        } else if (Double.isFinite(loss)) {
            s.add("Before any training the loss is " + num(loss) + "; always answering 0 would score about "
                    + num(f.config.outputs() / 2.0) + ". An untrained readout adds its own random guesses, so a "
                    + "higher loss here says nothing bad; whether the gradients can flow is what matters.");
        } else {
            s.add("Before any training the loss is not finite.");
        }
        return String.join(" ", s);
    }

    private static String smallSignal(Activation activation, Summary a) {
        return switch (activation) {
            case TANH -> "tanh is in its linear part around 0: it passes z on almost unchanged (std a "
                    + num(a.std()) + "), so the layer is as good as linear.";
            case SIGMOID -> "sigmoid just outputs about 0.5 everywhere (std a " + num(a.std())
                    + "): the units hardly react to the input.";
            case LINEAR -> "The activation is linear, so a = z is just as tiny (std a " + num(a.std()) + ").";
            default -> "The activations are tiny too (std a " + num(a.std()) + ").";
        };
    }

    // ---- Gradients, against their healthy scale ----------------------------------------------------------------

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
    private static String factor(double r) {
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
        LayerResult l = f.layer;
        if (l.layer() >= f.config.depth()) {
            return "";
        }
        double here = l.delta().std();
        double next = f.result.layer(l.layer() + 1).delta().std();
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
    private static String gradientScale(Facts f) {
        double delta = f.layer.delta().std();
        double healthy = healthyDelta(f.config, f.layer);
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
    private static List<String> saturatedGradient(Facts f) {
        LayerResult l = f.layer;
        double delta = l.delta().std();
        double healthy = healthyDelta(f.config, l);
        Scale scale = Scale.of(delta, healthy);
        String quoted = "std δ " + num(delta) + " is " + against(delta, healthy, "δ");
        List<String> s = new ArrayList<>();
        switch (scale) {
            case SMALL -> s.add("So almost no gradient gets through: " + quoted + "." + backwardTrend(f, scale));
            case HEALTHY -> s.add("The units that are not saturated still pass a gradient of a healthy size: "
                    + quoted + "." + backwardTrend(f, scale));
            case LARGE -> {
                s.add("Yet the gradient is not small: " + quoted + ".");
                if (l.layer() < f.config.depth()) {
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
    private static List<String> gradientOfAWeakSignal(Facts f) {
        LayerResult l = f.layer;
        double delta = l.delta().std();
        double dw = l.weightGradient().std();
        Scale deltaScale = Scale.of(delta, healthyDelta(f.config, l));
        Scale dwScale = Scale.of(dw, healthyWeightGradient(f.config, l));
        List<String> s = new ArrayList<>();
        String quotedDelta = "std δ " + num(delta) + ", " + against(delta, healthyDelta(f.config, l), "δ");
        String quotedDw = "std dW " + num(dw) + ", " + against(dw, healthyWeightGradient(f.config, l), "dW");
        if (deltaScale == Scale.SMALL) {
            s.add("The gradients are tiny too: " + quotedDelta + "; " + quotedDw + "."
                    + (dwScale == Scale.SMALL ? " Learning crawls." : "") + backwardTrend(f, deltaScale));
        } else if (dwScale == Scale.SMALL) {
            s.add((deltaScale == Scale.LARGE ? "δ itself is large here (" : "δ itself has a healthy size here (")
                    + quotedDelta + "), but dW = aᵀ·δ is built from this layer's faded input (E[x²] = "
                    + num(f.inputSecondMoment) + "), so it is small: " + quotedDw
                    + ". These weights learn slowly." + backwardTrend(f, deltaScale));
        } else {
            s.add("The gradients still have a workable size: " + quotedDelta + "; " + quotedDw + "."
                    + backwardTrend(f, deltaScale));
        }
        return s;
    }

    // ---- Why -------------------------------------------------------------------------------------------------

    private static String why(Facts f) {
        LayerResult l = f.layer;
        Strategy st = f.strategy;
        List<String> s = new ArrayList<>();
        double sigmaB = f.config.get(app.initscope.core.experiment.Catalog.SIGMA_B);
        s.add(sigmaB > 0
                ? "Each z sums fan_in products w · x plus a bias b, so Var(z) = fan_in · Var(w) · E[x²] + σ_b², "
                        + "here with σ_b² = " + num(sigmaB * sigmaB) + ": the bias adds the same spread whatever "
                        + "the weights."
                : "Each z sums fan_in products w · x, so Var(z) = fan_in · Var(w) · E[x²].");
        s.add(st.label() + " draws " + st.formula() + ". Here fan_in is " + l.fanIn() + " and the measured weight "
                + "std is " + num(l.weightStd()) + ".");
        double ex2 = f.inputSecondMoment;
        s.add(l.layer() == 1 ? "The input has E[x²] = " + num(ex2) + "."
                : "The input of this layer is layer " + (l.layer() - 1) + "'s activations, with E[x²] = "
                        + num(ex2) + ".");
        s.addAll(strategyReason(f));
        double predicted = l.theory().stdZ();
        if (Double.isFinite(predicted)) {
            s.add("The theory predicts std z " + num(predicted) + "; the network measured " + num(l.z().std())
                    + ".");
        }
        if (l.layer() < f.config.depth()) {
            Summary a = l.activation();
            s.add("This layer hands E[a²] = " + num(a.mean() * a.mean() + a.std() * a.std()) + " on to layer "
                    + (l.layer() + 1) + ".");
        }
        return String.join(" ", s);
    }

    private static List<String> strategyReason(Facts f) {
        LayerResult l = f.layer;
        Activation act = f.activation;
        List<String> s = new ArrayList<>();
        switch (f.strategy) {
            case ZERO -> {
                s.add("Var(w) = 0, so Var(z) = 0: z ≡ 0 for every sample and every unit.");
                s.add("Each unit then outputs φ(0) = " + num(l.activation().mean()) + ", the same number "
                        + "everywhere, so the units are copies of one another.");
            }
            case SMALL -> {
                s.add("Var(w) = 10⁻⁸: the sum is 10⁸ times smaller in variance than with unit weights.");
                s.add("So std z ≈ 10⁻⁴ · √fan_in · √E[x²] = " + num(1e-4 * Math.sqrt(l.fanIn() * f.inputSecondMoment))
                        + ".");
                s.add("Every further layer shrinks it by about 10⁻⁴ · √width again, and the backward pass "
                        + "multiplies by the same tiny weights, so the gradients shrink too.");
            }
            case LARGE -> {
                s.add("Var(w) = 1, so nothing cancels fan_in: Var(z) = fan_in · E[x²], std z ≈ √"
                        + l.fanIn() + " · √E[x²] = " + num(Math.sqrt(l.fanIn() * f.inputSecondMoment)) + ".");
                if (act.hasSaturation()) {
                    s.add(act.label() + " is flat once |z| is beyond about 2, so most z lands where φ′ ≈ 0.");
                } else {
                    double varZ = l.z().std() * l.z().std();
                    double kept = secondMoment(l.activation()) / varZ;
                    String growth = Double.isFinite(kept) && varZ > 0
                            ? "√(fan_in · E[a²]/Var(z)) = " + num(Math.sqrt(f.config.width() * kept))
                            : "√fan_in";
                    boolean largeDelta = Scale.of(l.delta().std(), healthyDelta(f.config, l)) == Scale.LARGE;
                    s.add(act.label() + " does not saturate, so each further layer multiplies the scale by about "
                            + growth + " instead" + (largeDelta ? ", and the gradients grow with it." : "."));
                }
            }
            case XAVIER, LECUN_NORMAL -> {
                s.add("Var(w) = 1/fan_in cancels the fan_in: Var(z) = E[x²].");
                s.add(xavierWith(act, f));
            }
            case HE, HE_UNIFORM -> {
                if (f.strategy == Strategy.HE_UNIFORM) {
                    s.add("A uniform on ±b has variance b²/3, so this is the same Var(w) as He normal.");
                }
                s.add(act == Activation.LEAKY_RELU
                        ? "Var(w) = 2/((1 + α²) · fan_in), so Var(z) = 2/(1 + α²) · E[x²]."
                        : "Var(w) = 2/fan_in, so Var(z) = 2 · E[x²].");
                s.add(heWith(act, f));
            }
            case GLOROT_NORMAL, GLOROT_UNIFORM -> {
                if (f.strategy == Strategy.GLOROT_UNIFORM) {
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
                s.add("Every weight is c = " + num(f.config.constant()) + ", so the weight std is 0 and the formula "
                        + "does not apply.");
                s.add("Each unit adds up the same inputs with the same weight: z is one number per sample, copied "
                        + "into every unit.");
                s.add("z varies between samples (std z " + num(l.z().std()) + ") but never between units.");
            }
            case CUSTOM_NORMAL -> {
                double sigma = f.config.sigma();
                s.add("Var(w) = σ² with σ = " + num(sigma) + ", so Var(z) = fan_in · σ² · E[x²] = "
                        + num(l.fanIn() * sigma * sigma * f.inputSecondMoment) + ".");
                s.add("Xavier's σ for this fan_in is 1/√fan_in = " + num(1 / Math.sqrt(l.fanIn()))
                        + ": a larger σ grows the signal, a smaller one shrinks it.");
            }
            case LSUV -> {
                s.add("LSUV starts from a random rotation, then measures Var(z) of this layer on the input itself "
                        + "and divides W by std z until Var(z) is within 1 ± 0.1: here after "
                        + (f.result.lsuvRounds().isEmpty() ? 0 : f.result.lsuvRounds().get(l.layer() - 1))
                        + " rounds, Var(z) = " + num(l.z().std() * l.z().std()) + ".");
                s.add("Because it looks at the data, no formula of fan_in predicts it: the theory line is off.");
            }
            default -> throw new AssertionError(f.strategy);
        }
        return s;
    }

    private static String xavierWith(Activation act, Facts f) {
        return switch (act) {
            case TANH -> f.layer.z().std() >= PRESERVED_LO
                    ? "With E[x²] = " + num(f.inputSecondMoment) + " that puts z where tanh is neither flat nor "
                            + "merely linear. tanh squashes a little, so deep down the scale drifts slowly down."
                    : "tanh squashes its input a little at every layer, so the scale has drifted down to E[x²] = "
                            + num(f.inputSecondMoment) + " here, where tanh is nearly linear; from here on it "
                            + "shrinks only slowly.";
            case SIGMOID -> "sigmoid's outputs have mean 0.5, not 0, so the next layer sees a shifted input; "
                    + "the variance of z is right, but the units are never centred.";
            case RELU -> "ReLU zeroes the negative half, so E[a²] = Var(z)/2: every further layer halves the "
                    + "variance. He's factor 2 is the fix.";
            case LEAKY_RELU -> "Leaky ReLU keeps only a slope of " + num(f.config.leakySlope()) + " for negative z, "
                    + "so E[a²] ≈ Var(z) · (1 + α²)/2: every further layer nearly halves the variance.";
            case LINEAR -> "With a linear activation a = z, so the variance stays put at every depth.";
            case SELU -> "This is exactly the scale SELU was designed for: it pulls mean and variance back to 0 "
                    + "and 1 layer after layer.";
            case GELU -> "GELU acts like ReLU for large |z| and drops part of the signal, so E[a²] is below "
                    + "Var(z) and deep networks shrink slowly.";
        };
    }

    private static String heWith(Activation act, Facts f) {
        return switch (act) {
            case RELU -> "ReLU zeroes half of z, so E[a²] = Var(z)/2 = E[x²]: the factor 2 makes up exactly for "
                    + "the lost half, and the scale holds at every depth.";
            case LEAKY_RELU -> "For leaky ReLU the rule uses 2/(1 + α²) with α = " + num(f.config.leakySlope())
                    + ": the negative half keeps α² of its variance, and the factor makes up for the rest.";
            case TANH, SIGMOID -> f.activation.label() + " zeroes nothing, so the factor 2 has no lost half to make "
                    + "up for: " + (f.layer.z().std() > Math.sqrt(f.inputSecondMoment)
                            ? "z is wider than its input (std z " + num(f.layer.z().std()) + " against √E[x²] = "
                                    + num(Math.sqrt(f.inputSecondMoment)) + ") and more of it lands on the flat tails "
                                    + "(saturated: " + percent(f.layer.activation().saturatedFraction()) + ")."
                            : "yet " + f.activation.label() + " squashes what it passes on, so by this layer the "
                                    + "scale has settled at std z " + num(f.layer.z().std()) + ".");
            case LINEAR -> "A linear activation loses nothing, so the factor 2 doubles the variance at every "
                    + "layer.";
            case SELU -> "SELU expects Var(z) = 1; the factor 2 gives Var(z) = 2 · E[x²] = "
                    + num(2 * f.inputSecondMoment) + " instead.";
            case GELU -> "GELU drops part of the negative side, like ReLU, so the factor 2 roughly makes up for it.";
        };
    }

    /**
     * Whether this layer hands on the scale it got: 0 if E[a²] is within a factor 1.4 of its input's E[x²],
     * −1 below, +1 above.
     */
    private static int keptScale(Facts f) {
        double ratio = secondMoment(f.layer.activation()) / f.inputSecondMoment;
        return ratio < 1 / 1.4 ? -1 : ratio > 1.4 ? 1 : 0;
    }

    /** E[v²] = mean² + std². */
    private static double secondMoment(app.initscope.core.stats.Summary v) {
        return v.mean() * v.mean() + v.std() * v.std();
    }

    // ---- What to try -----------------------------------------------------------------------------------------

    private static String tryNext(Facts f) {
        List<String> s = new ArrayList<>();
        boolean relu = f.activation == Activation.RELU || f.activation == Activation.LEAKY_RELU;
        Strategy fix = relu ? Strategy.HE : Strategy.XAVIER;
        String deeper = deeper(f);
        switch (f.findings.getFirst()) {
            case NOT_FINITE -> {
                s.add(pick(fix) + " to bring the numbers back into range.");
                s.add("Or lower the depth or the fan_in.");
            }
            case SYMMETRY -> {
                s.add(pick(fix) + ": random weights give every unit its own function, and distinct units jumps "
                        + "to about " + f.layer.fanOut() + ".");
                s.add("Then compare the gradient histograms: the units now get different updates.");
            }
            case SATURATION -> {
                if (f.strategy != Strategy.XAVIER) {
                    s.add(pick(Strategy.XAVIER) + ": std z drops to about 1 and far fewer units saturate.");
                }
                s.add((s.isEmpty() ? "Switch" : "Or switch")
                        + " the activation to ReLU, which has no flat tail for positive z.");
            }
            case VANISHING, SHRINKING -> {
                s.add(f.strategy == fix ? pick(relu ? Strategy.XAVIER : Strategy.HE) + " and compare std z."
                        : pick(fix) + ": it scales the weights to keep std z near 1.");
                s.add(deeper != null ? deeper + " to watch the signal fade further."
                        : "Step through the layers to see where the signal fades.");
            }
            case EXPLODING -> {
                s.add(pick(fix) + ": it shrinks the weights as fan_in grows, which keeps std z near 1.");
                s.add(deeper != null ? deeper + " to see how fast the scale grows."
                        : "Step through the layers to see how fast the scale grows.");
            }
            case PRESERVED, HALF_OFF -> {
                if (relu && (f.strategy == Strategy.HE || f.strategy == Strategy.HE_UNIFORM)) {
                    s.add(pick(Strategy.XAVIER) + " for comparison: without the factor 2 the variance halves "
                            + "at every layer.");
                } else if (f.activation != Activation.RELU) {
                    s.add("Switch the activation to ReLU and compare Xavier with He: Xavier halves the variance at "
                            + "every layer, He keeps it.");
                } else {
                    s.add(pick(Strategy.HE) + " for comparison: its factor 2 makes up for the half that ReLU "
                            + "turns off.");
                }
                s.add(deeper != null ? deeper + " to see whether the scale holds."
                        : "Compare layer 1 with layer " + f.config.depth() + " to see whether the scale holds.");
            }
            default -> throw new AssertionError(f.findings.getFirst());
        }
        return String.join(" ", s);
    }

    /** "Raise depth to 10 and open the Depth view", or null when the network is already that deep. */
    private static String deeper(Facts f) {
        return f.config.depth() < 10 ? "Raise depth to 10 and open the Depth view" : null;
    }

    /** How to pick a strategy: keys 1–9 select the first nine of the list. */
    static String pick(Strategy s) {
        int key = s.ordinal() + 1;
        return key <= 9 ? "Press " + key + " for " + s.label() : "Pick " + s.label() + " from the More menu";
    }

    // ---- Numbers ---------------------------------------------------------------------------------------------

    /** A statistic as the views print it, or "not finite". */
    static String num(double v) {
        return Double.isFinite(v) ? Ticks.label(v) : "not finite";
    }

    /** A fraction as a percentage with one decimal, e.g. "94.7%". */
    static String percent(Double fraction) {
        return fraction == null || !Double.isFinite(fraction) ? "not finite"
                : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static long nonFinite(LayerResult l) {
        return l.z().nonFinite() + l.activation().nonFinite();
    }

    private static boolean allZero(Summary s) {
        return s.count() > 0 && s.zeroFraction() == 1.0;
    }

    /** Everything the paragraphs need, computed once. */
    private record Facts(ExperimentConfig config, StrategyResult result, LayerResult layer, Strategy strategy,
                         Activation activation, double inputSecondMoment, double previousStdZ,
                         List<Finding> findings) {

        static Facts of(ExperimentConfig config, StrategyResult result, int layer) {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(result, "result");
            int depth = result.layers().size();
            if (layer < 1 || layer > depth) {
                throw new IllegalArgumentException("layer must be between 1 and " + depth + ", got " + layer);
            }
            LayerResult l = result.layer(layer);
            double ex2;
            double previousStdZ = Double.NaN;
            if (layer == 1) {
                ex2 = config.input().secondMoment();
            } else {
                Summary prev = result.layer(layer - 1).activation();
                ex2 = prev.mean() * prev.mean() + prev.std() * prev.std();
                previousStdZ = result.layer(layer - 1).z().std();
            }
            return new Facts(config, result, l, result.strategy(), config.activation(), ex2, previousStdZ,
                    Explanation.findings(l, config.activation()));
        }
    }

    /**
     * The signal-propagation story of the shown strategy, with live numbers: where it sits on the order-to-chaos
     * diagram (its σ_w², χ₁ and phase by the mean-field maps, and why Xavier and He sit on the critical line
     * χ₁ = 1), and, when the run took it, what its Jacobian's singular values say about dynamical isometry.
     * Empty for a strategy the mean-field theory does not describe (a non-zero mean, LSUV), and until
     * {@link TheoryCache#prepare} has computed its numbers.
     */
    public static List<Paragraph> signalPropagation(ExperimentConfig config, StrategyResult result) {
        List<Paragraph> out = new ArrayList<>();
        Strategy s = result.strategy();
        double w2 = TheoryCache.sigmaW2(config, s, config.fanIn(), config.width());
        double b2 = TheoryCache.sigmaB2(config);
        if (w2 > 0) {
            // far right of the map the quadrature is not to be trusted; χ₁ grows with σ_w², so the map's right
            // edge bounds it from below. The numbers come from the cache, prepared off the FX thread.
            boolean beyond = !TheoryCache.reliable(config, w2);
            double at = beyond ? app.initscope.core.theory.MeanField.GRID_W2_HI : w2;
            app.initscope.core.theory.MeanField.Point p = TheoryCache.point(config, at, b2);
            Double critical = TheoryCache.critical(config, b2);
            if (p != null && critical != null) {
                List<String> t = new ArrayList<>();
                t.add(String.format(Locale.ROOT, "%s puts σ_w² = fan_in·Var(w) at %s%s. By the mean-field maps "
                                + "that gives %s: a small difference between two inputs is multiplied by χ₁ "
                                + "in every layer, so this network is %s.", s.label(), Ticks.label(w2),
                        b2 > 0 ? " with σ_b² = " + Ticks.label(b2) : "", beyond
                                ? "χ₁ above " + Ticks.label(p.chi1()) + " (its value at the map's right edge, σ_w² = "
                                + Ticks.label(at) + ")" : "χ₁ = " + Ticks.label(p.chi1()),
                        beyond && p.phase() != app.initscope.core.theory.MeanField.Phase.CHAOTIC
                                ? "past what the maps here can tell" : switch (p.phase()) {
                            case ORDERED -> "ordered: deep down every input looks alike, and gradients fade";
                            case CRITICAL -> "critical, at the edge of chaos, where signals travel deepest";
                            case CHAOTIC -> "chaotic: nearby inputs fly apart, and gradients explode";
                        }));
                if (Double.isFinite(critical)) {
                    t.add(String.format(Locale.ROOT, "For %s the line χ₁ = 1 lies at σ_w² = %s here. That is "
                                    + "why the named rules are what they are: Xavier's σ_w² = 1 is exactly tanh's "
                                    + "critical point without biases, and He's 2 is ReLU's, where ReLU's lost half "
                                    + "is made up. The Phase tab shows the map, each strategy on it, and lets you "
                                    + "click a point of your own.", config.activation().label(),
                            Ticks.label(critical)));
                }
                out.add(new Paragraph("On the phase diagram", String.join(" ", t)));
            }
        }
        app.initscope.core.experiment.JacobianSpectrum j = result.jacobian();
        if (j != null) {
            out.add(new Paragraph("The Jacobian", String.format(Locale.ROOT, "The input–output Jacobian of %d "
                            + "layers has singular values from %s to %s (mean σ² %s, Var(λ) %s). Orthogonal "
                            + "weights keep every singular value at 1 in a linear network, however deep: the "
                            + "gradient reaches every direction of the input at the same strength (dynamical "
                            + "isometry). Gaussian weights of the same average size keep only the mean of σ² at "
                            + "1 and spread the rest further with every layer (in a linear network Var(λ) grows "
                            + "like the depth), so some directions are amplified and others all but lost.",
                    result.layers().size(), Ticks.label(j.minSingular()), Ticks.label(j.maxSingular()),
                    Ticks.label(j.meanSquaredSingular()), Ticks.label(j.eigenVariance()))));
        }
        return out;
    }
}
