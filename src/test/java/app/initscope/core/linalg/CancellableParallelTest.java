package app.initscope.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** A cancellable parallel stops between pieces, also inside one matrix product, and changes no result. */
class CancellableParallelTest {

    /** Runs pieces in order on the calling thread and counts them. */
    private static final class Counting implements Parallel {
        final AtomicInteger ran = new AtomicInteger();
        int calls;

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public void forEach(int pieces, IntConsumer body) {
            calls = pieces;
            for (int i = 0; i < pieces; i++) {
                body.accept(i);
                ran.incrementAndGet();
            }
        }
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void noPieceStartsOnceCancelled() {
        Counting inner = new Counting();
        Parallel p = inner.cancellable(() -> inner.ran.get() >= 3);
        assertThrows(CancellationException.class, () -> p.forEach(10, i -> { }));
        assertEquals(3, inner.ran.get());
    }

    @Test
    void checkpointThrowsOnlyWhenCancelled() {
        assertDoesNotThrow(() -> Parallel.sequential().cancellable(() -> false).checkpoint());
        assertDoesNotThrow(() -> Parallel.sequential().checkpoint());
        assertThrows(CancellationException.class, () -> Parallel.sequential().cancellable(() -> true).checkpoint());
    }

    @Test
    void aCancelReachesInsideOneProductOnASingleThread() {
        // 2·512·2048·128 ≈ 2.7·10⁸ flops: cut into row pieces whose rows of A fit a cache, even on one thread
        int m = 512;
        int k = 2048;
        int n = 128;
        Counting inner = new Counting();
        AtomicInteger polls = new AtomicInteger();
        Parallel p = inner.cancellable(() -> polls.incrementAndGet() > 5);
        float[] c = new float[m * n];
        assertThrows(CancellationException.class,
                () -> new VectorGemm(p).mult(random(m * k, 1), random(k * n, 2), c, m, k, n));
        assertTrue(inner.calls > 5, "the product is split into " + inner.calls + " pieces");
        assertTrue(inner.ran.get() < inner.calls, "stopped after " + inner.ran.get() + " of " + inner.calls);
    }

    @Test
    void aCancellableParallelThatIsNotCancelledGivesTheSameBits() {
        int m = 301;
        int k = 203;
        int n = 157;
        float[] a = random(m * k, 3);
        float[] b = random(k * n, 4);
        float[] bt = random(n * k, 5);
        float[] at = random(k * m, 6);
        Parallel checked = Parallel.sequential().cancellable(() -> false);
        Gemm plain = new VectorGemm(Parallel.sequential());
        Gemm polled = new VectorGemm(checked);
        float[] x = new float[m * n];
        float[] y = new float[m * n];
        plain.mult(a, b, x, m, k, n);
        polled.mult(a, b, y, m, k, n);
        assertArrayEquals(x, y);
        plain.multTransA(at, b, x, m, k, n);
        polled.multTransA(at, b, y, m, k, n);
        assertArrayEquals(x, y);
        plain.multTransB(a, bt, x, m, k, n);
        polled.multTransB(a, bt, y, m, k, n);
        assertArrayEquals(x, y);
    }
}
