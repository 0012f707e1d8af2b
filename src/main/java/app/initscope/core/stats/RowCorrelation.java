package app.initscope.core.stats;

import app.initscope.core.linalg.Parallel;

/**
 * The mean pairwise correlation of the rows of a matrix (the samples of a layer), in the mean-field theory's
 * sense: the cosine similarity z_a·z_b/(|z_a|·|z_b|) of two rows, not centred, averaged over every pair a ≠ b.
 *
 * <p>It needs no product of the rows with one another: with n_a = z_a/|z_a| the unit rows,
 * Σ_{a≠b} n_a·n_b = |Σ_a n_a|² − R, so the mean over the R(R−1) ordered pairs is (|Σ_a n_a|² − R)/(R(R−1)): one
 * pass over the matrix, O(rows·cols), exact (not a sample of pairs). Rows that are all zero have no direction and
 * are left out (R counts the others). The rows are summed in {@value #BLOCKS} fixed blocks, each into its own
 * vector, and the blocks combined in order, so the result is the same bits for any thread count.
 */
public final class RowCorrelation {

    /** The fixed blocks of rows summed apart. */
    static final int BLOCKS = 32;

    private RowCorrelation() {
    }

    /**
     * The mean of the cosine similarity over every pair of distinct non-zero rows of {@code data} (rows × cols,
     * row-major), or NaN with fewer than two non-zero rows or a non-finite value.
     */
    public static double mean(float[] data, int rows, int cols, Parallel parallel) {
        int blocks = Math.min(BLOCKS, Math.max(rows, 1));
        double[][] sums = new double[blocks][];
        int[] counts = new int[blocks];
        parallel.forEach(blocks, block -> {
            int from = (int) ((long) rows * block / blocks);
            int to = (int) ((long) rows * (block + 1) / blocks);
            double[] sum = new double[cols];
            int count = 0;
            for (int r = from; r < to; r++) {
                int base = r * cols;
                double norm2 = 0;
                for (int j = 0; j < cols; j++) {
                    double v = data[base + j];
                    norm2 += v * v;
                }
                if (norm2 == 0) {
                    continue;
                }
                double scale = 1 / Math.sqrt(norm2);
                for (int j = 0; j < cols; j++) {
                    sum[j] += scale * data[base + j];
                }
                count++;
            }
            sums[block] = sum;
            counts[block] = count;
        });
        double[] total = new double[cols];
        long count = 0;
        for (int b = 0; b < blocks; b++) {
            double[] sum = sums[b];
            for (int j = 0; j < cols; j++) {
                total[j] += sum[j];
            }
            count += counts[b];
        }
        if (count < 2) {
            return Double.NaN;
        }
        double norm2 = 0;
        for (double v : total) {
            norm2 += v * v;
        }
        return (norm2 - count) / ((double) count * (count - 1));
    }
}
