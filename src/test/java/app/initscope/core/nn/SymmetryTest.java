package app.initscope.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.core.linalg.Parallel;
import app.initscope.engine.ComputePool;
import org.junit.jupiter.api.Test;

class SymmetryTest {

    @Test
    void identicalColumnsCountOnce() {
        float[] m = {1, 1, 2, 3, 3, 4};           // 2 rows × 3 cols: columns (1,3) (1,3) (2,4)
        assertEquals(2, Symmetry.distinctColumns(m, 2, 3, Parallel.sequential()));
    }

    @Test
    void allZerosIsOneUnitAndNegativeZeroEqualsZero() {
        float[] m = {0f, -0f, 0f, 0f, 0f, -0f};
        assertEquals(1, Symmetry.distinctColumns(m, 2, 3, Parallel.sequential()));
    }

    @Test
    void columnsThatDifferInOneRowAreDistinct() {
        float[] m = new float[100 * 4];
        m[99 * 4 + 2] = Math.ulp(1f);
        assertEquals(2, Symmetry.distinctColumns(m, 100, 4, Parallel.sequential()));
    }

    @Test
    void wideMatricesGiveTheSameCountOnTwoThreads() {
        int rows = 5;
        int cols = 1000;
        float[] m = new float[rows * cols];
        for (int i = 0; i < m.length; i++) {
            m[i] = (i % cols) % 7;                 // 7 distinct column patterns
        }
        try (ComputePool pool = new ComputePool(2)) {
            assertEquals(7, Symmetry.distinctColumns(m, rows, cols, pool));
        }
        assertEquals(7, Symmetry.distinctColumns(m, rows, cols, Parallel.sequential()));
    }
}
