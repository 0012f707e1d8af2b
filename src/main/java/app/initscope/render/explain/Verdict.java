package app.initscope.render.explain;

import app.initscope.core.nn.Activation;

/**
 * What a layer does to the scale of the signal: one classification, computed once per layer from std z and the
 * layer's gain, that the headline and every paragraph of the explanation quote. Nothing else in this package
 * decides whether a signal grows, keeps its scale or shrinks.
 *
 * <p>The absolute bands come first: a std z below {@link #VANISHING_STD} has vanished, below {@link #PRESERVED_LO}
 * it is shrinking, above {@link #PRESERVED_HI} it is exploding. Inside the band the {@linkplain #gain gain}
 * decides: a layer that multiplies the variance it hands on by more than {@link #GAIN_TOLERANCE} grows the signal
 * (He with tanh: gain 2, the chaotic side of the phase diagram), one that divides it by more shrinks it (Xavier
 * with ReLU: gain ½, the ordered side), and in between it is preserved. Every sentence that says which way the
 * signal goes takes it from here.
 */
enum Verdict {
    NOT_FINITE(0), VANISHING(-1), SHRINKING(-1), NARROWING(-1), PRESERVED(0), GROWING(1), EXPLODING(1);

    /** Below this std z the signal counts as vanished. */
    static final double VANISHING_STD = 0.05;
    /** The band of std z inside which the gain decides. */
    static final double PRESERVED_LO = 0.5;
    static final double PRESERVED_HI = 2.0;
    /** A gain within this factor of 1 (either way) preserves the scale. */
    static final double GAIN_TOLERANCE = 1.4;

    private final int direction;

    Verdict(int direction) {
        this.direction = direction;
    }

    /** +1 when the signal grows, −1 when it shrinks, 0 when it keeps its scale or is not finite. */
    int direction() {
        return direction;
    }

    /**
     * The verdict of a layer.
     *
     * @param stdZ the measured std z
     * @param gain the layer's {@linkplain #gain gain}
     */
    static Verdict of(double stdZ, double gain) {
        if (!Double.isFinite(stdZ)) {
            return NOT_FINITE;
        }
        if (stdZ < VANISHING_STD) {
            return VANISHING;
        }
        if (stdZ < PRESERVED_LO) {
            return SHRINKING;
        }
        if (stdZ > PRESERVED_HI) {
            return EXPLODING;
        }
        if (gain > GAIN_TOLERANCE) {
            return GROWING;
        }
        return gain < 1 / GAIN_TOLERANCE ? NARROWING : PRESERVED;
    }

    /**
     * The factor by which a layer's weights multiply the scale it hands on, against a rule that preserves it:
     * σ_w² · κ, with σ_w² = fan_in · Var(w) (the number the phase diagram places) and κ the share of Var(z) that
     * the activation passes on (see {@link #kept}), so 1/κ is the σ_w² that preserves the variance. 1 for Xavier
     * with tanh and for He with ReLU, 2 for He with tanh, ½ for Xavier with ReLU. Taken from the weights, not from
     * Var(z): a bias adds the same spread whatever the weights do, and where it dominates a small signal its
     * sampling noise would otherwise decide the verdict.
     */
    static double gain(double sigmaW2, Activation activation, double leakySlope) {
        return sigmaW2 * kept(activation, leakySlope);
    }

    /**
     * The share of Var(z) that the activation hands on as E[a²] for zero-mean Gaussian z: ½ for ReLU (and GELU,
     * which behaves as ReLU for large |z|), (1 + α²)/2 for leaky ReLU, exactly the inverse of He's gain; 1 for the
     * activations that zero nothing (tanh, sigmoid, linear, SELU), whose slope at 0 is what matters for a
     * preserved scale.
     */
    static double kept(Activation activation, double leakySlope) {
        return switch (activation) {
            case RELU, LEAKY_RELU, GELU -> 1 / activation.gainSquared(leakySlope);
            case TANH, SIGMOID, LINEAR, SELU -> 1;
        };
    }

    /** Whether the activation zeroes (part of) its negative side, so that E[a²] and not std z tells the scale. */
    static boolean rectifies(Activation activation) {
        return kept(activation, 0) < 1;
    }
}
