package app.initscope.core.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Once the JIT has compiled them, the Vector API activations allocate nothing: every vector lives in registers.
 * They used to share one loop through a switch, which the JIT compiled as one method holding all four activations;
 * it ran out of nodes, left part of the exponential out of line and boxed every vector across that call, so tanh
 * allocated tens of bytes per element for ever (25 MB per strategy at the seed size). SELU's step, computing both
 * the value and the slope, still went over the budget when the JIT compiled it on its own, after the tests that call
 * SELU on short arrays: in this suite it allocated 2 MB a call after 30 s. This test runs in the same JVM as those
 * tests, which is what catches that case.
 */
class ActivationAllocationTest {

    private static final int N = 1 << 16;

    interface Activation {
        void apply(float[] z, float[] a, float[] d, int from, int to);
    }

    @Test
    void compiledActivationsAllocateNothing() throws Exception {
        assertTrue(Kernels.vectorApiAvailable(), "the test JVM has the Vector API");
        float[] z = new float[N];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < N; i++) {
            z[i] = (float) (random.nextGaussian() * 3);
        }
        float[] a = new float[N];
        float[] d = new float[N];
        assertSettlesAtNoAllocation("tanh", (x, y, w, from, to) -> Elementwise.tanh(x, y, w, from, to), z, a, d);
        assertSettlesAtNoAllocation("sigmoid", (x, y, w, from, to) -> Elementwise.sigmoid(x, y, w, from, to),
                z, a, d);
        assertSettlesAtNoAllocation("gelu", (x, y, w, from, to) -> Elementwise.gelu(x, y, w, from, to,
                Math.sqrt(2 / Math.PI), 0.044715), z, a, d);
        assertSettlesAtNoAllocation("selu", (x, y, w, from, to) -> Elementwise.selu(x, y, w, from, to,
                1.0507, 1.67326), z, a, d);
    }

    /**
     * Calls f until one call over N elements allocates under 4 KiB (it passes then): a few objects a call (the tail's
     * mask) are allowed, boxing by the element (24 bytes each, 1.5 MB a call) is not. It gives up after the JIT has
     * spent 30 s of its own compile time meanwhile, not after 30 s on the clock: on a loaded machine the compiler
     * threads get little of the processors, and a clock deadline failed there (CI under load) while the JIT was still
     * queued. Ten minutes on the clock end it if the compiler has stopped working altogether.
     */
    private static void assertSettlesAtNoAllocation(String name, Activation f, float[] z, float[] a, float[] d)
            throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiledFrom = jit.getTotalCompilationTime();
        long wallEnd = System.nanoTime() + 600_000_000_000L;
        long least = Long.MAX_VALUE;
        while (jit.getTotalCompilationTime() - compiledFrom < 30_000 && System.nanoTime() < wallEnd) {
            long before = allocated();
            f.apply(z, a, d, 0, N - 3);          // a tail under a mask too
            long bytes = allocated() - before;
            least = Math.min(least, bytes);
            if (least < 4096) {
                return;
            }
        }
        assertTrue(false, name + " still allocated " + least + " bytes per call of " + N + " elements after the JIT "
                + "compiled for 30 s");
    }

    /** This thread's allocated bytes, through the platform MBean (no compile-time tie to com.sun.management). */
    private static long allocated() throws Exception {
        return (Long) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("java.lang:type=Threading"),
                "getThreadAllocatedBytes", new Object[] {Thread.currentThread().threadId()},
                new String[] {long.class.getName()});
    }
}
