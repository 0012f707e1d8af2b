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
 * result does not depend on the thread count either: the rows of C are shared out over a {@link Parallel}
 * (sequential unless one is given), each row's sum still one chain in that order, and four rows' chains advance side
 * by side. The scan of a B that passes its first row is shared out too.
 */
public final class EqualColumns implements Gemm {

    /** Rows of C (or of B, for the scan) per piece of work. */
    static final int ROWS = 64;

    private final Gemm inner;
    private final Parallel parallel;

    private EqualColumns(Gemm inner, Parallel parallel) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.parallel = Objects.requireNonNull(parallel, "parallel");
    }

    /** {@code kernel} behind this check, on the calling thread; a kernel that already has it is returned as it is. */
    public static Gemm of(Gemm kernel) {
        return of(kernel, Parallel.sequential());
    }

    /**
     * {@code kernel} behind this check, its own products split by {@code parallel} (the same bits whatever its
     * thread count); a kernel that already has it is returned as it is.
     */
    public static Gemm of(Gemm kernel, Parallel parallel) {
        return kernel instanceof EqualColumns ? kernel : new EqualColumns(kernel, parallel);
    }

    @Override
    public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        if (!equalColumns(b, k, n, parallel)) {
            inner.mult(a, b, c, m, k, n);
            return;
        }
        rowsTimesColumn(a, b, n, c, m, k, n);
    }

    @Override
    public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        if (!equalColumns(b, k, n, parallel)) {
            inner.multTransA(a, b, c, m, k, n);
            return;
        }
        // C(i, ·) = Σ_p A(p, i)·B(p, 0); A is k×m: go along its rows and keep the sums of a range of i, each in the
        // order p = 0, 1, …
        parallel.forEach(pieces(m), piece -> {
            int from = piece * ROWS;
            int to = Math.min(m, from + ROWS);
            double[] s = new double[to - from];
            for (int p = 0; p < k; p++) {
                double bp = b[p * n];
                for (int i = from, ap = p * m; i < to; i++) {
                    s[i - from] += a[ap + i] * bp;
                }
            }
            for (int i = from; i < to; i++) {
                Arrays.fill(c, i * n, i * n + n, (float) s[i - from]);
            }
        });
    }

    @Override
    public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        // Bᵀ has equal columns when B (n×k) has equal rows
        if (!equalRows(b, n, k, parallel)) {
            inner.multTransB(a, b, c, m, k, n);
            return;
        }
        rowsTimesColumn(a, b, 1, c, m, k, n);
    }

    /**
     * Every row of C (m×n) is A's row i (A m×k, row-major) times the column b[0], b[stride], …, b[(k−1)·stride],
     * summed in double in the order p = 0, 1, …; four rows at a time, their sums side by side.
     */
    private void rowsTimesColumn(float[] a, float[] b, int stride, float[] c, int m, int k, int n) {
        parallel.forEach(pieces(m), piece -> {
            int i = piece * ROWS;
            int to = Math.min(m, i + ROWS);
            for (; i + 3 < to; i += 4) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int p = 0, a0 = i * k; p < k; p++) {
                    double bp = b[p * stride];
                    s0 += (double) a[a0 + p] * bp;
                    s1 += (double) a[a0 + k + p] * bp;
                    s2 += (double) a[a0 + 2 * k + p] * bp;
                    s3 += (double) a[a0 + 3 * k + p] * bp;
                }
                Arrays.fill(c, i * n, i * n + n, (float) s0);
                Arrays.fill(c, (i + 1) * n, (i + 1) * n + n, (float) s1);
                Arrays.fill(c, (i + 2) * n, (i + 2) * n + n, (float) s2);
                Arrays.fill(c, (i + 3) * n, (i + 3) * n + n, (float) s3);
            }
            for (; i < to; i++) {
                double s = 0;
                for (int p = 0, ai = i * k; p < k; p++) {
                    s += (double) a[ai + p] * b[p * stride];
                }
                Arrays.fill(c, i * n, i * n + n, (float) s);
            }
        });
    }

    private static int pieces(int rows) {
        return (rows + ROWS - 1) / ROWS;
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** Whether every column of the rows×cols matrix x equals its first, bit for bit (false for one column). */
    static boolean equalColumns(float[] x, int rows, int cols) {
        return cols >= 2 && rowsAreConstant(x, 0, rows, cols);
    }

    /**
     * {@link #equalColumns(float[], int, int)}, with the rows after the first shared out over {@code parallel}: a
     * random matrix is told by its first row, on the calling thread.
     */
    private static boolean equalColumns(float[] x, int rows, int cols, Parallel parallel) {
        if (cols < 2 || !rowsAreConstant(x, 0, Math.min(rows, 1), cols)) {
            return false;
        }
        return inPieces(rows, parallel, (from, to) -> rowsAreConstant(x, from, to, cols));
    }

    /** Whether each of rows [from, to) of the matrix x (cols wide) holds one value, bit for bit. */
    private static boolean rowsAreConstant(float[] x, int from, int to, int cols) {
        for (int r = from; r < to; r++) {
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
        return rows >= 2 && rowsEqualFirst(x, 1, rows, cols);
    }

    /**
     * {@link #equalRows(float[], int, int)}, with the rows after the second shared out over {@code parallel}: a
     * random matrix is told by its second row, on the calling thread.
     */
    private static boolean equalRows(float[] x, int rows, int cols, Parallel parallel) {
        if (rows < 2 || !rowsEqualFirst(x, 1, 2, cols)) {
            return false;
        }
        return inPieces(rows, parallel, (from, to) -> rowsEqualFirst(x, from, to, cols));
    }

    /** Whether rows [from, to) of the matrix x (cols wide) each equal its first row, bit for bit. */
    private static boolean rowsEqualFirst(float[] x, int from, int to, int cols) {
        for (int r = from; r < to; r++) {
            for (int j = 0, row = r * cols; j < cols; j++) {
                if (Float.floatToRawIntBits(x[row + j]) != Float.floatToRawIntBits(x[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A test of the rows [from, to) of a matrix. */
    private interface RowTest {
        boolean holds(int from, int to);
    }

    /** Whether the test holds for every piece of {@value #ROWS} rows, the pieces shared out over parallel. */
    private static boolean inPieces(int rows, Parallel parallel, RowTest test) {
        boolean[] holds = new boolean[pieces(rows)];
        parallel.forEach(holds.length, piece ->
                holds[piece] = test.holds(piece * ROWS, Math.min(rows, piece * ROWS + ROWS)));
        for (boolean h : holds) {
            if (!h) {
                return false;
            }
        }
        return true;
    }
}
