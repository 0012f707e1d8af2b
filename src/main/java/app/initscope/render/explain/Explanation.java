package app.initscope.render.explain;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.render.Ticks;
import app.initscope.render.TheoryCache;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The text of the "Explain" panel: what the live numbers of one layer show, why the strategy gives them, and
 * what to try next. Pure presentation text, built from a real result; no JavaFX.
 *
 * <p>The headline and the paragraphs are written from one {@link Facts} per layer, whose {@link Verdict} is the
 * only place that decides whether the signal grows, keeps its scale or shrinks, so the text cannot contradict its
 * own headline. Numbers are quoted the way the views print them ({@link Ticks#label(double)}, percentages with
 * one decimal), so a lecturer can point at the same number on screen.
 */
public final class Explanation {

    /** One paragraph of the panel. */
    public record Paragraph(String heading, String text) {
        public Paragraph {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(text, "text");
        }
    }

    private Explanation() {
    }

    /**
     * The paragraphs "What you see", "Why" and "What to try" for one layer, and with a normalization or residual
     * connections "Normalization and skips" first.
     *
     * @param layer 1-based, at most the result's depth
     */
    public static List<Paragraph> of(ExperimentConfig config, StrategyResult result, int layer) {
        Facts f = Facts.of(config, result, layer);
        List<Paragraph> paragraphs = new java.util.ArrayList<>();
        if (Architecture.applies(config)) {
            // first: the rest reads the layer as a plain one, and this says what the normalization or skips change
            paragraphs.add(new Paragraph("Normalization and skips", Architecture.text(config, result, layer)));
        }
        paragraphs.add(new Paragraph("What you see", WhatYouSee.text(f)));
        paragraphs.add(new Paragraph("Why", Why.text(f)));
        paragraphs.add(new Paragraph("What to try", WhatToTry.text(f)));
        return List.copyOf(paragraphs);
    }

    /** A one-line summary for a title, e.g. "Symmetry: all 1000 units are identical". */
    public static String headline(ExperimentConfig config, StrategyResult result, int layer) {
        Facts f = Facts.of(config, result, layer);
        LayerResult l = f.layer();
        String stdZ = f.stdPhiInput();
        String handedOn = "E[a²] " + num(f.handedOn()) + (f.findings().contains(Finding.HALF_OFF)
                ? ", half the units off" : "");
        boolean rectifies = Verdict.rectifies(f.activation());
        String text = switch (f.first()) {
            case NOT_FINITE -> "Overflow: " + (l.z().nonFinite() + l.activation().nonFinite())
                    + " values are not finite";
            case SYMMETRY -> "Symmetry: all " + l.fanOut() + " units are identical";
            case SATURATION -> "Saturation: " + percent(l.activation().saturatedFraction())
                    + " of the activations sit on the flat tails";
            case VANISHING -> "Vanishing signal: " + stdZ;
            case EXPLODING -> "Exploding signal: " + stdZ;
            case SHRINKING -> "Shrinking signal: " + stdZ;
            case NARROWING -> !rectifies ? "Variance shrinks ×" + Gradients.factor(f.gain()) + ": " + stdZ
                    : (Math.abs(f.gain() - 0.5) <= 0.15 ? "Scale halved: " : "Scale shrinks: ") + handedOn;
            case PRESERVED -> rectifies ? "Scale preserved: " + handedOn : "Variance preserved: " + stdZ;
            case GROWING -> rectifies ? "Scale grows: " + handedOn
                    : "Variance grows ×" + Gradients.factor(f.gain()) + ": " + stdZ;
            case HALF_OFF -> "Half off: zeros " + percent(l.activation().zeroFraction());
        };
        return f.config().depth() > 1 ? text + " (layer " + l.layer() + " of " + f.config().depth() + ")" : text;
    }

    /**
     * The signal-propagation story of the shown strategy, with live numbers: where it sits on the order-to-chaos
     * diagram (its σ_w², χ₁ and phase by the mean-field maps, and why Xavier and He sit on the critical line
     * χ₁ = 1), and, when the run took it, what its Jacobian's singular values say about dynamical isometry.
     * Empty for a strategy the mean-field theory does not describe (a non-zero mean, LSUV), and until
     * {@link TheoryCache#prepare} has computed its numbers.
     */
    public static List<Paragraph> signalPropagation(ExperimentConfig config, StrategyResult result) {
        return SignalPropagation.of(config, result);
    }

    /** A statistic as the views print it, or "not finite". */
    static String num(double v) {
        return Double.isFinite(v) ? Ticks.label(v) : "not finite";
    }

    /** A fraction as a percentage with one decimal, e.g. "94.7%". */
    static String percent(Double fraction) {
        return fraction == null || !Double.isFinite(fraction) ? "not finite"
                : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
