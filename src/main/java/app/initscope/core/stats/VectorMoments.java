package app.initscope.core.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The first pass of {@link Summary.Sweep} on the Vector API, for as long as the values are finite: the same sums in
 * the same order as the scalar loop ({@link Moments#scalar}), which it hands over to at the first vector
 * holding a non-finite value, and at the piece's tail.
 *
 * <p>The scalar loop keeps four sums, s_j over the values at positions j, j + 4, j + 8, … of the piece, each added
 * in order. Here they are the four lanes of one double vector, and the values come four at a time, widened from
 * float exactly, so every lane adds the same values in the same order: the same bits. Min and max are exact in
 * any order, and the counts are whole numbers.
 *
 * <p>Load only when the {@code jdk.incubator.vector} module is resolved (see {@link Summary#VECTOR}).
 */
final class VectorMoments {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final int L = S.length();

    private VectorMoments() {
    }

    /** Whether a vector holds whole groups of four values (the sums' period). */
    static boolean usable() {
        return L >= 4 && L % 4 == 0 && F4.length() == 4 && D4.length() == 4;
    }

    /**
     * Runs the first pass over {@code data[from, to)} from {@code from} on, into {@code m} (which must be fresh), for
     * as many whole vectors as are entirely finite, and returns where it stopped: a multiple of 4 past {@code from}.
     * The saturated values are counted here only for a {@code band}; for any other test the caller counts them.
     */
    static int run(float[] data, int from, int to, Summary.Outside band, Moments m) {
        DoubleVector sums = DoubleVector.zero(D4);
        FloatVector lo = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        FloatVector hi = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        long zeros = 0;
        long saturated = 0;
        boolean counting = band != null;
        float below = counting ? band.below() : 0f;
        float above = counting ? band.above() : 0f;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, data, i);
            if (!v.abs().compare(VectorOperators.LE, Float.MAX_VALUE).allTrue()) {
                break;                                  // a NaN or an infinity: the scalar loop takes it from here
            }
            for (int k = 0; k < L; k += 4) {
                sums = sums.add(FloatVector.fromArray(F4, data, i + k).convertShape(VectorOperators.F2D, D4, 0));
            }
            lo = lo.min(v);
            hi = hi.max(v);
            zeros += v.compare(VectorOperators.EQ, 0f).trueCount();
            if (counting) {
                VectorMask<Float> out = v.compare(VectorOperators.LT, below).or(v.compare(VectorOperators.GT, above));
                saturated += out.trueCount();
            }
        }
        m.s0 = sums.lane(0);
        m.s1 = sums.lane(1);
        m.s2 = sums.lane(2);
        m.s3 = sums.lane(3);
        m.lo = lo.reduceLanes(VectorOperators.MIN);
        m.hi = hi.reduceLanes(VectorOperators.MAX);
        m.finite = i - from;
        m.zeros = zeros;
        m.saturated = saturated;
        return i;
    }
}
