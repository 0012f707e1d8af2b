package app.initscope.core.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API version of {@link DistinctColumns}' column hashes, the same bits as its scalar form. Loaded only when
 * {@link Kernels#vectorApiAvailable()}.
 */
final class VectorPasses {

    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    /** As many floats as {@link #LS} has longs. */
    private static final VectorSpecies<Float> FL = VectorSpecies.of(float.class,
            VectorShape.forBitSize(LS.vectorBitSize() / 2));

    private VectorPasses() {
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
