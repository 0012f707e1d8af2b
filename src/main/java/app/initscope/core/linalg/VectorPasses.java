package app.initscope.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the passes a training step makes to record itself, each giving the same bits as its
 * scalar form in {@link PieceMoments} and {@link DistinctColumns}. Loaded only when
 * {@link Kernels#vectorApiAvailable()}.
 */
final class VectorPasses {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Four floats, which widen to the four double lanes of {@link #D}. */
    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    /** As many floats as {@link #LS} has longs. */
    private static final VectorSpecies<Float> FL = VectorSpecies.of(float.class,
            VectorShape.forBitSize(LS.vectorBitSize() / 2));

    private VectorPasses() {
    }

    /**
     * The first whole vectors of {@link PieceMoments#of}'s pass, up to the end or to the first vector holding a
     * non-finite value: lane j of the double accumulator adds the values from + j, from + j + 4, … in order, as
     * the scalar loop's sum j does. Writes the sums, min, max and counts into {@code m} and returns where the
     * scalar loop goes on (from plus a multiple of 4).
     */
    static int head(PieceMoments m, float[] data, int from, int to, float satLo, float satHi) {
        DoubleVector acc = DoubleVector.zero(D);
        FloatVector lo = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        FloatVector hi = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        long z = 0;
        long st = 0;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, data, i);
            if (!v.test(VectorOperators.IS_FINITE).allTrue()) {
                break;
            }
            for (int q = 0; q < L; q += 4) {
                acc = acc.add((DoubleVector) FloatVector.fromArray(F4, data, i + q).convertShape(VectorOperators.F2D, D, 0));
            }
            lo = lo.min(v);
            hi = hi.max(v);
            z += v.compare(VectorOperators.EQ, 0f).trueCount();
            st += v.compare(VectorOperators.LT, satLo).or(v.compare(VectorOperators.GT, satHi)).trueCount();
        }
        m.s0 = acc.lane(0);
        m.s1 = acc.lane(1);
        m.s2 = acc.lane(2);
        m.s3 = acc.lane(3);
        m.min = lo.reduceLanes(VectorOperators.MIN);
        m.max = hi.reduceLanes(VectorOperators.MAX);
        m.finite = i - from;
        m.zeros = z;
        m.saturated = st;
        return i;
    }

    /** {@link DistinctColumns#hashColumns}, the same sums: h[j] = Σ_i bits(m[i, j])·K_i for j in [j0, j1). */
    static void hashColumns(float[] m, int rows, int cols, int j0, int j1, long[] h) {
        java.util.Arrays.fill(h, j0, j1, 0L);
        int lanes = LS.length();
        int bound = j0 + LS.loopBound(j1 - j0);
        for (int i = 0; i < rows; i++) {
            long k = DistinctColumns.rowKey(i);
            int base = i * cols;
            int j = j0;
            for (; j < bound; j += lanes) {
                // v + 0 turns −0 into 0 and leaves every other value as it is; then every NaN becomes the one
                // NaN whose bits Float.floatToIntBits gives
                FloatVector v = FloatVector.fromArray(FL, m, base + j).add(0f);
                v = v.blend(Float.NaN, v.test(VectorOperators.IS_NAN));
                LongVector wide = (LongVector) v.reinterpretAsInts().convertShape(VectorOperators.I2L, LS, 0);
                LongVector.fromArray(LS, h, j).add(wide.mul(k)).intoArray(h, j);
            }
            for (; j < j1; j++) {
                h[j] += DistinctColumns.bits(m[base + j]) * k;
            }
        }
    }
}
