package app.initscope.core.nn;

import java.util.Locale;

/**
 * Residual connections in the pre-activation form: layer 1 is z_1 = x·W_1, and each later layer adds a scaled
 * branch to the layer before, z_l = z_{l−1} + α·φ(N(z_{l−1}))·W_l. Without them, z_l = φ(N(z_{l−1}))·W_l.
 * α is a fixed branch scale ≥ 0, or 1/√(depth − 1) ({@code sqrt-depth}), the scale under which the variance stays
 * bounded however deep (GPT-2 scales its residual projections so; Fixup and SkipInit start at α = 0).
 *
 * @param on    whether the layers after the first add their branch to a skip connection
 * @param alpha the branch scale α ≥ 0 when fixed; NaN for {@code sqrt-depth}
 */
public record Residual(boolean on, double alpha) {

    /** No residual connections: the plain network. */
    public static final Residual OFF = new Residual(false, Double.NaN);
    /** α = 1/√(depth − 1). */
    public static final Residual SQRT_DEPTH = new Residual(true, Double.NaN);

    public Residual {
        if (on && !Double.isNaN(alpha) && !(alpha >= 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("the residual branch scale must be a finite number ≥ 0, got " + alpha);
        }
    }

    /** A fixed branch scale α ≥ 0. */
    public static Residual scaled(double alpha) {
        if (Double.isNaN(alpha)) {
            throw new IllegalArgumentException("the residual branch scale must be a number, got NaN");
        }
        return new Residual(true, alpha);
    }

    /**
     * Reads {@code off}, {@code sqrt-depth} or a number ≥ 0.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static Residual parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("off") || s.equals("none")) {
            return OFF;
        }
        if (s.equals("sqrt-depth")) {
            return SQRT_DEPTH;
        }
        try {
            return scaled(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("residual: expected off, sqrt-depth or a branch scale ≥ 0, got '"
                    + text + "'");
        }
    }

    /** Whether α is 1/√(depth − 1). */
    public boolean sqrtDepth() {
        return on && Double.isNaN(alpha);
    }

    /** The branch scale for a network of {@code depth} hidden layers; 1 for depth 1, which has no branch. */
    public double alpha(int depth) {
        if (!on) {
            return 1.0;
        }
        return sqrtDepth() ? (depth > 1 ? 1.0 / Math.sqrt(depth - 1) : 1.0) : alpha;
    }

    /** How the command line, the presets and the JSON spell it: off, sqrt-depth or the number. */
    public String id() {
        if (!on) {
            return "off";
        }
        if (sqrtDepth()) {
            return "sqrt-depth";
        }
        return alpha == Math.rint(alpha) && Math.abs(alpha) < 1e15 ? Long.toString((long) alpha)
                : Double.toString(alpha);
    }

    @Override
    public String toString() {
        return id();
    }
}
