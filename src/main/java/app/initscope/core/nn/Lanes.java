package app.initscope.core.nn;

import app.initscope.core.linalg.Kernels;

/**
 * Σ x[0, n) in double, as {@value #LANES} running sums s_k over the x_j with j ≡ k (mod {@value #LANES}), each
 * added in order, then added pairwise ((s0 + s1) + (s2 + s3)) + … A fixed order, so the same bits on every run and
 * thread count, with or without the Vector API, but {@value #LANES} chains of additions where one sum in order is a
 * single chain: the adds of a row overlap instead of each waiting for the one before. {@link Normalization}'s
 * LayerNorm sums a row with it.
 */
final class Lanes {

    /** The running sums: four vectors of four doubles on the Vector API. */
    static final int LANES = 16;
    private static final boolean VECTOR = Kernels.vectorApiAvailable();

    private Lanes() {
    }

    /**
     * Σ x[0, n) in the order above.
     *
     * @param s Modified: room for {@value #LANES} sums, the caller's, so that a sum allocates nothing
     */
    static double sum(double[] x, int n, double[] s) {
        int j = VECTOR ? VectorNorm.lanes(x, n, s) : 0;
        if (!VECTOR) {
            java.util.Arrays.fill(s, 0.0);
        }
        for (; j < n; j++) {
            s[j % LANES] += x[j];
        }
        for (int width = LANES / 2; width > 0; width /= 2) {
            for (int k = 0; k < width; k++) {
                s[k] = s[2 * k] + s[2 * k + 1];
            }
        }
        return s[0];
    }
}
