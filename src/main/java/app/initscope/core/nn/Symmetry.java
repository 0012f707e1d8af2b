package app.initscope.core.nn;

import app.initscope.core.linalg.Parallel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts how many hidden units compute different things. */
public final class Symmetry {

    private Symmetry() {
    }

    /**
     * The number of pairwise different columns of a row-major rows × cols matrix, compared exactly (0 and −0
     * count as equal; NaNs as equal to each other). Columns are first grouped by a hash of their values, then
     * compared in full within a group, so the cost is one pass in the common cases. Column blocks hash in
     * parallel; each column's hash is the same whoever computes it.
     *
     * @param m Not modified
     */
    public static int distinctColumns(float[] m, int rows, int cols, Parallel parallel) {
        long[] hash = new long[cols];
        int block = 128;
        parallel.forEach((cols + block - 1) / block, piece -> {
            int j0 = piece * block;
            int j1 = Math.min(cols, j0 + block);
            for (int i = 0; i < rows; i++) {
                int base = i * cols;
                for (int j = j0; j < j1; j++) {
                    hash[j] = hash[j] * 0x100000001B3L + bits(m[base + j]);
                }
            }
        });
        Map<Long, List<Integer>> representatives = new HashMap<>();
        int distinct = 0;
        for (int j = 0; j < cols; j++) {
            List<Integer> reps = representatives.computeIfAbsent(hash[j], h -> new ArrayList<>(1));
            boolean found = false;
            for (int r : reps) {
                if (sameColumn(m, rows, cols, r, j)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                reps.add(j);
                distinct++;
            }
        }
        return distinct;
    }

    private static boolean sameColumn(float[] m, int rows, int cols, int c1, int c2) {
        for (int i = 0; i < rows; i++) {
            if (bits(m[i * cols + c1]) != bits(m[i * cols + c2])) {
                return false;
            }
        }
        return true;
    }

    private static int bits(float v) {
        return v == 0f ? 0 : Float.floatToIntBits(v);
    }
}
