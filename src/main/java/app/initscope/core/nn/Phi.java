package app.initscope.core.nn;

/**
 * One activation function with its parameters bound: the forward value and the derivative, side by side.
 *
 * <p>The scalar methods work in double (theory, finite-difference checks); {@link #apply} is the float32 path
 * of the engine and must agree with them to float rounding.
 */
public interface Phi {

    /** φ(z). */
    double value(double z);

    /** φ′(z). */
    double derivative(double z);

    /**
     * The exact {E[φ(z)], E[φ(z)²], E[φ′(z)]} for z ∼ N(0, q), q &gt; 0, where a closed form is known (the
     * piecewise-linear activations, whose kink at 0 makes quadrature converge slowly), or null.
     */
    default double[] gaussianMoments(double q) {
        return null;
    }

    /**
     * Computes {@code a[i] = φ(z[i])} and {@code d[i] = φ′(z[i])} for {@code i} in {@code [from, to)}.
     *
     * @param z Not modified
     * @param a Modified
     * @param d Modified
     */
    default void apply(float[] z, float[] a, float[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = z[i];
            a[i] = (float) value(v);
            d[i] = (float) derivative(v);
        }
    }
}
