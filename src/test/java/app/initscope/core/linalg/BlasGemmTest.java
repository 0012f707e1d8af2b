package app.initscope.core.linalg;

import static app.initscope.core.linalg.GemmTest.assertBitEqual;
import static app.initscope.core.linalg.GemmTest.assertMatchesReference;
import static app.initscope.core.linalg.GemmTest.randomMatrix;
import static app.initscope.core.linalg.GemmTest.withKernelProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.initscope.core.linalg.GemmTest.Op;

/**
 * OpenBLAS through the FFM API. Skipped where the library is not installed (Debian: libopenblas0-serial); the
 * products' shared contract is checked for it by {@link GemmTest} too.
 */
class BlasGemmTest {

    private static GemmTest.TwoThreads twoThreads;

    @BeforeAll
    static void needsTheLibrary() {
        assumeTrue(BlasGemm.available(), "OpenBLAS not installed");
        twoThreads = new GemmTest.TwoThreads();
    }

    @AfterAll
    static void stopPool() {
        if (twoThreads != null) {
            twoThreads.shutdown();
        }
    }

    @Test
    void allThreeProductsMatchADoubleReferenceOnOddAndMultiTileShapes() {
        // shapes below, at and across the tile edges (256 rows, 512 columns), with odd sizes everywhere
        int[][] shapes = {{1, 1, 1}, {7, 13, 5}, {255, 31, 513}, {257, 17, 511}, {300, 129, 1030}, {3, 1000, 2},
            {513, 3, 7}};
        long seed = 100;
        for (int[] s : shapes) {
            for (Op op : Op.values()) {
                assertMatchesReference(new BlasGemm(Parallel.sequential()), op, s[0], s[1], s[2], seed++);
                assertMatchesReference(new BlasGemm(twoThreads), op, s[0], s[1], s[2], seed++);
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndManyThreadsInAnyOrder() {
        int[][] shapes = {{600, 300, 1100}, {1000, 64, 20}, {3, 400, 1300}, {1000, 1000, 10}};
        SplittableRandom random = new SplittableRandom(7);
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] a = randomMatrix(random, m * k);
            float[] b = randomMatrix(random, k * n);
            for (Op op : Op.values()) {
                float[] one = new float[m * n];
                float[] two = new float[m * n];
                float[] many = new float[m * n];
                op.apply(new BlasGemm(Parallel.sequential()), a, b, one, m, k, n);
                op.apply(new BlasGemm(twoThreads), a, b, two, m, k, n);
                op.apply(new BlasGemm(new GemmTest.ManyPiecesBackwards()), a, b, many, m, k, n);
                String shape = op + " " + m + "×" + k + "×" + n;
                assertBitEqual(one, two, shape + ": 1 vs 2 threads");
                assertBitEqual(one, many, shape + ": in order vs backwards");
            }
        }
    }

    @Test
    void concurrentCallsFromSeveralThreadsGiveTheSequentialResult() throws Exception {
        // the library is called from the compute threads at once: its buffers must not be shared between calls
        int m = 200;
        int k = 150;
        int n = 170;
        SplittableRandom random = new SplittableRandom(8);
        float[] a = randomMatrix(random, m * k);
        float[] b = randomMatrix(random, k * n);
        float[] expected = new float[m * n];
        Gemm gemm = new BlasGemm(Parallel.sequential());
        gemm.mult(a, b, expected, m, k, n);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int call = 0; call < 200; call++) {
                results.add(executor.submit(() -> {
                    float[] c = new float[m * n];
                    gemm.mult(a, b, c, m, k, n);
                    return c;
                }));
            }
            for (Future<float[]> result : results) {
                assertBitEqual(expected, result.get(), "a concurrent call");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aCancelStopsTheProductBetweenTiles() {
        // 1000×1000 output: 4 row tiles × 2 column tiles
        int m = 1000;
        int k = 50;
        int n = 1000;
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        Parallel counting = new Parallel() {
            @Override
            public int parallelism() {
                return 1;
            }

            @Override
            public void forEach(int pieces, IntConsumer body) {
                for (int i = 0; i < pieces; i++) {
                    body.accept(i);
                    ran.incrementAndGet();
                }
            }
        };
        Parallel p = counting.cancellable(() -> polls.incrementAndGet() > 3);
        float[] c = new float[m * n];
        SplittableRandom random = new SplittableRandom(9);
        float[] a = randomMatrix(random, m * k);
        float[] b = randomMatrix(random, k * n);
        assertThrows(CancellationException.class, () -> new BlasGemm(p).mult(a, b, c, m, k, n));
        assertTrue(ran.get() >= 1 && ran.get() < 8, "ran " + ran.get() + " of 8 tiles");
    }

    @Test
    void bestIsTheVectorKernelByDefaultAndOpenBlasOnlyWhenForced() {
        // OpenBLAS is present here, but it does not keep equal columns bit-equal (see Kernels): not the default
        assertInstanceOf(VectorGemm.class, withKernelProperty(null, () -> Kernels.best(Parallel.sequential())));
        Gemm blas = withKernelProperty("blas", () -> Kernels.best(Parallel.sequential()));
        assertInstanceOf(BlasGemm.class, blas);
        assertTrue(blas.name().startsWith("openblas "), blas.name());
        assertInstanceOf(BlasGemm.class, withKernelProperty(" BLAS ", () -> Kernels.best(Parallel.sequential())));
        assertInstanceOf(VectorGemm.class, withKernelProperty("vector", () -> Kernels.best(Parallel.sequential())));
        assertInstanceOf(EjmlGemm.class, withKernelProperty("ejml", () -> Kernels.best(Parallel.sequential())));
        // an unknown value is ignored (with a warning in the log): the default
        assertInstanceOf(VectorGemm.class, withKernelProperty("cuda", () -> Kernels.best(Parallel.sequential())));
    }

    @Test
    void theNameSaysTheVersionAndTheThreading() {
        assertEquals("openblas 0.3.21 (serial)",
                BlasGemm.describe("OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Zen SINGLE_THREADED", false));
        assertEquals("openblas 0.3.26 (set to 1 thread)",
                BlasGemm.describe("OpenBLAS 0.3.26  DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64", true));
        assertEquals("openblas (serial)", BlasGemm.describe("", false));
        assertFalse(new BlasGemm(Parallel.sequential()).name().isBlank());
    }

    /**
     * OpenBLAS sums an element's products in an order that depends on the element's place in its blocks, so equal
     * columns of W used to give unequal units: Constant reported 3 distinct units of 1000 instead of 1. The
     * network's products now go around the kernel when the right factor has equal columns ({@link EqualColumns}).
     */
    @Test
    void constantWeightsKeepOneDistinctUnitOnOpenBlas() {
        assumeTrue(Kernels.blasAvailable(), "OpenBLAS is not installed");
        var config = app.initscope.core.experiment.ExperimentConfig.builder().fanIn(1000).samples(200).width(1000)
                .strategies(java.util.List.of(app.initscope.core.init.Strategy.CONSTANT,
                        app.initscope.core.init.Strategy.ZERO)).build();
        var runner = new app.initscope.core.experiment.ExperimentRunner(p -> new BlasGemm(p), Parallel.sequential(),
                Runtime.getRuntime().maxMemory());
        for (var r : runner.run(config, app.initscope.core.experiment.RunListener.NONE, () -> false).results()) {
            assertEquals(1, r.layers().get(0).distinctUnits(), r.strategy() + " on " + runner.kernelName());
        }
    }
}
