package app.initscope.core.stats;

import java.util.Arrays;

/**
 * Counts over {@code bins} equal bins on [lo, hi], with explicit underflow (&lt; lo) and overflow (&gt; hi)
 * counts, and the count of non-finite values (NaN, ±Inf), which fall in no bin.
 *
 * <p>Bin i covers [lo + i·w, lo + (i+1)·w) with w = (hi − lo)/bins; the last bin also holds hi. When lo = hi,
 * every value equal to lo lands in the middle bin. Instances are immutable: {@link #counts()} returns a copy.
 */
public final class Histogram {

    private final double lo;
    private final double hi;
    private final long[] counts;
    private final long underflow;
    private final long overflow;
    private final long nonFinite;

    /** Makes a histogram from its parts; the counts are copied. */
    public Histogram(double lo, double hi, long[] counts, long underflow, long overflow, long nonFinite) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
        this.lo = lo;
        this.hi = hi;
        this.counts = counts.clone();
        this.underflow = underflow;
        this.overflow = overflow;
        this.nonFinite = nonFinite;
    }

    /** Counts {@code data[0, n)} into a new histogram. */
    public static Histogram of(float[] data, int n, Range range, int bins) {
        Accumulator acc = new Accumulator(range.lo(), range.hi(), bins);
        acc.add(data, 0, n, 0.0);
        return acc.toHistogram();
    }

    /** Mutable counts for one piece of data; pieces merge by adding. */
    static final class Accumulator {
        final double lo;
        final double hi;
        final long[] counts;
        long underflow;
        long overflow;
        long nonFinite;

        Accumulator(double lo, double hi, int bins) {
            this.lo = lo;
            this.hi = hi;
            this.counts = new long[bins];
        }

        /** Counts data[from, to) and returns Σ(v − mean)² over its finite values. */
        double add(float[] data, int from, int to, double mean) {
            int bins = counts.length;
            boolean flat = !(hi > lo);
            double scale = flat ? 0.0 : bins / (hi - lo);
            double squares = 0;
            for (int i = from; i < to; i++) {
                float v = data[i];
                if (!Float.isFinite(v)) {
                    nonFinite++;
                    continue;
                }
                double dev = v - mean;
                squares += dev * dev;
                if (v < lo) {
                    underflow++;
                } else if (v > hi) {
                    overflow++;
                } else {
                    int b = flat ? bins / 2 : (int) ((v - lo) * scale);
                    counts[Math.min(b, bins - 1)]++;
                }
            }
            return squares;
        }

        void merge(Accumulator other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            underflow += other.underflow;
            overflow += other.overflow;
            nonFinite += other.nonFinite;
        }

        Histogram toHistogram() {
            return new Histogram(lo, hi, counts, underflow, overflow, nonFinite);
        }
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    /** The number of bins. */
    public int bins() {
        return counts.length;
    }

    /** A copy of the bin counts. */
    public long[] counts() {
        return counts.clone();
    }

    /** The count in bin i. */
    public long count(int i) {
        return counts[i];
    }

    /** The largest bin count. */
    public long maxCount() {
        return Arrays.stream(counts).max().orElse(0);
    }

    /** The lower edge of bin i. */
    public double edge(int i) {
        return lo + (hi - lo) * i / counts.length;
    }

    /** Values below lo. */
    public long underflow() {
        return underflow;
    }

    /** Values above hi. */
    public long overflow() {
        return overflow;
    }

    /** NaN and ±Inf values, which are in no bin. */
    public long nonFinite() {
        return nonFinite;
    }

    /** The total of the bins, underflow, overflow and non-finite counts. */
    public long total() {
        return Arrays.stream(counts).sum() + underflow + overflow + nonFinite;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && lo == h.lo && hi == h.hi && underflow == h.underflow
                && overflow == h.overflow && nonFinite == h.nonFinite && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Double.hashCode(lo) + 7 * Double.hashCode(hi);
    }

    @Override
    public String toString() {
        return "Histogram[" + lo + ", " + hi + ", bins=" + counts.length + ", under=" + underflow + ", over="
                + overflow + ", nonFinite=" + nonFinite + "]";
    }
}
