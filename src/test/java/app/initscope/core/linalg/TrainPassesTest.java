package app.initscope.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API passes a training step records itself with give the bits of their plain scalar forms, and the
 * distinct-column count is exact against a plain pairwise comparison, whatever the hashes.
 */
class TrainPassesTest {

    /** Gaussian values with some exact zeros, ±0, values past ±0.97 and, when asked, non-finite values. */
    private static float[] values(int n, long seed, boolean nonFinite) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(40);
            x[i] = switch (kind) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> nonFinite ? Float.NaN : 0.5f;
                case 3 -> nonFinite ? Float.NEGATIVE_INFINITY : -0.97f;
                default -> (float) r.nextGaussian();
            };
        }
        return x;
    }

    @Test
    void vectorColumnHashesEqualTheScalarOnes() {
        int rows = 37;
        for (int cols : new int[] {1, 7, 8, 9, 64, 300}) {
            float[] m = values(rows * cols, cols, true);
            long[] scalar = new long[cols];
            long[] vector = new long[cols];
            DistinctColumns.hashColumns(m, rows, cols, 0, cols, scalar);
            VectorPasses.hashColumns(m, rows, cols, 0, cols, vector);
            assertTrue(Arrays.equals(scalar, vector), "cols " + cols);
        }
    }

    @Test
    void distinctColumnsCountsLikeAPairwiseComparison() {
        DistinctColumns counter = new DistinctColumns();
        SplittableRandom r = new SplittableRandom(5);
        int rows = 50;
        int cols = 700;                                    // three hash pieces, the last one short
        float[] random = new float[rows * cols];
        for (int i = 0; i < random.length; i++) {
            random[i] = (float) r.nextGaussian();
        }
        float[] zeros = new float[rows * cols];
        float[] groups = new float[rows * cols];          // column j copies column j % 13, with −0 and NaNs mixed in
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float v = random[i * cols + j % 13];
                groups[i * cols + j] = i == 3 ? (j % 2 == 0 ? 0f : -0f)
                        : i == 4 ? (j % 2 == 0 ? Float.NaN : Float.intBitsToFloat(0x7fc00001)) : v;
            }
        }
        float[] dead = random.clone();                     // a third of the units dead (all 0), as ReLU leaves them
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j += 3) {
                dead[i * cols + j] = 0f;
            }
        }
        for (Parallel parallel : new Parallel[] {Parallel.sequential(), new TwoThreads()}) {
            for (float[] m : new float[][] {random, zeros, groups, dead}) {
                assertEquals(pairwise(m, rows, cols), counter.count(m, rows, cols, parallel));
            }
        }
        assertEquals(cols, counter.count(random, rows, cols, Parallel.sequential()));
        assertEquals(1, counter.count(zeros, rows, cols, Parallel.sequential()));
        assertEquals(13, counter.count(groups, rows, cols, Parallel.sequential()));
        assertEquals(1, counter.count(zeros, 0, cols, Parallel.sequential()), "no rows: one empty column");
    }

    @Test
    void columnsWithCollidingHashesAreStillToldApart() {
        int rows = 20;
        int cols = 40;
        SplittableRandom r = new SplittableRandom(9);
        float[] m = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i * cols + j] = j < 10 ? 1f : (float) r.nextGaussian();   // columns 0..9 equal, the rest not
            }
        }
        long[] allTheSame = new long[cols];              // every column gets the same hash
        assertEquals(31, new DistinctColumns().countFromHashes(m, rows, cols, allTheSame));
        long[] pairs = new long[cols];                    // and pairs of different columns share one
        for (int j = 0; j < cols; j++) {
            pairs[j] = j < 10 ? 0 : j / 2;
        }
        assertEquals(31, new DistinctColumns().countFromHashes(m, rows, cols, pairs));
    }

    @Test
    void aLargeGroupOfEqualHashesIsCheckedInPiecesOfRows() {
        // enough values that the check of the group is split by rows; the columns differ only in the last piece
        int rows = 5 * DistinctColumns.ROWS + 3;
        int cols = 300;
        float[] m = new float[rows * cols];
        java.util.Arrays.fill(m, 0.5f);
        long[] allTheSame = new long[cols];
        assertEquals(1, new DistinctColumns().countFromHashes(m, rows, cols, allTheSame, new TwoThreads()));
        m[(rows - 1) * cols + 7] = 2f;
        assertEquals(2, new DistinctColumns().countFromHashes(m, rows, cols, allTheSame, new TwoThreads()));
        assertEquals(2, new DistinctColumns().countFromHashes(m, rows, cols, allTheSame));
    }

    /** A plain reference: each column against every earlier distinct one, with −0 as 0 and NaNs equal. */
    private static int pairwise(float[] m, int rows, int cols) {
        int distinct = 0;
        for (int j = 0; j < cols; j++) {
            boolean seen = false;
            for (int k = 0; k < j && !seen; k++) {
                boolean same = true;
                for (int i = 0; i < rows && same; i++) {
                    float a = m[i * cols + j];
                    float b = m[i * cols + k];
                    same = a == b || (Float.isNaN(a) && Float.isNaN(b));
                }
                seen = same;
            }
            if (!seen) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Runs the pieces on two threads, in whatever order they come. */
    private static final class TwoThreads implements Parallel {
        @Override
        public int parallelism() {
            return 2;
        }

        @Override
        public void forEach(int pieces, java.util.function.IntConsumer body) {
            java.util.stream.IntStream.range(0, pieces).map(i -> pieces - 1 - i).parallel().forEach(body);
        }
    }
}
