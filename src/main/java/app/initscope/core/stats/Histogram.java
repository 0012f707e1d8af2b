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

    /**
     * Redistributes these counts over {@code bins} equal bins on [lo, hi], for drawing several histograms on one
     * shared axis without going back to the data.
     *
     * <p>The values inside a source bin are taken as spread uniformly over it, so each source bin gives every
     * target bin, and the new underflow and overflow, a share in proportion to the length they overlap. The shares
     * are rounded to whole counts by largest remainder (ties to the lower bin, then underflow, then overflow), so
     * every count is within 1 of its exact share and the total is conserved exactly. This histogram's underflow,
     * overflow and non-finite counts are carried over as they are: where those values lie is not known. When this
     * histogram is flat (lo = hi, every binned value equal to lo), its binned values are counted as that one value.
     * When the target is flat, it takes, like {@link #of}, only values equal to lo, in the middle bin; spread-out
     * mass has none there and goes to underflow or overflow.
     *
     * @param lo   the new lower edge, finite
     * @param hi   the new upper edge, finite and ≥ lo
     * @param bins the new number of bins, at least 1
     * @throws IllegalArgumentException when the range or the number of bins is invalid
     */
    public Histogram rebin(double lo, double hi, int bins) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
            throw new IllegalArgumentException("rebinning needs finite lo ≤ hi, got [" + lo + ", " + hi + "]");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("rebinning needs at least one bin, got " + bins);
        }
        long inBins = Arrays.stream(counts).sum();
        long[] out = new long[bins];
        if (!(this.hi > this.lo)) {
            // A flat source: every binned value is this.lo, a point that goes whole into one place, as of() puts it.
            double v = this.lo;
            if (v < lo) {
                return new Histogram(lo, hi, out, underflow + inBins, overflow, nonFinite);
            }
            if (v > hi) {
                return new Histogram(lo, hi, out, underflow, overflow + inBins, nonFinite);
            }
            out[hi > lo ? Math.min((int) ((v - lo) * (bins / (hi - lo))), bins - 1) : bins / 2] = inBins;
            return new Histogram(lo, hi, out, underflow, overflow, nonFinite);
        }
        // Exact shares: bins 0..bins−1, then underflow at [bins], overflow at [bins + 1].
        double[] share = new double[bins + 2];
        boolean flat = !(hi > lo);
        double scale = flat ? 0.0 : bins / (hi - lo);
        int sourceBins = counts.length;
        for (int i = 0; i < sourceBins; i++) {
            long c = counts[i];
            if (c == 0) {
                continue;
            }
            double a = edge(i);
            double b = i + 1 == sourceBins ? this.hi : edge(i + 1);
            double length = b - a;
            share[bins] += c * (Math.max(0.0, Math.min(b, lo) - a) / length);
            share[bins + 1] += c * (Math.max(0.0, b - Math.max(a, hi)) / length);
            if (flat || b <= lo || a >= hi) {
                continue;
            }
            // The target bins [a, b] can touch, widened by one for rounding in the index.
            int first = Math.max(0, (int) Math.floor((Math.max(a, lo) - lo) * scale) - 1);
            int last = Math.min(bins - 1, (int) Math.floor((Math.min(b, hi) - lo) * scale) + 1);
            for (int j = first; j <= last; j++) {
                double t0 = lo + (hi - lo) * j / bins;
                double t1 = j + 1 == bins ? hi : lo + (hi - lo) * (j + 1) / bins;
                double overlap = Math.min(b, t1) - Math.max(a, t0);
                if (overlap > 0) {
                    share[j] += c * (overlap / length);
                }
            }
        }
        long[] whole = largestRemainder(share, inBins);
        System.arraycopy(whole, 0, out, 0, bins);
        return new Histogram(lo, hi, out, underflow + whole[bins], overflow + whole[bins + 1], nonFinite);
    }

    /**
     * Rounds non-negative shares that add up to {@code total} to whole counts that add up to exactly
     * {@code total}: each share's floor, then one more for the largest fractional parts (ties to the lower index).
     * Used wherever counts are shared out among new bins, so that the total is kept exactly.
     */
    public static long[] largestRemainder(double[] share, long total) {
        int n = share.length;
        long[] out = new long[n];
        long assigned = 0;
        for (int k = 0; k < n; k++) {
            out[k] = (long) Math.floor(share[k]);
            assigned += out[k];
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (p, q) -> Double.compare(share[q] - out[q], share[p] - out[p]));  // stable: ties by index
        // The exact deficit lies in [0, n); rounding in the shares cannot move it by a whole count, but stay safe.
        long deficit = total - assigned;
        for (int r = 0; deficit > 0; r = (r + 1) % n, deficit--) {
            out[order[r]]++;
        }
        for (int r = n - 1; deficit < 0; r = (r + n - 1) % n) {
            if (out[order[r]] > 0) {
                out[order[r]]--;
                deficit++;
            }
        }
        return out;
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
