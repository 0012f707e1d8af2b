package app.initscope.core.stats;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.Parallel;

/**
 * Statistics of one tensor.
 *
 * @param count             every value, finite or not
 * @param mean              the mean of the finite values (NaN when there are none)
 * @param std               the population standard deviation of the finite values (NaN when there are none)
 * @param min               the smallest finite value (NaN when there are none)
 * @param max               the largest finite value (NaN when there are none)
 * @param nonFinite         the count of NaN and ±Inf, which are excluded from the moments
 * @param zeroFraction      the fraction of values exactly 0 (of {@code count})
 * @param saturatedFraction the fraction of saturated values (of {@code count}), or null where saturation does not
 *                          apply
 * @param histogram         counts on [lo, hi]: the finite min and max unless a range was fixed
 */
public record Summary(long count, double mean, double std, double min, double max, long nonFinite,
                      double zeroFraction, Double saturatedFraction, Histogram histogram) {

    /** The number of finite values. */
    public long finiteCount() {
        return count - nonFinite;
    }

    /**
     * Summarizes {@code data[0, n)}. Moments are accumulated in double over fixed pieces and combined in piece
     * order, so the result is bit-identical for any thread count.
     *
     * @param data      Not modified
     * @param range     the histogram range, or null for the finite min and max
     * @param saturated which values count as saturated (by index into data), or null where it does not apply
     */
    public static Summary of(float[] data, int n, Range range, int bins, SaturationTest saturated,
                             Parallel parallel) {
        int pieces = Chunks.count(n);
        double[] sum = new double[pieces];
        float[] mins = new float[pieces];
        float[] maxs = new float[pieces];
        long[] finite = new long[pieces];
        long[] zeros = new long[pieces];
        long[] sat = new long[pieces];
        parallel.forEach(pieces, p -> {
            double s = 0;
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            long f = 0;
            long z = 0;
            long st = 0;
            for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                float v = data[i];
                if (v == 0f) {
                    z++;
                }
                if (saturated != null && saturated.test(v)) {
                    st++;
                }
                if (Float.isFinite(v)) {
                    f++;
                    s += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            sum[p] = s;
            mins[p] = lo;
            maxs[p] = hi;
            finite[p] = f;
            zeros[p] = z;
            sat[p] = st;
        });
        double total = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long finiteCount = 0;
        long zeroCount = 0;
        long satCount = 0;
        for (int p = 0; p < pieces; p++) {
            total += sum[p];
            min = Math.min(min, mins[p]);
            max = Math.max(max, maxs[p]);
            finiteCount += finite[p];
            zeroCount += zeros[p];
            satCount += sat[p];
        }
        double mean = finiteCount > 0 ? total / finiteCount : Double.NaN;
        if (finiteCount == 0) {
            min = Double.NaN;
            max = Double.NaN;
        }
        Range edges = range != null ? range : finiteCount > 0 ? new Range(min, max) : new Range(0, 0);

        double[] squares = new double[pieces];
        Histogram.Accumulator[] hist = new Histogram.Accumulator[pieces];
        double m = finiteCount > 0 ? mean : 0.0;
        parallel.forEach(pieces, p -> {
            Histogram.Accumulator acc = new Histogram.Accumulator(edges.lo(), edges.hi(), bins);
            squares[p] = acc.add(data, Chunks.from(p), Chunks.to(p, n), m);
            hist[p] = acc;
        });
        double ss = 0;
        Histogram.Accumulator all = new Histogram.Accumulator(edges.lo(), edges.hi(), bins);
        for (int p = 0; p < pieces; p++) {
            ss += squares[p];
            all.merge(hist[p]);
        }
        double std = finiteCount > 0 ? Math.sqrt(ss / finiteCount) : Double.NaN;
        double zeroFraction = n > 0 ? (double) zeroCount / n : 0.0;
        Double satFraction = saturated == null ? null : n > 0 ? (double) satCount / n : 0.0;
        return new Summary(n, mean, std, min, max, n - finiteCount, zeroFraction, satFraction, all.toHistogram());
    }

    /** Which values count as saturated. */
    @FunctionalInterface
    public interface SaturationTest {
        boolean test(float value);
    }

}
