package app.initscope.core.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The slots of the second pass of {@link Summary.Sweep} on the Vector API: for a block of values, each one's
 * histogram slot and magnitude slot, written to int arrays that a scalar loop then counts (adding to a count cannot
 * be vectorized; computing where is most of the work). The same slots as the scalar {@code slot} methods: the bin
 * index is the same double arithmetic, and what it gives outside a bin is replaced by the underflow, overflow or
 * non-finite slot, so how the conversion treats those values does not matter.
 *
 * <p>Load only when the {@code jdk.incubator.vector} module is resolved (see {@link Summary#VECTOR}).
 */
final class VectorSlots {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** As many floats and ints as D has doubles. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.length() * 32));
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, VectorShape.forBitSize(D.length() * 32));
    private static final int L = D.length();
    private static final VectorSpecies<Float> PF = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> PI = VectorSpecies.of(int.class, PF.vectorShape());

    private VectorSlots() {
    }

    /**
     * Writes to {@code out[0, len)} the histogram slot of {@code data[from + j]}: bin i for [lo + i/scale, lo +
     * (i+1)/scale), the last bin also holding hi, the middle bin for every in-range value when {@code flat}; then
     * {@code bins} below lo, {@code bins + 1} above hi and {@code bins + 2} for NaN and ±Inf.
     *
     * @param inRange whether every value is known to be finite and within [lo, hi] (the finite min and max of a
     *                piece with no NaN or ±Inf): then there is nothing to check
     */
    static void linear(float[] data, int from, int len, double lo, double hi, double scale, int bins, boolean flat,
                       boolean inRange, int[] out) {
        if (flat || !inRange) {
            checked(data, from, len, lo, hi, scale, bins, flat, out);
            return;
        }
        int j = 0;
        for (int bound = I.loopBound(len); j < bound; j += L) {
            bin(FloatVector.fromArray(F, data, from + j), lo, scale, bins).intoArray(out, j);
        }
        for (; j < len; j++) {
            out[j] = Slots.slot(data[from + j], lo, hi, scale, bins, false);
        }
    }

    /**
     * The bin of every lane, as {@code Math.min((int) ((v − lo)·scale), bins − 1)} for v in [lo, hi]: the product
     * lies in [0, bins] there, where the conversion truncates as Java's cast does. Other lanes get any value.
     */
    private static IntVector bin(FloatVector v, double lo, double scale, int bins) {
        DoubleVector x = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
        return ((IntVector) x.sub(lo).mul(scale).convertShape(VectorOperators.D2I, I, 0)).min(bins - 1);
    }

    private static void checked(float[] data, int from, int len, double lo, double hi, double scale, int bins,
                                boolean flat, int[] out) {
        // v < lo exactly when v < the least float ≥ lo, and v > hi when v > the greatest float ≤ hi: the comparisons
        // can be made on the floats, with no widening
        float below = atLeast(lo);
        float above = atMost(hi);
        IntVector middle = IntVector.broadcast(I, bins / 2);
        int j = 0;
        for (int bound = I.loopBound(len); j < bound; j += L) {
            FloatVector v = FloatVector.fromArray(F, data, from + j);
            IntVector b = flat ? middle : bin(v, lo, scale, bins);
            IntVector bits = v.reinterpretAsInts();
            b = b.blend(bins, v.compare(VectorOperators.LT, below).cast(I))
                    .blend(bins + 1, v.compare(VectorOperators.GT, above).cast(I))
                    .blend(bins + 2, bits.and(0x7f800000).compare(VectorOperators.EQ, 0x7f800000));
            b.intoArray(out, j);
        }
        for (; j < len; j++) {
            out[j] = Slots.slot(data[from + j], lo, hi, scale, bins, flat);
        }
    }

    /** The least float ≥ x (x finite; +Inf past the largest float). */
    static float atLeast(double x) {
        float f = (float) x;
        return f < x ? Math.nextUp(f) : f;
    }

    /** The greatest float ≤ x (x finite; −Inf past the most negative float). */
    static float atMost(double x) {
        float f = (float) x;
        return f > x ? Math.nextDown(f) : f;
    }

    /** Writes to {@code out[0, len)} the {@linkplain Magnitudes#slot magnitude slot} of {@code data[from + j]}. */
    static void magnitudes(float[] data, int from, int len, int[] out) {
        int j = 0;
        for (int bound = PI.loopBound(len); j < bound; j += PI.length()) {
            FloatVector v = FloatVector.fromArray(PF, data, from + j);
            IntVector bits = v.reinterpretAsInts();
            IntVector b = bits.lanewise(VectorOperators.LSHR, Magnitudes.SHIFT);
            b = b.blend(Magnitudes.ZERO_SLOT, bits.and(0x7fffffff).compare(VectorOperators.EQ, 0));
            b = b.blend(Magnitudes.SKIPPED_SLOT, bits.and(0x7f800000).compare(VectorOperators.EQ, 0x7f800000));
            b.intoArray(out, j);
        }
        for (; j < len; j++) {
            out[j] = Magnitudes.slot(data[from + j]);
        }
    }
}
