package app.initscope.core.train;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Moments;
import app.initscope.core.stats.Summary;

/**
 * What a training step records of each hidden layer's activation a_l (its std and its saturated and zero
 * fractions), computed inside the passes over a_l that the step makes anyway: the first moments, the zeros and the
 * saturated values in the forward pass, piece by piece right after φ fills the piece, while it is in cache; the
 * squared deviations from the mean in the backward pass, next to δ_l = g_l ⊙ φ′(z_l).
 *
 * <p>The arithmetic is {@link app.initscope.core.stats.Summary#of}'s, piece for piece ({@link Chunks} pieces, four
 * running sums within a piece, pieces combined in order), so the numbers are the bits that summary gives, on any
 * thread count. A piece only writes its own slots. The buffers are kept between steps. Not thread-safe apart from
 * the pieces of one pass.
 */
final class ActivationStats {

    private final int depth;
    private final boolean saturates;
    /** The activation's saturation test, or null without one. */
    private final Summary.SaturationTest saturation;
    private int n;
    private int pieces;
    private double[][] sum;
    private float[][] min;
    private float[][] max;
    private long[][] finite;
    private long[][] zeros;
    private long[][] saturated;
    private double[][] squares;
    private Moments[][] moments;
    private final double[] mean;
    private final long[] finiteCount;

    /**
     * @param activation the hidden layers' activation: its saturation test is
     *                   {@link Activation#isSaturated(float)}'s, as the band the summaries' fast path knows
     */
    ActivationStats(int depth, Activation activation) {
        this.depth = depth;
        this.saturates = activation.hasSaturation();
        this.saturation = saturates
                ? Summary.SaturationTest.outside(activation.saturatedBelow(), activation.saturatedAbove()) : null;
        this.mean = new double[depth + 1];
        this.finiteCount = new long[depth + 1];
        allocate(0);
    }

    /** Makes room for layers of {@code values} values each (rows × width). */
    void reset(int values) {
        if (values != n) {
            allocate(values);
        }
    }

    private void allocate(int values) {
        n = values;
        int count = Chunks.count(values);
        if (sum != null && pieces >= count) {
            return;
        }
        pieces = count;
        sum = new double[depth + 1][count];
        min = new float[depth + 1][count];
        max = new float[depth + 1][count];
        finite = new long[depth + 1][count];
        zeros = new long[depth + 1][count];
        saturated = new long[depth + 1][count];
        squares = new double[depth + 1][count];
        moments = new Moments[depth + 1][count];
        for (Moments[] layer : moments) {
            for (int p = 0; p < count; p++) {
                layer[p] = new Moments();
            }
        }
    }

    /** The forward pass's part of piece {@code p} of layer l: {@code a[from, to)} (Not modified). */
    void first(int l, int p, float[] a, int from, int to) {
        Moments m = moments[l][p];
        m.of(a, from, to, saturation, Moments.VECTORS);
        sum[l][p] = m.sum();
        min[l][p] = m.min();
        max[l][p] = m.max();
        finite[l][p] = m.finite();
        zeros[l][p] = m.zeros();
        saturated[l][p] = m.saturated();
    }

    /** Combines the forward pass's pieces of layer l into its mean; call after every piece and before {@link #second}. */
    void combine(int l) {
        double total = 0;
        long count = 0;
        for (int p = 0, end = Chunks.count(n); p < end; p++) {
            total += sum[l][p];
            count += finite[l][p];
        }
        finiteCount[l] = count;
        mean[l] = count > 0 ? total / count : 0.0;
    }

    /** The backward pass's part of piece {@code p} of layer l: Σ(v − mean)² over the finite values of a[from, to). */
    void second(int l, int p, float[] a, int from, int to) {
        double m = mean[l];
        double q = 0;
        for (int i = from; i < to; i++) {
            float v = a[i];
            if (Float.isFinite(v)) {
                double dev = v - m;
                q += dev * dev;
            }
        }
        squares[l][p] = q;
    }

    /** std(a_l) of the finite values, NaN when there are none. */
    double std(int l) {
        double ss = 0;
        for (int p = 0, end = Chunks.count(n); p < end; p++) {
            ss += squares[l][p];
        }
        return finiteCount[l] > 0 ? Math.sqrt(ss / finiteCount[l]) : Double.NaN;
    }

    /** The fraction of a_l exactly 0. */
    double zeroFraction(int l) {
        long count = 0;
        for (int p = 0, end = Chunks.count(n); p < end; p++) {
            count += zeros[l][p];
        }
        return n > 0 ? (double) count / n : 0.0;
    }

    /** The fraction of a_l saturated, NaN for an activation without saturation. */
    double saturatedFraction(int l) {
        if (!saturates) {
            return Double.NaN;
        }
        long count = 0;
        for (int p = 0, end = Chunks.count(n); p < end; p++) {
            count += saturated[l][p];
        }
        return n > 0 ? (double) count / n : 0.0;
    }

    /** The smallest finite value of a_l, NaN when there are none. */
    double min(int l) {
        double m = Double.POSITIVE_INFINITY;
        for (int p = 0, end = Chunks.count(n); p < end; p++) {
            m = Math.min(m, min[l][p]);
        }
        return finiteCount[l] > 0 ? m : Double.NaN;
    }

    /** The largest finite value of a_l, NaN when there are none. */
    double max(int l) {
        double m = Double.NEGATIVE_INFINITY;
        for (int p = 0, end = Chunks.count(n); p < end; p++) {
            m = Math.max(m, max[l][p]);
        }
        return finiteCount[l] > 0 ? m : Double.NaN;
    }

    /** The mean of the finite values of a_l, NaN when there are none. */
    double mean(int l) {
        return finiteCount[l] > 0 ? mean[l] : Double.NaN;
    }
}
