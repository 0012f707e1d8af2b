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
 * @param magnitudes        the finite values by sign and magnitude, for a symmetric-log axis, or null when they
 *                          were not counted
 */
public record Summary(long count, double mean, double std, double min, double max, long nonFinite,
                      double zeroFraction, Double saturatedFraction, Histogram histogram, Magnitudes magnitudes) {

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
        return of(data, n, range, bins, saturated, parallel, false);
    }

    /**
     * {@link #of(float[], int, Range, int, SaturationTest, Parallel)}, and with {@code magnitudes} also the values by
     * sign and magnitude ({@link Magnitudes}), from which a symmetric-log axis is binned.
     */
    public static Summary of(float[] data, int n, Range range, int bins, SaturationTest saturated,
                             Parallel parallel, boolean magnitudes) {
        int pieces = Chunks.count(n);
        double[] sum = new double[pieces];
        float[] mins = new float[pieces];
        float[] maxs = new float[pieces];
        long[] finite = new long[pieces];
        long[] zeros = new long[pieces];
        long[] sat = new long[pieces];
        parallel.forEach(pieces, p -> {
            // Four running sums break the floating-point add chain; they combine in a fixed order.
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            long f = 0;
            long z = 0;
            long st = 0;
            int i = Chunks.from(p);
            int end = Chunks.to(p, n);
            for (; i + 3 < end; i += 4) {
                float v0 = data[i];
                float v1 = data[i + 1];
                float v2 = data[i + 2];
                float v3 = data[i + 3];
                if (!(Float.isFinite(v0) && Float.isFinite(v1) && Float.isFinite(v2) && Float.isFinite(v3))) {
                    break;                                     // the rest of the piece goes one by one
                }
                f += 4;
                s0 += v0;
                s1 += v1;
                s2 += v2;
                s3 += v3;
                lo = Math.min(Math.min(lo, Math.min(v0, v1)), Math.min(v2, v3));
                hi = Math.max(Math.max(hi, Math.max(v0, v1)), Math.max(v2, v3));
                z += (v0 == 0f ? 1 : 0) + (v1 == 0f ? 1 : 0) + (v2 == 0f ? 1 : 0) + (v3 == 0f ? 1 : 0);
                if (saturated != null) {
                    st += (saturated.test(v0) ? 1 : 0) + (saturated.test(v1) ? 1 : 0)
                            + (saturated.test(v2) ? 1 : 0) + (saturated.test(v3) ? 1 : 0);
                }
            }
            for (; i < end; i++) {
                float v = data[i];
                if (v == 0f) {
                    z++;
                }
                if (saturated != null && saturated.test(v)) {
                    st++;
                }
                if (Float.isFinite(v)) {
                    f++;
                    s0 += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            sum[p] = (s0 + s1) + (s2 + s3);
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
        Magnitudes.Accumulator[] mags = new Magnitudes.Accumulator[pieces];
        double m = finiteCount > 0 ? mean : 0.0;
        parallel.forEach(pieces, p -> {
            Histogram.Accumulator acc = new Histogram.Accumulator(edges.lo(), edges.hi(), bins);
            squares[p] = acc.add(data, Chunks.from(p), Chunks.to(p, n), m);
            hist[p] = acc;
            if (magnitudes) {
                mags[p] = new Magnitudes.Accumulator();
                mags[p].add(data, Chunks.from(p), Chunks.to(p, n));
            }
        });
        double ss = 0;
        Histogram.Accumulator all = new Histogram.Accumulator(edges.lo(), edges.hi(), bins);
        Magnitudes.Accumulator allMags = magnitudes ? new Magnitudes.Accumulator() : null;
        for (int p = 0; p < pieces; p++) {
            ss += squares[p];
            all.merge(hist[p]);
            if (magnitudes) {
                allMags.merge(mags[p]);
            }
        }
        double std = finiteCount > 0 ? Math.sqrt(ss / finiteCount) : Double.NaN;
        double zeroFraction = n > 0 ? (double) zeroCount / n : 0.0;
        Double satFraction = saturated == null ? null : n > 0 ? (double) satCount / n : 0.0;
        return new Summary(n, mean, std, min, max, n - finiteCount, zeroFraction, satFraction, all.toHistogram(),
                magnitudes ? allMags.toMagnitudes() : null);
    }

    /**
     * The population standard deviation of {@code data[0, n)} in one pass: each piece sums deviations from its
     * first value (so a constant tensor gives exactly 0), and pieces combine in order. No histogram.
     */
    public static double std(float[] data, int n, Parallel parallel) {
        int pieces = Chunks.count(n);
        double[] shift = new double[pieces];
        double[] sum = new double[pieces];
        double[] squares = new double[pieces];
        parallel.forEach(pieces, p -> {
            int from = Chunks.from(p);
            double k = data[from];
            double s = 0;
            double q = 0;
            for (int i = from, end = Chunks.to(p, n); i < end; i++) {
                double d = data[i] - k;
                s += d;
                q += d * d;
            }
            shift[p] = k;
            sum[p] = s;
            squares[p] = q;
        });
        // Combine pieces around the first piece's shift: Σ(x − K)² = Σ(x − k)² + 2(k − K)Σ(x − k) + m(k − K)².
        double k0 = pieces > 0 ? shift[0] : 0;
        double s = 0;
        double q = 0;
        for (int p = 0; p < pieces; p++) {
            double m = Chunks.to(p, n) - Chunks.from(p);
            double dk = shift[p] - k0;
            s += sum[p] + m * dk;
            q += squares[p] + 2 * dk * sum[p] + m * dk * dk;
        }
        double mean = s / n;
        return Math.sqrt(Math.max(0.0, q / n - mean * mean));
    }

    /** Which values count as saturated. */
    @FunctionalInterface
    public interface SaturationTest {
        boolean test(float value);
    }

}
