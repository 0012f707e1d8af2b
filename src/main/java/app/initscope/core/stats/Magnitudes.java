package app.initscope.core.stats;

import java.util.Arrays;

/**
 * A tensor's finite values counted by sign and magnitude: bins a quarter of an octave wide in |x| (read off the
 * float's bits: its exponent and the top two bits of its mantissa), one set for each sign, and the exact zeros.
 *
 * <p>A {@link Histogram}'s linear bins forget where inside a wide bin the values lie: a saturated tanh's δ has
 * most of its values within 10⁻⁶ of 0 and a tail out to 0.1, so one linear bin holds 95% of them, straddling 0.
 * Spread over a symmetric-log axis, that bin's count came out mostly on one side. These bins keep every decade
 * (all of float's range, some 13 bins a decade) and every value's sign, so a histogram on any symmetric-log axis is
 * made from them exactly up to a bin's width, without going back to the data. Immutable; only the span of bins
 * that hold values is stored.
 */
public final class Magnitudes {

    /** The mantissa bits dropped from |x|'s bits: 23 − 2, so four bins an octave. */
    static final int SHIFT = 21;
    /** Bins per sign; those of exponent 255 (Inf, NaN) stay empty. */
    static final int BINS = 1 << (31 - SHIFT);

    private final int negativeFrom;
    private final long[] negative;
    private final int positiveFrom;
    private final long[] positive;
    private final long zeros;

    private Magnitudes(int negativeFrom, long[] negative, int positiveFrom, long[] positive, long zeros) {
        this.negativeFrom = negativeFrom;
        this.negative = negative;
        this.positiveFrom = positiveFrom;
        this.positive = positive;
        this.zeros = zeros;
    }

    /** The bin of a finite, non-zero |v|. */
    static int bin(float v) {
        return (Float.floatToRawIntBits(v) & 0x7fffffff) >>> SHIFT;
    }

    /** The smallest |x| of bin {@code b}. */
    static double lower(int b) {
        return Float.intBitsToFloat(b << SHIFT);
    }

    /** The largest |x| of bin {@code b} (its upper edge; the last finite bin ends at the largest float). */
    static double upper(int b) {
        float u = Float.intBitsToFloat((b + 1) << SHIFT);
        return Float.isFinite(u) ? u : Float.MAX_VALUE;
    }

    /** Counts the finite values of {@code data[0, n)}. */
    public static Magnitudes of(float[] data, int n) {
        Accumulator acc = new Accumulator();
        acc.add(data, 0, n);
        return acc.toMagnitudes();
    }

    /** The values exactly 0 (either sign). */
    public long zeros() {
        return zeros;
    }

    /** The finite values counted: every bin and the zeros. */
    public long total() {
        return Arrays.stream(negative).sum() + Arrays.stream(positive).sum() + zeros;
    }

    /** The values below 0. */
    public long negatives() {
        return Arrays.stream(negative).sum();
    }

    /** The values above 0. */
    public long positives() {
        return Arrays.stream(positive).sum();
    }

    /** Receives one bin: the values in [lo, hi], in data units ({@code lo = hi = 0} for the zeros). */
    @FunctionalInterface
    public interface BinConsumer {
        void accept(double lo, double hi, long count);
    }

    /** Every non-empty bin, negative ones first (from the most negative), then the zeros, then the positive. */
    public void forEach(BinConsumer out) {
        for (int i = negative.length - 1; i >= 0; i--) {
            if (negative[i] > 0) {
                int b = negativeFrom + i;
                out.accept(-upper(b), -lower(b), negative[i]);
            }
        }
        if (zeros > 0) {
            out.accept(0, 0, zeros);
        }
        for (int i = 0; i < positive.length; i++) {
            if (positive[i] > 0) {
                int b = positiveFrom + i;
                out.accept(lower(b), upper(b), positive[i]);
            }
        }
    }

    /** Two are equal when they hold the same counts: a summary's equality includes them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Magnitudes m && negativeFrom == m.negativeFrom && positiveFrom == m.positiveFrom
                && zeros == m.zeros && java.util.Arrays.equals(negative, m.negative)
                && java.util.Arrays.equals(positive, m.positive);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(negativeFrom, positiveFrom, zeros, java.util.Arrays.hashCode(negative),
                java.util.Arrays.hashCode(positive));
    }

    /** Slots of {@link Accumulator#slots()}: positive bins, negative bins, then the zeros and the non-finite. */
    static final int ZERO_SLOT = 2 * BINS;
    static final int SKIPPED_SLOT = 2 * BINS + 1;
    static final int SLOTS = 2 * BINS + 2;

    /**
     * The slot of a value: its bits' top 11 (sign, exponent, two mantissa bits) for a finite non-zero value, so the
     * positive bins come first and the negative ones after, with no branch on the sign; {@link #ZERO_SLOT} for ±0,
     * {@link #SKIPPED_SLOT} for NaN and ±Inf.
     */
    static int slot(float v) {
        int b = Float.floatToRawIntBits(v) >>> SHIFT;
        b = v == 0f ? ZERO_SLOT : b;
        return Float.isFinite(v) ? b : SKIPPED_SLOT;
    }

    /** Mutable counts of one piece of data; pieces merge by adding. */
    static final class Accumulator {
        private final int[] slots = new int[SLOTS];
        private long[] totals;

        /** The counts by {@link #slot}, to count into directly. At most {@link Integer#MAX_VALUE} per slot. */
        int[] slots() {
            return slots;
        }

        /** Counts data[from, to); non-finite values are skipped. */
        void add(float[] data, int from, int to) {
            for (int i = from; i < to; i++) {
                slots[slot(data[i])]++;
            }
        }

        void merge(Accumulator other) {
            if (totals == null) {
                totals = Arrays.stream(slots).asLongStream().toArray();
            }
            for (int b = 0; b < SLOTS; b++) {
                totals[b] += other.slots[b];
            }
        }

        Magnitudes toMagnitudes() {
            long[] all = totals != null ? totals : Arrays.stream(slots).asLongStream().toArray();
            long[] pos = Arrays.copyOfRange(all, 0, BINS);
            long[] neg = Arrays.copyOfRange(all, BINS, 2 * BINS);
            int nf = first(neg);
            int pf = first(pos);
            return new Magnitudes(nf, Arrays.copyOfRange(neg, nf, last(neg) + 1), pf,
                    Arrays.copyOfRange(pos, pf, last(pos) + 1), all[ZERO_SLOT]);
        }

        private static int first(long[] counts) {
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] > 0) {
                    return b;
                }
            }
            return 0;
        }

        private static int last(long[] counts) {
            for (int b = counts.length - 1; b >= 0; b--) {
                if (counts[b] > 0) {
                    return b;
                }
            }
            return -1;
        }
    }
}
