package app.initscope.core.linalg;

import java.util.Arrays;

/**
 * Counts the pairwise different columns of a row-major rows × cols matrix, compared exactly as
 * {@code Symmetry.distinctColumns} compares them (0 and −0 equal, every NaN equal to every NaN), with buffers kept
 * between calls, for a training step that counts a layer's distinct units at every step.
 *
 * <p>Each column gets a 64-bit hash, Σ_i bits(m[i, j])·K_i over its rows, with K_i an odd constant per row; column
 * blocks hash in parallel and the sum is exact integer arithmetic, so a column's hash is the same whoever computes
 * it. When all hashes differ (the usual case after a random initialization) the count is the number of columns.
 * Columns with equal hashes are then checked value by value against the first of their group, row by row (the
 * order in memory), and a group whose members are not all equal (a hash collision) is counted by comparing its
 * members pairwise. The count is exact whatever the hashes. Not thread-safe.
 */
public final class DistinctColumns {

    /** Columns per piece of the hash pass. */
    static final int BLOCK = 256;
    /** Rows per piece of the check of a group of columns with equal hashes. */
    static final int ROWS = 64;
    /** Values to compare from which that check is split into pieces. */
    private static final long PARALLEL_VALUES = 1 << 16;

    private static final boolean VECTOR = Kernels.vectorApiAvailable();

    private long[] hash = new long[0];
    private long[] sorted = new long[0];
    private int[] members = new int[0];

    /**
     * The number of distinct columns.
     *
     * @param m Not modified
     */
    public int count(float[] m, int rows, int cols, Parallel parallel) {
        if (cols <= 1 || rows == 0) {
            return Math.min(cols, 1);                      // no rows: every column is the same empty column
        }
        if (hash.length < cols) {
            hash = new long[cols];
        }
        long[] h = hash;
        parallel.forEach((cols + BLOCK - 1) / BLOCK, piece -> {
            int j0 = piece * BLOCK;
            int j1 = Math.min(cols, j0 + BLOCK);
            if (VECTOR) {
                VectorPasses.hashColumns(m, rows, cols, j0, j1, h);
            } else {
                hashColumns(m, rows, cols, j0, j1, h);
            }
        });
        return countFromHashes(m, rows, cols, h, parallel);
    }

    /** h[j] = Σ_i bits(m[i, j])·K_i for j in [j0, j1). */
    static void hashColumns(float[] m, int rows, int cols, int j0, int j1, long[] h) {
        Arrays.fill(h, j0, j1, 0L);
        for (int i = 0; i < rows; i++) {
            long k = rowKey(i);
            int base = i * cols;
            for (int j = j0; j < j1; j++) {
                h[j] += bits(m[base + j]) * k;
            }
        }
    }

    /** The count, given each column's hash (package-private so that a test can give colliding hashes). */
    int countFromHashes(float[] m, int rows, int cols, long[] h) {
        return countFromHashes(m, rows, cols, h, Parallel.sequential());
    }

    /** {@link #countFromHashes(float[], int, int, long[])}, its checks of a large group's columns split by rows. */
    int countFromHashes(float[] m, int rows, int cols, long[] h, Parallel parallel) {
        if (sorted.length < cols) {
            sorted = new long[cols];
            members = new int[cols];
        }
        long[] s = sorted;
        System.arraycopy(h, 0, s, 0, cols);
        Arrays.sort(s, 0, cols);
        int groups = 1;
        for (int j = 1; j < cols; j++) {
            if (s[j] != s[j - 1]) {
                groups++;
            }
        }
        if (groups == cols) {
            return cols;
        }
        // Some hashes repeat: for each repeated hash, its columns in index order.
        int distinct = 0;
        int start = 0;
        while (start < cols) {
            int end = start + 1;
            while (end < cols && s[end] == s[start]) {
                end++;
            }
            if (end - start == 1) {
                distinct++;
            } else {
                long value = s[start];
                int size = 0;
                for (int j = 0; j < cols; j++) {
                    if (h[j] == value) {
                        members[size++] = j;
                    }
                }
                distinct += allEqual(m, rows, cols, members, size, parallel) ? 1
                        : countPairwise(m, rows, cols, members, size);
            }
            start = end;
        }
        return distinct;
    }

    /**
     * Whether the columns {@code members[0, size)} all equal the first, row by row in memory order; the rows in
     * pieces of {@value #ROWS} over {@code parallel} when there are many values to compare (the Zero strategy's
     * thousand equal columns).
     */
    private static boolean allEqual(float[] m, int rows, int cols, int[] members, int size, Parallel parallel) {
        if ((long) rows * size < PARALLEL_VALUES) {
            return allEqual(m, 0, rows, cols, members, size);
        }
        boolean[] equal = new boolean[(rows + ROWS - 1) / ROWS];
        parallel.forEach(equal.length, piece ->
                equal[piece] = allEqual(m, piece * ROWS, Math.min(rows, piece * ROWS + ROWS), cols, members, size));
        for (boolean e : equal) {
            if (!e) {
                return false;
            }
        }
        return true;
    }

    /** Whether, in rows [from, to), the columns {@code members[0, size)} all equal the first. */
    private static boolean allEqual(float[] m, int from, int to, int cols, int[] members, int size) {
        int first = members[0];
        for (int i = from; i < to; i++) {
            int base = i * cols;
            int ref = bits(m[base + first]);
            for (int t = 1; t < size; t++) {
                if (bits(m[base + members[t]]) != ref) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The distinct columns among {@code members[0, size)}, each compared with the representatives found so far. */
    private static int countPairwise(float[] m, int rows, int cols, int[] members, int size) {
        int[] reps = new int[size];
        int count = 0;
        for (int t = 0; t < size; t++) {
            int j = members[t];
            boolean found = false;
            for (int r = 0; r < count && !found; r++) {
                found = sameColumn(m, rows, cols, reps[r], j);
            }
            if (!found) {
                reps[count++] = j;
            }
        }
        return count;
    }

    private static boolean sameColumn(float[] m, int rows, int cols, int c1, int c2) {
        for (int i = 0; i < rows; i++) {
            if (bits(m[i * cols + c1]) != bits(m[i * cols + c2])) {
                return false;
            }
        }
        return true;
    }

    /** The value's bits, with −0 as 0 and every NaN as one NaN. */
    static int bits(float v) {
        return v == 0f ? 0 : Float.floatToIntBits(v);
    }

    /** An odd 64-bit constant for row i (SplitMix64's finalizer of i). */
    static long rowKey(int i) {
        long z = (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) | 1L;
    }
}
