package app.initscope.core.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Normalization}'s BatchNorm loops that write a float tensor from float values and per-unit doubles, on the
 * Vector API: the JIT does not vectorize them itself when a piece's first unit is not a constant (LayerNorm's loops
 * start at a row's first unit, and it does). Each computes what the
 * scalar loop computes, in double, with the same operations in the same order (no fused multiply-add), so the bits
 * are the scalar loop's; each runs whole vectors over the units [j0, j1) of one row and returns where it stopped,
 * for the scalar loop to finish. Also {@link Lanes}' running sums, four at a time. Load only when the
 * {@code jdk.incubator.vector} module is resolved.
 */
final class VectorNorm {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** As many floats as D has doubles, in half the bits. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int L = D.length();
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;

    private VectorNorm() {
    }

    private static DoubleVector load(float[] x, int at) {
        return (DoubleVector) FloatVector.fromArray(F, x, at).convertShape(VectorOperators.F2D, D, 0);
    }

    private static void store(DoubleVector v, float[] x, int at) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(x, at);
    }

    /** out = (float) (γ_j·((z − μ_j)·inv_j) + β_j): BatchNorm's N(z). */
    static int applyUnits(float[] z, float[] out, int row, int j0, int j1, double[] mu, double[] inv,
                          double[] gamma, double[] beta) {
        int j = j0;
        for (int end = j1 - L; j <= end; j += L) {
            DoubleVector hat = load(z, row + j).sub(DoubleVector.fromArray(D, mu, j)).mul(DoubleVector.fromArray(D, inv, j));
            store(DoubleVector.fromArray(D, gamma, j).mul(hat).add(DoubleVector.fromArray(D, beta, j)), out, row + j);
        }
        return j;
    }

    /** dz = (float) ((dOut·γ_j − a_j − ẑ·b_j)·inv_j), ẑ = (z − μ_j)·inv_j: BatchNorm's ∂L/∂z. */
    static int backwardUnits(float[] z, float[] dOut, float[] dz, int row, int j0, int j1, double[] mu,
                             double[] inv, double[] gamma, double[] a, double[] b) {
        int j = j0;
        for (int end = j1 - L; j <= end; j += L) {
            DoubleVector scale = DoubleVector.fromArray(D, inv, j);
            DoubleVector hat = load(z, row + j).sub(DoubleVector.fromArray(D, mu, j)).mul(scale);
            DoubleVector g = load(dOut, row + j).mul(DoubleVector.fromArray(D, gamma, j));
            store(g.sub(DoubleVector.fromArray(D, a, j)).sub(hat.mul(DoubleVector.fromArray(D, b, j))).mul(scale),
                    dz, row + j);
        }
        return j;
    }

    /**
     * {@link Lanes}' running sums over the whole blocks of {@value Lanes#LANES} values of x[0, n), into s[0, 16):
     * four vectors of four, which machines of either vector width have. Returns where the blocks end.
     */
    static int lanes(double[] x, int n, double[] s) {
        DoubleVector a = DoubleVector.zero(D4);
        DoubleVector b = DoubleVector.zero(D4);
        DoubleVector c = DoubleVector.zero(D4);
        DoubleVector d = DoubleVector.zero(D4);
        int j = 0;
        for (int end = n - Lanes.LANES; j <= end; j += Lanes.LANES) {
            a = a.add(DoubleVector.fromArray(D4, x, j));
            b = b.add(DoubleVector.fromArray(D4, x, j + 4));
            c = c.add(DoubleVector.fromArray(D4, x, j + 8));
            d = d.add(DoubleVector.fromArray(D4, x, j + 12));
        }
        a.intoArray(s, 0);
        b.intoArray(s, 4);
        c.intoArray(s, 8);
        d.intoArray(s, 12);
        return j;
    }
}
