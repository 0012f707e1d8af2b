package app.initscope.core.linalg;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Picks the fastest {@link Gemm} this JVM can run.
 *
 * <p>The Vector API lives in the incubator module {@code jdk.incubator.vector}, which this module only
 * {@code requires static}: it is resolved when the JVM is started with {@code --add-modules=jdk.incubator.vector}
 * (as every launcher of the application does). Without it, {@link VectorGemm} must not even be loaded, and the
 * products fall back to {@link EjmlGemm}.
 */
public final class Kernels {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

    private Kernels() {
    }

    /** Whether the Vector API module was resolved at JVM start. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * The fastest available kernel: {@link VectorGemm} when the Vector API is available, else {@link EjmlGemm}
     * (logged once per JVM, at INFO).
     *
     * @param parallel runs the pieces of a product (only the Vector API kernel uses it)
     */
    public static Gemm best(Parallel parallel) {
        Objects.requireNonNull(parallel, "parallel");
        if (vectorApiAvailable()) {
            return new VectorGemm(parallel);
        }
        if (FALLBACK_LOGGED.compareAndSet(false, true)) {
            System.getLogger(Kernels.class.getName()).log(Level.INFO,
                    "Module " + VECTOR_MODULE + " not present (start the JVM with --add-modules=" + VECTOR_MODULE
                            + "): matrix products fall back to EJML, single-threaded and about 30x slower");
        }
        return new EjmlGemm();
    }

    /**
     * Checks the arguments of a product of an m×k by a k×n matrix, whatever the transpositions.
     *
     * @throws IllegalArgumentException if a dimension is below 1, a product of dimensions overflows an array,
     *                                  an array is too short, or {@code c} aliases an input
     */
    static void checkProduct(float[] a, float[] b, float[] c, int m, int k, int n) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        if (m < 1 || k < 1 || n < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1: m=" + m + ", k=" + k + ", n=" + n);
        }
        long mk = (long) m * k;
        long kn = (long) k * n;
        long mn = (long) m * n;
        if (Math.max(mk, Math.max(kn, mn)) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("matrix too large for an array: m=" + m + ", k=" + k + ", n=" + n);
        }
        Gemm.checkShapes(a, (int) mk, b, (int) kn, c, (int) mn);
    }
}
