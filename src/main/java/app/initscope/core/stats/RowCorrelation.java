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
        Sums sums = new Sums(data, rows, cols);
        parallel.forEach(sums.blocks(), sums::block);
        return sums.mean();
    }

    /**
     * {@link #mean} taken apart, so that its blocks can run in another pass's {@link Parallel#forEach}: every
     * {@link #block}, in any order on any thread, then {@link #mean}.
     */
    public static final class Sums {
        private final float[] data;
        private final int rows;
        private final int cols;
        private final int blocks;
        private final double[][] sums;
        private final int[] counts;

        /** @param data rows × cols, row-major; Not modified */
        public Sums(float[] data, int rows, int cols) {
            this.data = data;
            this.rows = rows;
            this.cols = cols;
            this.blocks = Math.min(BLOCKS, Math.max(rows, 1));
            this.sums = new double[blocks][];
            this.counts = new int[blocks];
        }

        /** The number of blocks. */
        public int blocks() {
            return blocks;
        }

        /** Sums the unit rows of block b. */
        public void block(int b) {
            int from = (int) ((long) rows * b / blocks);
            int to = (int) ((long) rows * (b + 1) / blocks);
            double[] sum = new double[cols];
            int count = 0;
            int r = from;
            for (; r + 3 < to; r += 4) {
                count += addFour(data, r * cols, cols, sum);
            }
            for (; r < to; r++) {
                count += addRow(data, r * cols, cols, squares(data, r * cols, cols), sum);
            }
            sums[b] = sum;
            counts[b] = count;
        }

        /** The mean correlation, from every block, combined in block order. */
        public double mean() {
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

    /** |row|² of the row at data[base, base + cols), summed in order. */
    private static double squares(float[] data, int base, int cols) {
        double norm2 = 0;
        for (int j = 0; j < cols; j++) {
            double v = data[base + j];
            norm2 += v * v;
        }
        return norm2;
    }

    /** Adds the row at data[base, base + cols), of squares norm2, as a unit row to sum: 1, or 0 for a row of zeros. */
    private static int addRow(float[] data, int base, int cols, double norm2, double[] sum) {
        if (norm2 == 0) {
            return 0;
        }
        double scale = 1 / Math.sqrt(norm2);
        for (int j = 0; j < cols; j++) {
            sum[j] += scale * data[base + j];
        }
        return 1;
    }

    /**
     * Adds the unit rows of the four rows from data[base] on to sum, as four calls of the one-row loop would (each
     * row's squares summed in order, side by side with the others'; each sum[j] gets the rows' terms in row order),
     * and returns how many of them are not all zero.
     */
    private static int addFour(float[] data, int base, int cols, double[] sum) {
        double n0 = 0;
        double n1 = 0;
        double n2 = 0;
        double n3 = 0;
        for (int j = 0; j < cols; j++) {
            double v0 = data[base + j];
            double v1 = data[base + cols + j];
            double v2 = data[base + 2 * cols + j];
            double v3 = data[base + 3 * cols + j];
            n0 += v0 * v0;
            n1 += v1 * v1;
            n2 += v2 * v2;
            n3 += v3 * v3;
        }
        if (n0 == 0 || n1 == 0 || n2 == 0 || n3 == 0) {
            // a row of zeros has no direction: the rows one by one, leaving it out
            return addRow(data, base, cols, n0, sum) + addRow(data, base + cols, cols, n1, sum)
                    + addRow(data, base + 2 * cols, cols, n2, sum) + addRow(data, base + 3 * cols, cols, n3, sum);
        }
        double s0 = 1 / Math.sqrt(n0);
        double s1 = 1 / Math.sqrt(n1);
        double s2 = 1 / Math.sqrt(n2);
        double s3 = 1 / Math.sqrt(n3);
        for (int j = 0; j < cols; j++) {
            double acc = sum[j];
            acc += s0 * data[base + j];
            acc += s1 * data[base + cols + j];
            acc += s2 * data[base + 2 * cols + j];
            acc += s3 * data[base + 3 * cols + j];
            sum[j] = acc;
        }
        return 4;
    }
}
