package app.initscope.core.nn;

import app.initscope.core.settings.Ids;
import app.initscope.core.linalg.Elementwise;

/**
 * The activation functions, each with its forward value and derivative side by side.
 *
 * <p>The scalar forms use {@link StrictMath}, whose results are specified to the bit, so the scalar path gives
 * the same numbers whether or not the JIT has compiled it; the fast array paths live in {@link Elementwise}.
 *
 * <p>{@link #function(double)} binds the leaky-ReLU slope (ignored by the others). {@link #gain(double)} is the
 * activation's recommended weight gain, the table of PyTorch's {@code torch.nn.init.calculate_gain}.
 */
public enum Activation implements Ids.Kebab {

    /**
     * tanh(z); φ′ = 1 − tanh²(z), computed as sech²(z) = 1/cosh²(z) so that it does not cancel to 0 where tanh
     * rounds to ±1. Saturated: |a| &gt; 0.97.
     */
    TANH("tanh") {
        @Override
        public Phi function(double leakySlope) {
            return new Phi() {
                @Override
                public double value(double z) {
                    return StrictMath.tanh(z);
                }

                @Override
                public double derivative(double z) {
                    double c = StrictMath.cosh(z);
                    return 1.0 / (c * c);
                }

                @Override
                public void apply(float[] z, float[] a, float[] d, int from, int to) {
                    if (!Elementwise.tanh(z, a, d, from, to)) {
                        Phi.super.apply(z, a, d, from, to);
                    }
                }
            };
        }
    },

    /**
     * σ(z) = 1 / (1 + e^−z); φ′ = σ(z)(1 − σ(z)), both computed from e^−|z| so neither overflows nor cancels.
     * Saturated: a &lt; 0.03 or a &gt; 0.97.
     */
    SIGMOID("sigmoid") {
        @Override
        public Phi function(double leakySlope) {
            return new Phi() {
                @Override
                public double value(double z) {
                    return sigmoid(z);
                }

                @Override
                public double derivative(double z) {
                    double e = StrictMath.exp(-Math.abs(z));
                    return e / ((1.0 + e) * (1.0 + e));
                }

                @Override
                public void apply(float[] z, float[] a, float[] d, int from, int to) {
                    if (!Elementwise.sigmoid(z, a, d, from, to)) {
                        Phi.super.apply(z, a, d, from, to);
                    }
                }
            };
        }
    },

    /** max(0, z); φ′ = 1 for z &gt; 0, else 0 (the subgradient 0 at z = 0). NaN stays NaN. */
    RELU("ReLU") {
        @Override
        public Phi function(double leakySlope) {
            return new Phi() {
                @Override
                public double value(double z) {
                    return z > 0 || Double.isNaN(z) ? z : 0.0;
                }

                @Override
                public double derivative(double z) {
                    return z > 0 ? 1.0 : Double.isNaN(z) ? z : 0.0;
                }

                @Override
                public double[] gaussianMoments(double q) {
                    return new double[] {Math.sqrt(q / (2 * Math.PI)), q / 2, 0.5};
                }

                @Override
                public void apply(float[] z, float[] a, float[] d, int from, int to) {
                    for (int i = from; i < to; i++) {
                        float v = z[i];
                        boolean on = v > 0f;
                        boolean nan = v != v;
                        a[i] = on || nan ? v : 0f;
                        d[i] = on ? 1f : nan ? v : 0f;
                    }
                }
            };
        }
    },

    /** z for z &gt; 0, else α·z; φ′ = 1 or α. */
    LEAKY_RELU("leaky ReLU") {
        @Override
        public Phi function(double leakySlope) {
            return new Phi() {
                @Override
                public double value(double z) {
                    return z > 0 ? z : leakySlope * z;
                }

                @Override
                public double derivative(double z) {
                    return z > 0 ? 1.0 : Double.isNaN(z) ? z : leakySlope;
                }

                @Override
                public double[] gaussianMoments(double q) {
                    double a = leakySlope;
                    return new double[] {(1 - a) * Math.sqrt(q / (2 * Math.PI)), (1 + a * a) * q / 2, (1 + a) / 2};
                }
            };
        }
    },

    /** z; φ′ = 1. */
    LINEAR("linear") {
        @Override
        public Phi function(double leakySlope) {
            return new Phi() {
                @Override
                public double value(double z) {
                    return z;
                }

                @Override
                public double derivative(double z) {
                    return 1.0;
                }
            };
        }
    },

    /**
     * SELU (Klambauer et al., 2017): λ·z for z &gt; 0, else λ·α·(e^z − 1); φ′ = λ or λ·α·e^z, with
     * λ ≈ 1.0507 and α ≈ 1.6733.
     */
    SELU("SELU") {
        @Override
        public Phi function(double leakySlope) {
            return new Phi() {
                @Override
                public double value(double z) {
                    return z > 0 ? SELU_LAMBDA * z : SELU_LAMBDA * SELU_ALPHA * StrictMath.expm1(z);
                }

                @Override
                public double derivative(double z) {
                    return z > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * StrictMath.exp(z);
                }

                @Override
                public void apply(float[] z, float[] a, float[] d, int from, int to) {
                    if (!Elementwise.selu(z, a, d, from, to, SELU_LAMBDA, SELU_ALPHA)) {
                        Phi.super.apply(z, a, d, from, to);
                    }
                }
            };
        }
    },

