package app.initscope.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {

    /** The three products, with the shapes of their inputs. */
    enum Op {
        MULT, TRANS_A, TRANS_B;

        void apply(Gemm gemm, float[] a, float[] b, float[] c, int m, int k, int n) {
            switch (this) {
                case MULT -> gemm.mult(a, b, c, m, k, n);
                case TRANS_A -> gemm.multTransA(a, b, c, m, k, n);
                case TRANS_B -> gemm.multTransB(a, b, c, m, k, n);
            }
        }

        /** A(i, p) of the logical m×k left factor. */
        int aIndex(int i, int p, int m, int k) {
            return this == TRANS_A ? p * m + i : i * k + p;
        }

        /** B(p, j) of the logical k×n right factor. */
        int bIndex(int p, int j, int k, int n) {
            return this == TRANS_B ? j * k + p : p * n + j;
        }
    }

    /** Runs pieces on a fixed pool of two threads, as the service layer would. */
    static final class TwoThreads implements Parallel {
        private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "gemm-test-worker");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public int parallelism() {
            return 2;
        }

        @Override
        public void forEach(int pieces, IntConsumer body) {
            List<Future<?>> futures = new ArrayList<>(pieces);
            for (int i = 0; i < pieces; i++) {
                int piece = i;
                futures.add(executor.submit(() -> body.accept(piece)));
            }
            RuntimeException failure = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        void shutdown() {
            executor.shutdownNow();
        }
    }

    /** Claims many pieces and runs them backwards on the calling thread: exercises every split of the output. */
    static final class ManyPiecesBackwards implements Parallel {
        @Override
        public int parallelism() {
            return 7;
        }

        @Override
        public void forEach(int pieces, IntConsumer body) {
            for (int i = pieces - 1; i >= 0; i--) {
                body.accept(i);
            }
        }
    }

    private static TwoThreads twoThreads;

    @BeforeAll
    static void startPool() {
        twoThreads = new TwoThreads();
    }

    @AfterAll
    static void stopPool() {
        twoThreads.shutdown();
    }

    /**
     * The kernels {@link Kernels#best} can pick by default, the vector kernel with either register block: every
     * property of the contract holds for them.
     */
    static Stream<Gemm> gemms() {
        return Stream.of(new VectorGemm(Parallel.sequential(), 8), new VectorGemm(twoThreads, 8),
                new VectorGemm(Parallel.sequential(), 4), new VectorGemm(twoThreads, 4), new EjmlGemm());
    }

    /**
     * Those and OpenBLAS's, where the library is installed (BlasGemmTest reports when it is not), for the parts
     * of the contract that OpenBLAS keeps: all but equal columns giving bit-equal columns.
     */
    static Stream<Gemm> allGemms() {
        Stream<Gemm> blas = BlasGemm.available()
                ? Stream.of(new BlasGemm(Parallel.sequential()), new BlasGemm(twoThreads)) : Stream.empty();
        return Stream.concat(gemms(), blas);
    }

    static final int[][] SHAPES = {
        {1, 1, 1}, {7, 13, 5}, {17, 33, 19}, {5, 1000, 3}, {64, 129, 47}, {1, 7, 100}, {100, 3, 1},
        {9, 40, 16}, {31, 2, 17}, {8, 64, 48}, {13, 300, 97}, {120, 90, 150}, {3, 5, 1000}, {135, 70, 100},
    };

    static Stream<Arguments> gemmsAndShapes() {
        return allGemms().flatMap(gemm -> Arrays.stream(SHAPES)
                .map(s -> Arguments.of(gemm, s[0], s[1], s[2])));
    }

    @ParameterizedTest(name = "{0}: {1}×{2}×{3}")
    @MethodSource("gemmsAndShapes")
    void multMatchesDoubleReferenceOnOddShapes(Gemm gemm, int m, int k, int n) {
        assertMatchesReference(gemm, Op.MULT, m, k, n, 11);
    }

    @ParameterizedTest(name = "{0}: {1}×{2}×{3}")
    @MethodSource("gemmsAndShapes")
    void multTransAMatchesDoubleReferenceOnOddShapes(Gemm gemm, int m, int k, int n) {
        assertMatchesReference(gemm, Op.TRANS_A, m, k, n, 12);
    }

    @ParameterizedTest(name = "{0}: {1}×{2}×{3}")
    @MethodSource("gemmsAndShapes")
    void multTransBMatchesDoubleReferenceOnOddShapes(Gemm gemm, int m, int k, int n) {
        assertMatchesReference(gemm, Op.TRANS_B, m, k, n, 13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allGemms")
    void allThreeProductsMatchTheReferenceOnALargeProduct(Gemm gemm) {
        for (Op op : Op.values()) {
            assertMatchesReference(gemm, op, 203, 311, 157, 14 + op.ordinal());
        }
    }

    @Test
    void vectorResultsAreBitIdenticalForOneAndTwoThreads() {
        assertSameBits(new VectorGemm(Parallel.sequential()), new VectorGemm(twoThreads), 300, 257, 301, 21,
                "1 vs 2 threads");
    }

    @Test
    void vectorResultsAreBitIdenticalForBothRegisterBlocks() {
        // 8-row blocks, or each computed as two of 4 rows: the same fma chain per element, so the same bits
        assertSameBits(new VectorGemm(twoThreads, 8), new VectorGemm(twoThreads, 4), 203, 311, 157, 24,
                "8-row vs 4-row blocks");
    }

    /** x and y give the same bits for all three products of the same random m×k and k×n matrices. */
    private static void assertSameBits(Gemm x, Gemm y, int m, int k, int n, long seed, String what) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = randomMatrix(random, m * k);
        float[] b = randomMatrix(random, k * n);
        for (Op op : Op.values()) {
            float[] cx = new float[m * n];
            float[] cy = new float[m * n];
            op.apply(x, a, b, cx, m, k, n);
            op.apply(y, a, b, cy, m, k, n);
            assertBitEqual(cx, cy, op + " " + m + "×" + k + "×" + n + ": " + what);
        }
    }

    @Test
    void aReusedInstanceGivesTheBitsOfAFreshOne() {
        // the packed copies of B and A are scratch buffers kept between calls: a product after larger and smaller
        // ones (other panel counts, tail widths and row blocks) must not see what they left there
        int[][] shapes = {{203, 311, 157}, {9, 40, 16}, {64, 129, 47}, {1, 7, 100}, {135, 70, 100}, {31, 2, 17}};
        for (int blockRows : new int[] {8, 4}) {
            Gemm reused = new VectorGemm(twoThreads, blockRows);
            SplittableRandom random = new SplittableRandom(25);
            for (int[] s : shapes) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                float[] a = randomMatrix(random, m * k);
                float[] b = randomMatrix(random, k * n);
                for (Op op : Op.values()) {
                    float[] fresh = new float[m * n];
                    float[] again = new float[m * n];
                    op.apply(new VectorGemm(twoThreads, blockRows), a, b, fresh, m, k, n);
                    op.apply(reused, a, b, again, m, k, n);
                    assertBitEqual(fresh, again, op + " " + m + "×" + k + "×" + n + ", " + blockRows + "-row blocks");
                }
            }
        }
    }

    @Test
    void registerBlockFollowsTheCpusRegisterCount() {
        assertEquals(4, VectorGemm.blockRowsFor("amd64", 256), "x86 AVX2: 16 registers");
        assertEquals(4, VectorGemm.blockRowsFor("amd64", 128), "x86 SSE: 16 registers");
        assertEquals(8, VectorGemm.blockRowsFor("amd64", 512), "x86 AVX-512: 32 registers");
        assertEquals(8, VectorGemm.blockRowsFor("aarch64", 128), "AArch64: 32 registers");
        assertThrows(IllegalArgumentException.class, () -> new VectorGemm(Parallel.sequential(), 6));
        assertTrue(new VectorGemm(Parallel.sequential(), 4).toString().contains("4×3 block"));
    }

    @Test
    void vectorResultsDoNotDependOnHowTheOutputIsSplit() {
        // few rows and many columns: the output is split into column panels as well as row ranges
        int[][] shapes = {{300, 257, 301}, {3, 400, 1000}, {1000, 64, 20}};
        for (int[] s : shapes) {
            assertSameBits(new VectorGemm(Parallel.sequential()), new VectorGemm(new ManyPiecesBackwards()),
                    s[0], s[1], s[2], 22, "1 piece vs many");
        }
    }

    @Test
    void vectorResultEqualsAScalarFmaChainBitForBit() {
        // the documented arithmetic: acc = Math.fma(A(i,p), B(p,j), acc) for p = 0..k-1, starting from 0
        int m = 37;
        int k = 91;
        int n = 83;
        SplittableRandom random = new SplittableRandom(23);
        float[] a = randomMatrix(random, m * k);
        float[] b = randomMatrix(random, k * n);
        for (Op op : Op.values()) {
            float[] c = new float[m * n];
            op.apply(new VectorGemm(twoThreads), a, b, c, m, k, n);
            float[] expected = new float[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float acc = 0f;
                    for (int p = 0; p < k; p++) {
                        acc = Math.fma(a[op.aIndex(i, p, m, k)], b[op.bIndex(p, j, k, n)], acc);
                    }
                    expected[i * n + j] = acc;
                }
            }
            assertBitEqual(expected, c, op.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gemms")
    void equalColumnsOfBGiveBitEqualColumnsOfC(Gemm gemm) {
        // n = 70 puts columns in a full panel, in whole tail vectors and in a partial vector
        int m = 23;
        int k = 301;
        int n = 70;
        SplittableRandom random = new SplittableRandom(31);
        float[] a = randomMatrix(random, m * k);
        float[] column = randomMatrix(random, k);
        for (Op op : Op.values()) {
            float[] b = new float[k * n];
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    b[op.bIndex(p, j, k, n)] = column[p];
                }
            }
            float[] c = new float[m * n];
            op.apply(gemm, a, b, c, m, k, n);
            for (int i = 0; i < m; i++) {
                for (int j = 1; j < n; j++) {
                    assertEquals(Float.floatToRawIntBits(c[i * n]), Float.floatToRawIntBits(c[i * n + j]),
                            () -> op + ": columns of row differ");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allGemms")
    void outputIsOverwrittenNotAccumulated(Gemm gemm) {
        int m = 19;
        int k = 27;
        int n = 53;
        SplittableRandom random = new SplittableRandom(41);
        float[] a = randomMatrix(random, m * k);
        float[] b = randomMatrix(random, k * n);
        for (Op op : Op.values()) {
            float[] clean = new float[m * n];
            op.apply(gemm, a, b, clean, m, k, n);
            float[] dirty = new float[m * n];
            Arrays.fill(dirty, Float.NaN);
            dirty[0] = 1e30f;
            op.apply(gemm, a, b, dirty, m, k, n);
            assertBitEqual(clean, dirty, op + ": garbage in c changed the result");
            op.apply(gemm, a, b, dirty, m, k, n);
            assertBitEqual(clean, dirty, op + ": a second call into the same c changed the result");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allGemms")
    void longerArraysAreAllowedAndOnlyThePrefixOfCIsWritten(Gemm gemm) {
        int m = 11;
        int k = 9;
        int n = 21;
        SplittableRandom random = new SplittableRandom(51);
        float[] a = randomMatrix(random, m * k + 5);
        float[] b = randomMatrix(random, k * n + 7);
        float[] aCopy = a.clone();
        float[] bCopy = b.clone();
        for (Op op : Op.values()) {
            float[] exact = new float[m * n];
            op.apply(gemm, Arrays.copyOf(a, m * k), Arrays.copyOf(b, k * n), exact, m, k, n);
            float[] c = new float[m * n + 3];
            Arrays.fill(c, -7f);
            op.apply(gemm, a, b, c, m, k, n);
            assertBitEqual(exact, Arrays.copyOf(c, m * n), op.toString());
            for (int i = m * n; i < c.length; i++) {
                assertEquals(-7f, c[i], op + ": wrote past m*n");
            }
            assertArrayEquals(aCopy, a, op + ": modified a");
            assertArrayEquals(bCopy, b, op + ": modified b");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allGemms")
    void aliasingOutputThrowsIllegalArgumentException(Gemm gemm) {
        float[] x = new float[16];
        float[] y = new float[16];
        for (Op op : Op.values()) {
            assertThrows(IllegalArgumentException.class, () -> op.apply(gemm, x, y, x, 4, 4, 4), op + " c == a");
            assertThrows(IllegalArgumentException.class, () -> op.apply(gemm, x, y, y, 4, 4, 4), op + " c == b");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allGemms")
    void shortArraysThrowIllegalArgumentException(Gemm gemm) {
        int m = 3;
        int k = 4;
        int n = 5;
        for (Op op : Op.values()) {
            assertThrows(IllegalArgumentException.class,
                    () -> op.apply(gemm, new float[m * k - 1], new float[k * n], new float[m * n], m, k, n), op + " a");
            assertThrows(IllegalArgumentException.class,
                    () -> op.apply(gemm, new float[m * k], new float[k * n - 1], new float[m * n], m, k, n), op + " b");
            assertThrows(IllegalArgumentException.class,
                    () -> op.apply(gemm, new float[m * k], new float[k * n], new float[m * n - 1], m, k, n), op + " c");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allGemms")
    void dimensionsBelowOneOrOverflowingThrowIllegalArgumentException(Gemm gemm) {
        float[] x = new float[4];
        float[] y = new float[4];
        float[] z = new float[4];
        for (Op op : Op.values()) {
            assertThrows(IllegalArgumentException.class, () -> op.apply(gemm, x, y, z, 0, 2, 2), op + " m = 0");
            assertThrows(IllegalArgumentException.class, () -> op.apply(gemm, x, y, z, 2, 0, 2), op + " k = 0");
            assertThrows(IllegalArgumentException.class, () -> op.apply(gemm, x, y, z, 2, 2, -1), op + " n < 0");
            assertThrows(IllegalArgumentException.class,
                    () -> op.apply(gemm, x, y, z, 1 << 16, 1 << 16, 1), op + " m*k overflows");
        }
    }

    @Test
    void bestPicksTheVectorKernelWhenTheModuleIsPresentAndItIsAsked() {
        // surefire starts the test JVM with --add-modules=jdk.incubator.vector
        assertTrue(Kernels.vectorApiAvailable(), "jdk.incubator.vector should be resolved in the test JVM");
        Gemm best = withKernelProperty("vector", () -> Kernels.best(Parallel.sequential()));
        assertInstanceOf(VectorGemm.class, best);
        assertTrue(best.name().startsWith("vector-api"), best.name());
    }

    /** Calls {@code body} with {@code -Dinitscope.kernel=value} set (null: unset), and restores the property. */
    static <T> T withKernelProperty(String value, java.util.function.Supplier<T> body) {
        String old = System.getProperty(Kernels.KERNEL_PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(Kernels.KERNEL_PROPERTY);
            } else {
                System.setProperty(Kernels.KERNEL_PROPERTY, value);
            }
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(Kernels.KERNEL_PROPERTY);
            } else {
                System.setProperty(Kernels.KERNEL_PROPERTY, old);
            }
        }
    }

    static void assertMatchesReference(Gemm gemm, Op op, int m, int k, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = randomMatrix(random, m * k);
        float[] b = randomMatrix(random, k * n);
        float[] c = new float[m * n];
        Arrays.fill(c, Float.NaN);
        op.apply(gemm, a, b, c, m, k, n);
        // an fma chain of k terms is off by at most about k·2⁻²⁴·Σ|a||b| (EJML sums in double: far less)
        double unit = Math.ulp(1f) / 2;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double term = (double) a[op.aIndex(i, p, m, k)] * b[op.bIndex(p, j, k, n)];
                    sum += term;
                    magnitude += Math.abs(term);
                }
                double tolerance = 2 * (k + 1) * unit * magnitude + Float.MIN_NORMAL;
                double actual = c[i * n + j];
                if (!(Math.abs(actual - sum) <= tolerance)) {
                    fail(gemm + " " + op + " " + m + "×" + k + "×" + n + " at (" + i + ", " + j + "): expected " + sum
                            + " ± " + tolerance + " but was " + actual);
                }
            }
        }
    }

    static float[] randomMatrix(SplittableRandom random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    static void assertBitEqual(float[] expected, float[] actual, String message) {
        assertEquals(expected.length, actual.length, message + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(message + ": differs at " + i + ": " + expected[i] + " vs " + actual[i]);
            }
        }
    }
}
