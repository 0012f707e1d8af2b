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
     * count as equal; NaNs as equal to each other). Columns are first grouped by a hash of their values; all
     * different hashes need no more, and otherwise every column is compared with the first of its hash, row by row;
     * only if one differs (a collision) are the columns of each hash compared in full. Column blocks hash in
     * parallel, and row blocks compare in parallel; each column's hash is the same whoever computes it.
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
        // each column against the first column of its hash: equal columns have equal hashes, so with no column
        // differing from that first one, the distinct columns are the distinct hashes
        int[] first = new int[cols];
        Map<Long, Integer> firstOf = new HashMap<>();
        boolean repeats = false;
        for (int j = 0; j < cols; j++) {
            Integer f = firstOf.putIfAbsent(hash[j], j);
            first[j] = f == null ? j : f;
            repeats |= f != null;
        }
        if (!repeats) {
            return cols;
        }
        // row blocks in parallel, each reading its rows in order (comparing a column down its rows, one row apart
        // in memory at every step, took milliseconds for the zero strategy's 1000 equal columns)
        int blocks = Math.min(rows, ROW_BLOCKS);
        boolean[] differs = new boolean[blocks];
        parallel.forEach(blocks, b -> {
            for (int i = (int) ((long) rows * b / blocks), end = (int) ((long) rows * (b + 1) / blocks); i < end; i++) {
                int base = i * cols;
                for (int j = 0; j < cols; j++) {
                    if (bits(m[base + j]) != bits(m[base + first[j]])) {
                        differs[b] = true;
                        return;
                    }
                }
            }
        });
        for (boolean d : differs) {
            if (d) {
                return grouped(m, rows, cols, hash);            // columns whose hashes collide: compare them all
            }
        }
        return firstOf.size();
    }

    /** Row blocks of the check that each column equals the first of its hash. */
    private static final int ROW_BLOCKS = 32;

    /** The distinct columns, grouped by hash and compared in full within a group. */
    private static int grouped(float[] m, int rows, int cols, long[] hash) {
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
