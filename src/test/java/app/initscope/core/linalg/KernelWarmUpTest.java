package app.initscope.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * {@link Kernels#warmUp}: the products it runs have the seed's long inner dimension, cover the vector kernel's
 * whole and tail panels through both ways of reading A, and stop when cancelled.
 */
class KernelWarmUpTest {

    /** One call to a {@link Gemm}: which product, and its dimensions. */
    private record Call(String op, int m, int k, int n) {
    }

    /** Records every call and checks its arrays' sizes, then computes nothing. */
    private static final class Recording implements Gemm {
        final List<Call> calls = new ArrayList<>();

        @Override
        public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
            Kernels.checkProduct(a, b, c, m, k, n);
            calls.add(new Call("mult", m, k, n));
        }

        @Override
        public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
            Kernels.checkProduct(a, b, c, m, k, n);
            calls.add(new Call("multTransA", m, k, n));
        }

        @Override
        public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
            Kernels.checkProduct(a, b, c, m, k, n);
            calls.add(new Call("multTransB", m, k, n));
        }

        @Override
        public String name() {
            return "recording";
        }
    }

    @Test
    void everyProductHasTheSeedsInnerDimensionAndBothLayoutsOfA() {
        Recording gemm = new Recording();
        Kernels.warmUp(gemm, () -> false);
        assertEquals(2 * Kernels.WARM_PRODUCTS, gemm.calls.size());
        assertTrue(gemm.calls.stream().allMatch(c -> c.k() == 1000), gemm.calls.toString());
        assertEquals(Kernels.WARM_PRODUCTS, gemm.calls.stream().filter(c -> c.op().equals("mult")).count());
        assertEquals(Kernels.WARM_PRODUCTS, gemm.calls.stream().filter(c -> c.op().equals("multTransA")).count());
        // with 8 lanes: 3 whole panels of 24 columns and a tail of 2 vectors; with 16: 1 whole panel and 40 more
        for (int lanes : new int[] {8, 16}) {
            int panel = 3 * lanes;
            int n = gemm.calls.get(0).n();
            assertTrue(n / panel >= 1 && n % panel > lanes && n % panel <= 3 * lanes, lanes + " lanes, n=" + n);
        }
    }

    @Test
    void stopsWhenCancelled() {
        Recording gemm = new Recording();
        AtomicInteger polls = new AtomicInteger();
        Kernels.warmUp(gemm, () -> polls.incrementAndGet() > 3);
        assertEquals(6, gemm.calls.size(), "three rounds of two products, then the cancel is seen");
    }
}