    /**
     * GELU in its tanh form (Hendrycks and Gimpel, 2016, as used by BERT and GPT-2):
     * φ(z) = ½·z·(1 + tanh u), u = √(2/π)·(z + 0.044715·z³). With ½(1 + tanh u) = σ(2u) and
     * sech² u = 4e/(1 + e)², e = e^{−2|u|}: φ′ = σ(2u) + ½·z·sech²(u)·u′, u′ = √(2/π)·(1 + 3·0.044715·z²).
     * Written this way neither cancels for very negative z nor gives ∞·0 for huge |z|.
     */
    GELU("GELU (tanh form)") {
        @Override
        public Phi function(double leakySlope) {
            return new Phi() {
                @Override
                public double value(double z) {
                    return z * sigmoidOfTwice(geluArgument(z));
                }

                @Override
                public double derivative(double z) {
                    double u = geluArgument(z);
                    double e = StrictMath.exp(-2 * Math.abs(u));
                    double s = sigmoidOfTwice(u);
                    if (e == 0) {
                        return s;
                    }
                    double sech2 = 4 * e / ((1 + e) * (1 + e));
                    return s + 0.5 * z * sech2 * GELU_C * (1.0 + 3.0 * GELU_K * z * z);
                }

                @Override
                public void apply(float[] z, float[] a, float[] d, int from, int to) {
                    if (!Elementwise.gelu(z, a, d, from, to, GELU_C, GELU_K)) {
                        Phi.super.apply(z, a, d, from, to);
                    }
                }
            };
        }
    };

    /** SELU's scale λ. */
    public static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    /** SELU's α. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double GELU_C = Math.sqrt(2.0 / Math.PI);
    private static final double GELU_K = 0.044715;

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /** This activation with its parameters bound. */
    public abstract Phi function(double leakySlope);

    /** A human-readable name, e.g. {@code leaky ReLU}. */
    public String label() {
        return label;
    }

    /**
     * Whether an activation value counts as saturated: tanh |a| &gt; 0.97, sigmoid a &lt; 0.03 or a &gt; 0.97.
     * Only meaningful when {@link #hasSaturation()}.
     */
    public boolean isSaturated(float a) {
        return a < saturatedBelow() || a > saturatedAbove();
    }

    /**
     * The saturated values are those below this (tanh −0.97, sigmoid 0.03) or above {@link #saturatedAbove()}; NaN
     * where saturation does not apply, so that no value is. The band in two numbers lets a summary test a whole
     * vector of values at once.
     */
    public float saturatedBelow() {
        return switch (this) {
            case TANH -> -0.97f;
            case SIGMOID -> 0.03f;
            default -> Float.NaN;
        };
    }

    /** The saturated values are those above this (0.97 for tanh and sigmoid) or below {@link #saturatedBelow()}. */
    public float saturatedAbove() {
        return switch (this) {
            case TANH, SIGMOID -> 0.97f;
            default -> Float.NaN;
        };
    }

    /**
     * The square of the {@linkplain #gain(double) gain}: the factor by which a variance-preserving rule scales
     * Var(w) = 1/fan_in. Exact for every entry (2, 25/9, 2/(1+α²), 9/16, 1), so a variance built from it carries
     * no rounding of a square root.
     *
     * @param leakySlope the leaky-ReLU slope α (ignored by the others)
     */
    public double gainSquared(double leakySlope) {
        return switch (this) {
            case LINEAR, SIGMOID -> 1.0;
            case TANH -> 25.0 / 9.0;
            case RELU -> 2.0;
            case LEAKY_RELU -> 2.0 / (1.0 + leakySlope * leakySlope);
            case SELU -> 9.0 / 16.0;
            // no entry in PyTorch's table; GELU behaves as ReLU for |z| >> 1, so it gets ReLU's gain
            case GELU -> 2.0;
        };
    }

    /**
     * The recommended gain g for weights followed by this activation, as PyTorch's {@code calculate_gain}:
     * linear and sigmoid 1, tanh 5/3, ReLU √2, leaky ReLU √(2/(1+α²)), SELU 3/4. PyTorch has no gain for GELU
     * (it raises); we give it ReLU's √2, the limit E[φ(z)²] → q/2 that GELU approaches for large Var(z) = q.
     *
     * <p>The rectifier gains make E[φ(z)²] = Var(z)/g² exact for zero-mean Gaussian z. tanh's 5/3 and SELU's 3/4
     * are PyTorch's choices, not fixed points: a self-normalizing SELU network wants Var(w) = 1/fan_in (gain 1,
     * LeCun normal), and PyTorch's 3/4 trades that for steadier gradients in rectangular layers.
     *
     * @param leakySlope the leaky-ReLU slope α (ignored by the others)
     */
    public double gain(double leakySlope) {
        return Math.sqrt(gainSquared(leakySlope));
    }

    /** Whether saturation is defined for this activation (tanh and sigmoid). */
    public boolean hasSaturation() {
        return this == TANH || this == SIGMOID;
    }

    /** Looks an activation up by its CLI id, case-insensitively. */
    public static Activation fromId(String id) {
        return Ids.lookup(Activation.class, id, "activation");
    }

    /** The valid ids, comma-separated. */
    public static String validIds() {
        return Ids.valid(Activation.class);
    }

    static double geluArgument(double z) {
        return GELU_C * (z + GELU_K * z * z * z);
    }

    /** σ(2u) = ½(1 + tanh u), without cancellation for negative u. */
    static double sigmoidOfTwice(double u) {
        double e = StrictMath.exp(-2 * Math.abs(u));
        return u >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    static double sigmoid(double z) {
        double e = StrictMath.exp(-Math.abs(z));
        return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    @Override
    public String toString() {
        return id();
    }
}
