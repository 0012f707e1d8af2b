package app.initscope.core.nn;

/**
 * Σ x[0, n) in double, as eight running sums s_k over the x_j with j ≡ k (mod 8), each added in order, then
 * added pairwise: ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)). A fixed order, so the same bits on every
 * run and thread count, but eight chains of additions where one sum in order is a single chain: the adds of a
 * row overlap instead of each waiting for the one before. {@link Normalization}'s LayerNorm sums a row with it.
 */
final class Lanes {

    private Lanes() {
    }

    /** Σ x[0, n) in the order above. */
    static double sum(double[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (int end = n - 7; j < end; j += 8) {
            s0 += x[j];
            s1 += x[j + 1];
            s2 += x[j + 2];
            s3 += x[j + 3];
            s4 += x[j + 4];
            s5 += x[j + 5];
            s6 += x[j + 6];
            s7 += x[j + 7];
        }
        int left = n - j;      // 0 to 7 values, to the first sums
        s0 += left > 0 ? x[j] : 0;
        s1 += left > 1 ? x[j + 1] : 0;
        s2 += left > 2 ? x[j + 2] : 0;
        s3 += left > 3 ? x[j + 3] : 0;
        s4 += left > 4 ? x[j + 4] : 0;
        s5 += left > 5 ? x[j + 5] : 0;
        s6 += left > 6 ? x[j + 6] : 0;
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
