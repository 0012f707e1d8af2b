package app.initscope.core.stats;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.Kernels;
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

    /**
     * {@code -Dinitscope.vectorSummaries=false} sums with the scalar loops: the same bits, about 20% slower in steady
     * state, but about a second faster in a process that summarizes once, which does not stay long enough for the
     * JIT's compiling of the Vector API loops to pay (the command line's one-shot commands set it).
     */
    public static final String VECTOR_PROPERTY = "initscope.vectorSummaries";
    /** Whether the first pass has a Vector API path (the module is resolved, and vectors hold whole groups of 4). */
    static final boolean VECTOR = !"false".equals(System.getProperty(VECTOR_PROPERTY))
            && Kernels.vectorApiAvailable() && VectorMoments.usable();

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
        return of(data, n, range, bins, saturated, parallel, magnitudes, true);
    }

    /**
     * {@link #of(float[], int, Range, int, SaturationTest, Parallel, boolean)}, on the Vector API where it is present
     * only when {@code vectors}: without, the passes are plain loops, which a cold JVM runs at full speed within
     * milliseconds (vector code runs boxed, two orders of magnitude slower, until the JIT's last tier has compiled it).
     * The same bits either way.
     */
    public static Summary of(float[] data, int n, Range range, int bins, SaturationTest saturated,
                             Parallel parallel, boolean magnitudes, boolean vectors) {
        Sweep sweep = new Sweep(n, range, bins, saturated, magnitudes, vectors);
        parallel.forEach(sweep.pieces(), p -> sweep.first(data, p));
        parallel.forEach(sweep.groups(), g -> sweep.second(data, g));
        return sweep.finish();
    }

    /**
     * The two passes of {@link #of(float[], int, Range, int, SaturationTest, Parallel, boolean)} as pieces of work, so
     * that a caller can run the first pass of a piece where it has just written it (still in the cache), or run the
     * pieces of several tensors in one {@link Parallel#forEach}. Every {@link #first} (any order, any thread), then
     * every {@link #second}, then {@link #finish}: the result is the same bits as {@code of}'s.
     *
     * <p>The first pass takes, piece by piece, the sum (in four running sums over the values' positions modulo 4,
     * in order), the finite min and max, and the zero, finite and saturated counts; the second the sum of squared
     * deviations from the mean (in order within a piece), the histogram on the range the first pass found, and the
     * magnitudes. Where the Vector API is present, the first pass runs on vectors for as long as the values are
     * finite, and the second computes each block of values' slots on vectors and then counts them. Pieces are
     * {@link Chunks}'; the second pass takes them {@value #GROUP} at a time, so that the sums of squares of four
     * pieces advance side by side instead of one add after the other.
     */
    public static final class Sweep {

        /** Pieces per unit of the second pass. */
        static final int GROUP = 4;

        private final int n;
        private final Range range;
        private final int bins;
        private final SaturationTest saturated;
        private final boolean magnitudes;
        private final boolean vectors;
        private final int pieces;

        private final double[] sum;
        private final float[] mins;
        private final float[] maxs;
        private final long[] finite;
        private final long[] zeros;
        private final long[] sat;
        private final Magnitudes.Accumulator[] mags;
        private final double[] squares;
        private final int[][] counts;
        private volatile SecondPass middle;

        /**
         * Prepares the passes over {@code data[0, n)}; the arguments are {@code of}'s.
         *
         * @param range     the histogram range, or null for the finite min and max
         * @param saturated which values count as saturated, or null where it does not apply
         */
        public Sweep(int n, Range range, int bins, SaturationTest saturated, boolean magnitudes) {
            this(n, range, bins, saturated, magnitudes, true);
        }

        /**
         * {@link #Sweep(int, Range, int, SaturationTest, boolean)}, on vectors only when {@code vectors} (see
         * {@link Summary#of(float[], int, Range, int, SaturationTest, Parallel, boolean, boolean)}).
         */
        public Sweep(int n, Range range, int bins, SaturationTest saturated, boolean magnitudes, boolean vectors) {
            if (bins < 1) {
                throw new IllegalArgumentException("a histogram needs at least one bin");
            }
            this.n = n;
            this.range = range;
            this.bins = bins;
            this.saturated = saturated;
            this.magnitudes = magnitudes;
            this.vectors = vectors && VECTOR;
            this.pieces = Chunks.count(n);
            sum = new double[pieces];
            mins = new float[pieces];
            maxs = new float[pieces];
            finite = new long[pieces];
            zeros = new long[pieces];
            sat = new long[pieces];
            mags = magnitudes ? new Magnitudes.Accumulator[pieces] : null;
            squares = new double[pieces];
            counts = new int[pieces][];
        }

        /** The pieces of the first pass: {@link Chunks#count}{@code (n)}. */
        public int pieces() {
            return pieces;
        }

        /** The units of the second pass. */
        public int groups() {
            return (pieces + GROUP - 1) / GROUP;
        }

        /** The first pass over piece {@code p} ({@link Chunks}' split of n) of {@code data}, Not modified. */
        public void first(float[] data, int p) {
            Moments m = new Moments();
            m.of(data, Chunks.from(p), Chunks.to(p, n), saturated, vectors);
            keep(p, m);
        }

        /**
         * {@link #first} of piece p of three sweeps of the same length at once (x's, y's and w's data): the same bits
         * as three calls, but on vectors their add chains advance side by side (when only y counts saturation, by a
         * band, as the experiment's z, a and φ′ do; else three calls).
         */
        public static void firstThree(Sweep x, float[] dx, Sweep y, float[] dy, Sweep w, float[] dw, int p) {
            boolean together = x.vectors && y.vectors && w.vectors && x.n == y.n && x.n == w.n
                    && x.saturated == null && w.saturated == null
                    && (y.saturated == null || y.saturated instanceof Outside);
            if (!together) {
                x.first(dx, p);
                y.first(dy, p);
                w.first(dw, p);
                return;
            }
            Moments mx = new Moments();
            Moments my = new Moments();
            Moments mw = new Moments();
            Moments.ofThree(dx, mx, dy, my, (Outside) y.saturated, dw, mw, Chunks.from(p), Chunks.to(p, x.n));
            x.keep(p, mx);
            y.keep(p, my);
            w.keep(p, mw);
        }

        /** Piece p's first pass, from its moments. */
        private void keep(int p, Moments m) {
            sum[p] = (m.s0 + m.s1) + (m.s2 + m.s3);
            mins[p] = m.lo;
            maxs[p] = m.hi;
            finite[p] = m.finite;
            zeros[p] = m.zeros;
            sat[p] = m.saturated;
        }

        /** The second pass over group {@code g} (pieces {@value #GROUP}·g onwards) of {@code data}, Not modified. */
        public void second(float[] data, int g) {
            SecondPass mid = middle();
            int p0 = g * GROUP;
            int p1 = Math.min(p0 + GROUP, pieces);
            if (!vectors) {
                for (int p = p0; p < p1; p++) {
                    int[] c = new int[bins + 3];
                    Magnitudes.Accumulator m = magnitudes ? new Magnitudes.Accumulator() : null;
                    squares[p] = mid.plain(data, Chunks.from(p), Chunks.to(p, n), c, m == null ? null : m.slots());
                    counts[p] = c;
                    if (magnitudes) {
                        mags[p] = m;
                    }
                }
                return;
            }
            boolean[] inRange = new boolean[p1 - p0];
            boolean allFinite = true;
            for (int p = p0; p < p1; p++) {
                boolean whole = finite[p] == Chunks.to(p, n) - Chunks.from(p);
                allFinite &= whole;
                inRange[p - p0] = range == null && whole;    // the finite min and max then hold every value
            }
            Slots slots = new Slots(p1 - p0, bins, magnitudes, inRange, allFinite);
            boolean anyConstant = false;
            for (int p = p0; p < p1; p++) {
                anyConstant |= constant(p);
            }
            int q = p0;
            if (!anyConstant && p1 - p0 == GROUP && Chunks.to(p1 - 1, n) - Chunks.from(p1 - 1) == Chunks.SIZE) {
                mid.binFour(data, Chunks.from(p0), slots, squares, p0);
                q = p1;
            }
            for (; q < p1; q++) {
                int from = Chunks.from(q);
                int to = Chunks.to(q, n);
                squares[q] = constant(q) ? mid.constant(data, from, to, slots, q - p0)
                        : mid.bin(data, from, to, slots, q - p0);
            }
            slots.fold();
            for (int p = p0; p < p1; p++) {
                counts[p] = slots.counts[p - p0];
            }
            if (magnitudes) {
                mags[p0] = slots.mags[0];                  // the group's, added up: whole numbers, in any order
            }
        }

        /** Whether piece p's values are all one finite value, by its first pass. */
        private boolean constant(int p) {
            return finite[p] == Chunks.to(p, n) - Chunks.from(p) && mins[p] == maxs[p];
        }

        /** The summary, after every piece of both passes. */
        public Summary finish() {
            SecondPass mid = middle();
            double ss = 0;
            long[] all = new long[bins + 3];
            Magnitudes.Accumulator allMags = magnitudes ? new Magnitudes.Accumulator() : null;
            for (int p = 0; p < pieces; p++) {
                ss += squares[p];
                int[] c = counts[p];
                for (int b = 0; b < all.length; b++) {
                    all[b] += c[b];
                }
                if (magnitudes && mags[p] != null) {
                    allMags.merge(mags[p]);
                }
            }
            long[] inBins = java.util.Arrays.copyOf(all, bins);
            Histogram histogram = new Histogram(mid.lo(), mid.hi(), inBins, all[bins], all[bins + 1], all[bins + 2]);
            long finiteCount = mid.finiteCount();
            double std = finiteCount > 0 ? Math.sqrt(ss / finiteCount) : Double.NaN;
            double zeroFraction = n > 0 ? (double) mid.zeroCount() / n : 0.0;
            Double satFraction = saturated == null ? null : n > 0 ? (double) mid.satCount() / n : 0.0;
            return new Summary(n, mid.mean(), std, mid.min(), mid.max(), n - finiteCount, zeroFraction, satFraction,
                    histogram, magnitudes ? allMags.toMagnitudes() : null);
        }

        /** The first pass's pieces combined, in piece order (once, by whichever caller comes first). */
        private SecondPass middle() {
            SecondPass m = middle;
            if (m == null) {
                synchronized (this) {
                    m = middle;
                    if (m == null) {
                        m = combine();
                        middle = m;
                    }
                }
            }
            return m;
        }

        private SecondPass combine() {
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
            return new SecondPass(bins, edges.lo(), edges.hi(), finiteCount > 0 ? mean : 0.0, mean, min, max,
                    finiteCount, zeroCount, satCount);
        }
    }

    /**
     * The population standard deviation of {@code data[0, n)} in one pass: each piece sums deviations from its
     * first value (so a constant tensor gives exactly 0), and pieces combine in order. No histogram.
     */
    public static double std(float[] data, int n, Parallel parallel) {
        PieceStd sums = new PieceStd();
        sums.reset(n);
        parallel.forEach(PieceStd.groups(n), g -> sums.group(data, n, g));
        return sums.value(n);
    }

    /** Which values count as saturated. */
    @FunctionalInterface
    public interface SaturationTest {
        boolean test(float value);

        /** Saturated below {@code below} or above {@code above}; NaN never is. The summary's fast path knows it. */
        static SaturationTest outside(float below, float above) {
            return new Outside(below, above);
        }
    }

    /** {@link SaturationTest#outside}. */
    record Outside(float below, float above) implements SaturationTest {
        @Override
        public boolean test(float value) {
            return value < below || value > above;
        }
    }
}
