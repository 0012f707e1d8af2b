package app.initscope.core.linalg;

import java.util.Arrays;
import java.util.Objects;

/**
 * A kernel in front of another that spots a right factor whose columns are all equal, bit for bit. The constant
 * strategies (Zero, Small, Large, Constant) make such weights, and their δ then has equal columns too. Then every
 * column of C is the same vector, C = (A·b)·1ᵀ, and this class computes that one column as a matrix–vector product
 * and copies it: about m·k operations (summed in double, in the order p = 0, 1, …, as EJML's kernel does)
 * instead of 2·m·k·n. Every other product goes to the wrapped kernel.
 *
 * <p>The scan of B stops at the first value that differs from its row's first, so a random B costs one comparison.
 * The copies are equal bit for bit, so units that start equal stay exactly equal whatever the wrapped kernel's order
 * of summation (the lesson of the constant strategies rests on that). The column is summed in a fixed order, so the
 * result does not depend on the thread count either.
 */
public final class EqualColumns implements Gemm {

    private final Gemm inner;

    private EqualColumns(Gemm inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** {@code kernel} behind this check; a kernel that already has it is returned as it is. */
    public static Gemm of(Gemm kernel) {
        return kernel instanceof EqualColumns ? kernel : new EqualColumns(kernel);
    }

    @Override
    public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        if (!equalColumns(b, k, n)) {
            inner.mult(a, b, c, m, k, n);
            return;
        }
        rowsTimesColumn(a, b, n, c, m, k, n);
    }

    @Override
    public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        if (!equalColumns(b, k, n)) {
            inner.multTransA(a, b, c, m, k, n);
            return;
        }
        // C(i, ·) = Σ_p A(p, i)·B(p, 0); A is k×m: go along its rows and keep m sums, each in the order p = 0, 1, …
        double[] s = new double[m];
        for (int p = 0; p < k; p++) {
            double bp = b[p * n];
            for (int i = 0, ap = p * m; i < m; i++) {
                s[i] += a[ap + i] * bp;
            }
        }
        for (int i = 0; i < m; i++) {
            Arrays.fill(c, i * n, i * n + n, (float) s[i]);
        }
    }

    @Override
    public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        // Bᵀ has equal columns when B (n×k) has equal rows
        if (!equalRows(b, n, k)) {
            inner.multTransB(a, b, c, m, k, n);
            return;
        }
        rowsTimesColumn(a, b, 1, c, m, k, n);
    }

    /**
     * Every row of C (m×n) is A's row i (A m×k, row-major) times the column b[0], b[stride], …, b[(k−1)·stride],
     * summed in double in the order p = 0, 1, …
     */
    private static void rowsTimesColumn(float[] a, float[] b, int stride, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int p = 0, ai = i * k; p < k; p++) {
                s += (double) a[ai + p] * b[p * stride];
            }
            Arrays.fill(c, i * n, i * n + n, (float) s);
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** Whether every column of the rows×cols matrix x equals its first, bit for bit (false for one column). */
    static boolean equalColumns(float[] x, int rows, int cols) {
        if (cols < 2) {
            return false;
        }
        for (int r = 0; r < rows; r++) {
            int first = Float.floatToRawIntBits(x[r * cols]);
            for (int j = r * cols + 1, end = r * cols + cols; j < end; j++) {
                if (Float.floatToRawIntBits(x[j]) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether every row of the rows×cols matrix x equals its first, bit for bit (false for one row). */
    static boolean equalRows(float[] x, int rows, int cols) {
        if (rows < 2) {
            return false;
        }
        for (int r = 1; r < rows; r++) {
            for (int j = 0, row = r * cols; j < cols; j++) {
                if (Float.floatToRawIntBits(x[row + j]) != Float.floatToRawIntBits(x[j])) {
                    return false;
                }
            }
        }
        return true;
    }
}
