package app.initscope.render.explain;

import static app.initscope.render.explain.Explanation.num;
import static app.initscope.render.explain.Explanation.percent;

import app.initscope.core.experiment.LayerResult;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;

/** The paragraph "What you see": what the live numbers of one layer show, the dominant finding first. */
final class WhatYouSee {

    /** A loss more than this many times the all-zero answer's counts as huge. */
    static final double HUGE_LOSS_FACTOR = 10;

    private WhatYouSee() {
    }

    static String text(Facts f) {
        LayerResult l = f.layer();
        Summary z = l.z();
        Summary a = l.activation();
        List<String> s = new ArrayList<>();
        if (f.config().depth() > 1) {
            s.add("Layer " + l.layer() + " of " + f.config().depth() + ".");
        }
        for (Finding finding : f.findings()) {
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
                    if (f.verdict() == Verdict.EXPLODING) {
                        s.add("std z " + num(z.std()) + " is far wider than the input's scale of about 1.");
                    }
                    s.add("This is saturation (saturated: " + percent(a.saturatedFraction()) + ").");
                    s.add(f.activation() == Activation.TANH
                            ? "Most activations sit on the flat tails of tanh, close to −1 or +1."
                            : "Most activations sit on the flat tails of sigmoid, close to 0 or 1.");
                    s.add("There φ′ ≈ 0 (mean φ′ " + num(l.localGradient().mean()) + "), and δ = g · φ′, so the "
                            + "saturated units pass almost nothing back and barely learn.");
                    s.addAll(Gradients.saturatedGradient(f));
                }
                case VANISHING, SHRINKING, EXPLODING -> {
                    if (l.normalized() != null && z.std() > 0) {
                        normalized(f, s);
                        s.add(Gradients.gradientScale(f));
                    } else {
                        scale(f, finding, s);
                    }
                }
                case PRESERVED, GROWING, NARROWING -> inBand(f, s);
                case HALF_OFF -> {
                    s.add("Half the units are off (zeros: " + percent(a.zeroFraction()) + ").");
                    s.add("ReLU outputs exactly 0 for every negative z, and z is symmetric around 0.");
                    if (f.findings().contains(Finding.SYMMETRY)) {
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
        double loss = f.result().loss();
        double zeroAnswer = f.config().outputs() / 2.0;
        if (Double.isFinite(loss) && loss > HUGE_LOSS_FACTOR * zeroAnswer) {
            s.add("Before any training the loss is " + num(loss) + ", " + num(loss / zeroAnswer) + " times the "
                    + num(zeroAnswer) + " that always answering 0 would score: the outputs are far too large, so the "
                    + "error y − T that starts the backward pass is large too.");
        } else if (Double.isFinite(loss)) {
            s.add("Before any training the loss is " + num(loss) + "; always answering 0 would score about "
                    + num(f.config().outputs() / 2.0) + ". An untrained readout adds its own random guesses, so a "
                    + "higher loss here says nothing bad; whether the gradients can flow is what matters.");
        } else {
            s.add("Before any training the loss is not finite.");
        }
        return String.join(" ", s);
    }

    /** A signal outside the band of scales: vanishing, shrinking or exploding std z. */
    private static void scale(Facts f, Finding finding, List<String> s) {
        LayerResult l = f.layer();
        Summary z = l.z();
        Summary a = l.activation();
        if (finding == Finding.VANISHING) {
            if (z.std() == 0) {
                s.add("The signal is gone: std z 0, z is exactly 0 for every sample.");
            } else {
                s.add("The signal is vanishing: std z " + num(z.std()) + ".");
                s.add(smallSignal(f.activation(), a));
                s.addAll(Gradients.gradientOfAWeakSignal(f));
            }
        } else if (finding == Finding.EXPLODING) {
            s.add("The signal is exploding: std z " + num(z.std()) + ", far wider than the input's scale of about 1.");
            if (f.activation().hasSaturation()) {
                s.add(f.activation().label() + "'s flat tails hold the activations in (std a " + num(a.std())
                        + "), but more and more of z lands on them.");
            } else {
                s.add(f.activation().label() + " has no flat tail to stop it, so the activations are huge too (std a "
                        + num(a.std()) + ").");
                s.add(f.gain() > Verdict.GAIN_TOLERANCE ? furtherLayers(f)
                        : "This layer's own weights keep the scale they get (" + f.weights()
                                + "): the layers before it made it this wide.");
            }
            s.add(Gradients.gradientScale(f));
        } else {
            s.add("The signal is shrinking: std z " + num(z.std()) + ", below the input's scale of about 1.");
            if (l.layer() > 1 && Double.isFinite(f.previousStdZ()) && f.previousStdZ() > 0) {
                s.add("Layer " + (l.layer() - 1) + " had std z " + num(f.previousStdZ()) + ", so this layer "
                        + (z.std() < f.previousStdZ() ? "shrank it by the factor " : "grew it by the factor ")
                        + num(z.std() / f.previousStdZ()) + ".");
            }
            s.add("If every layer shrinks it like this, a deep network loses the signal.");
            s.addAll(Gradients.gradientOfAWeakSignal(f));
        }
    }

    /**
     * A normalized layer's scale: φ takes N(z), of unit variance whatever z's, except where Var(z) is not far above
     * ε, which then keeps N(z) below 1.
     */
    private static void normalized(Facts f, List<String> s) {
        LayerResult l = f.layer();
        s.add(f.stdPhiInput() + ": the normalization hands " + f.activation().label() + " an input of about unit "
                + "scale whatever the scale of z (std z " + num(l.z().std()) + "), so what reaches the next layer is "
                + "E[a²] = " + num(f.handedOn()) + ".");
        double varZ = l.z().std() * l.z().std();
        if (varZ < 10 * Norm.EPSILON) {
            s.add("Not quite 1: Var(z) = " + num(varZ) + " is not far above ε = 10⁻⁵, and N(z)'s variance is "
                    + "Var(z)/(Var(z) + ε). Every layer's normalization does the same, so it does not compound.");
        }
    }

    /**
     * A layer whose std z lies in the band, where the verdict says whether it keeps, grows or shrinks the scale
     * it hands on. After a rectifier the scale is E[a²], which is what the next layer sees: std z is meant to be
     * larger than the input's there.
     */
    private static void inBand(Facts f, List<String> s) {
        LayerResult l = f.layer();
        Summary a = l.activation();
        Activation act = f.activation();
        String stdZ = f.stdPhiInput();
        String input = "√E[x²] = " + num(Math.sqrt(f.inputSecondMoment()));
        if (l.normalized() != null) {
            normalized(f, s);
        } else if (Verdict.rectifies(act)) {
            String zeroes = f.findings().contains(Finding.HALF_OFF) ? "ReLU zeroes about half of z"
                    : act.label() + " drops most of the negative half of z";
            String handed = "what reaches the next layer is E[a²] = " + num(f.handedOn()) + " against this layer's "
                    + "E[x²] = " + num(f.inputSecondMoment());
            s.add(switch (f.verdict()) {
                case PRESERVED -> stdZ + " is larger than the input's " + input + " on purpose: " + zeroes + ", so "
                        + handed + ", the input's scale again.";
                case GROWING -> stdZ + ": even after " + zeroes + ", " + handed + ". The scale grows: "
                        + f.weights() + ".";
                default -> stdZ + " matches the input's " + input + ", but " + zeroes + ", so " + handed
                        + ". The scale shrinks: " + f.weights() + ".";
            });
        } else {
            s.add(switch (f.verdict()) {
                case PRESERVED -> stdZ + ": the variance is preserved. z keeps roughly the input's scale.";
                case GROWING -> stdZ + " is wider than this layer's input (" + input + "): " + f.weights() + ".";
                default -> stdZ + ": " + f.weights() + ", so this layer shrinks the variance it hands on.";
            });
        }
        if (f.verdict() == Verdict.GROWING && act.hasSaturation()) {
            s.add(act.label() + " squashes the wide z back (E[a²] = " + num(f.handedOn()) + " goes on), so the "
                    + "scale cannot run away, but more of z lands on the flat tails (saturated: "
                    + percent(a.saturatedFraction()) + ").");
        } else if (f.verdict() == Verdict.GROWING) {
            s.add(act.label() + " does not squash it back. " + furtherLayers(f));
        } else if (a.saturatedFraction() != null) {
            s.add("So " + act.label() + " works in its useful range: only " + percent(a.saturatedFraction())
                    + " of the activations are saturated.");
        } else {
            s.add("So " + act.label() + " works in its useful range.");
        }
        if (l.localGradient().mean() > 0.1) {
            s.add("φ′ stays well away from 0 (mean φ′ " + num(l.localGradient().mean())
                    + "), so this layer passes on the gradient it gets.");
        }
        s.add(Gradients.gradientScale(f));
    }

    private static String furtherLayers(Facts f) {
        return f.last() ? "Each layer added after it would multiply the scale again."
                : "Every further layer multiplies the scale again.";
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

    private static boolean allZero(Summary s) {
        return s.count() > 0 && s.zeroFraction() == 1.0;
    }
}
