package app.initscope.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import app.initscope.core.linalg.GemmTest.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EqualColumnsTest {

    /** Records which products reached it, and computes them with EJML. */
    static final class Recording implements Gemm {
        final List<Op> calls = new ArrayList<>();
        private final Gemm ejml = new EjmlGemm();

        @Override
        public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
            calls.add(Op.MULT);
            ejml.mult(a, b, c, m, k, n);
        }

        @Override
        public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
            calls.add(Op.TRANS_A);
            ejml.multTransA(a, b, c, m, k, n);
        }

        @Override
        public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
            calls.add(Op.TRANS_B);
            ejml.multTransB(a, b, c, m, k, n);
        }

        @Override
        public String name() {
            return "recording";
        }
    }

    private static final int[][] SHAPES = {{37, 53, 29}, {1, 7, 8}, {64, 1, 3}, {5, 300, 2}};

    @Test
    void equalColumnsAreComputedOnceAndMatchTheSumsInDouble() {
        SplittableRandom random = new SplittableRandom(3);
        for (Op op : Op.values()) {
            for (int[] s : SHAPES) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                float[] a = GemmTest.randomMatrix(random, m * k);
                float[] column = GemmTest.randomMatrix(random, k);
                float[] b = withEqualColumns(op, column, k, n);
                float[] c = new float[m * n];
                Recording inner = new Recording();
                op.apply(EqualColumns.of(inner), a, b, c, m, k, n);
                String where = op + " " + m + "×" + k + "×" + n;
                assertEquals(List.of(), inner.calls, where + ": the wrapped kernel should not be asked");
                for (int i = 0; i < m; i++) {
                    double sum = 0;
                    double magnitude = 0;
                    for (int p = 0; p < k; p++) {
                        double term = (double) a[op.aIndex(i, p, m, k)] * column[p];
                        sum += term;
                        magnitude += Math.abs(term);
                    }
                    double tolerance = 2 * (k + 1) * (Math.ulp(1f) / 2) * magnitude + Float.MIN_NORMAL;
                    for (int j = 0; j < n; j++) {
                        float actual = c[i * n + j];
                        if (!(Math.abs(actual - sum) <= tolerance)) {
                            fail(where + " at (" + i + ", " + j + "): expected " + sum + " but was " + actual);
                        }
                        if (Float.floatToRawIntBits(actual) != Float.floatToRawIntBits(c[i * n])) {
                            fail(where + ": row " + i + " is not the same value in every column");
                        }
                    }
                }
            }
        }
    }

    @Test
    void splitOverThreadsItGivesTheSameBitsAsOnOne() {
        SplittableRandom random = new SplittableRandom(5);
        GemmTest.TwoThreads two = new GemmTest.TwoThreads();
        // rows enough for several pieces, and a count that leaves a tail of rows after the groups of four
        int m = 3 * EqualColumns.ROWS + 7;
        int k = 2 * EqualColumns.ROWS + 3;
        int n = 5;
        for (Op op : Op.values()) {
            float[] a = GemmTest.randomMatrix(random, m * k);
            float[] b = withEqualColumns(op, GemmTest.randomMatrix(random, k), k, n);
            float[] one = new float[m * n];
            float[] split = new float[m * n];
            Recording inner = new Recording();
            op.apply(EqualColumns.of(inner), a, b, one, m, k, n);
            op.apply(EqualColumns.of(inner, two), a, b, split, m, k, n);
            assertEquals(List.of(), inner.calls, op + ": the wrapped kernel should not be asked");
            GemmTest.assertBitEqual(one, split, op + " on two threads");
            // a value that differs in the last piece of the scan sends the product to the wrapped kernel
            b[op.bIndex(k - 1, n - 1, k, n)] += 0.5f;
            op.apply(EqualColumns.of(inner, two), a, b, split, m, k, n);
            assertEquals(List.of(op), inner.calls, op + ": a scan split over threads must see every row");
        }
    }

    @Test
    void oneDifferentValueSendsTheProductToTheWrappedKernel() {
        SplittableRandom random = new SplittableRandom(4);
        int m = 9;
        int k = 11;
        int n = 6;
        for (Op op : Op.values()) {
            float[] a = GemmTest.randomMatrix(random, m * k);
            float[] b = withEqualColumns(op, GemmTest.randomMatrix(random, k), k, n);
            // the very last value to be scanned differs: the whole of B must be looked at
            b[op.bIndex(k - 1, n - 1, k, n)] += 0.5f;
            float[] c = new float[m * n];
            Recording inner = new Recording();
            op.apply(EqualColumns.of(inner), a, b, c, m, k, n);
            assertEquals(List.of(op), inner.calls, op.toString());
            float[] expected = new float[m * n];
            op.apply(new EjmlGemm(), a, b, expected, m, k, n);
            GemmTest.assertBitEqual(expected, c, op + ": the wrapped kernel's result");
        }
    }

    @Test
    void zeroAndMinusZeroAreNotTheSameColumn() {
        float[] a = {1, 2, 3, 4};
        float[] b = {0f, -0f, -0f, 0f};
        for (Op op : Op.values()) {
            Recording inner = new Recording();
            op.apply(EqualColumns.of(inner), a, b, new float[4], 2, 2, 2);
            assertEquals(List.of(op), inner.calls, op + ": -0 differs from 0 in its bits");
        }
    }

    @Test
    void oneColumnGoesToTheWrappedKernelAndBadShapesAreRefused() {
        Recording inner = new Recording();
        Gemm g = EqualColumns.of(inner);
        g.mult(new float[]{1, 2}, new float[]{3, 4}, new float[1], 1, 2, 1);
        assertEquals(List.of(Op.MULT), inner.calls);
        assertSame(g, EqualColumns.of(g));
        assertEquals("recording", g.name());
        float[] x = new float[4];
        assertThrows(IllegalArgumentException.class, () -> g.mult(x, new float[4], x, 2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> g.multTransA(x, x, x, 2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> g.multTransB(x, new float[3], new float[4], 2, 2, 2));
    }

    /** The k×n right factor of {@code op} (stored as the op expects) whose every column is {@code column}. */
    private static float[] withEqualColumns(Op op, float[] column, int k, int n) {
        float[] b = new float[k * n];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                b[op.bIndex(p, j, k, n)] = column[p];
            }
        }
        return b;
    }
}
