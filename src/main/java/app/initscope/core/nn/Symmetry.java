package app.initscope.core.nn;

import app.initscope.core.linalg.DistinctColumns;
import app.initscope.core.linalg.Parallel;

/** Counts how many hidden units compute different things. */
public final class Symmetry {

    private Symmetry() {
    }

    /**
     * The number of pairwise different columns of a row-major rows × cols matrix, compared exactly (0 and −0
     * count as equal; NaNs as equal to each other), by {@link DistinctColumns}: a hash of every column, then a full
     * comparison of the columns whose hashes match, so the cost is one pass in the common cases.
     *
     * @param m Not modified
     */
    public static int distinctColumns(float[] m, int rows, int cols, Parallel parallel) {
        return new DistinctColumns().count(m, rows, cols, parallel);
    }
}
