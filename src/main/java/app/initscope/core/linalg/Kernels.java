package app.initscope.core.linalg;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Picks the {@link Gemm} for this JVM: {@link VectorGemm} when the Vector API is available, else {@link EjmlGemm}.
 * The system property {@value #KERNEL_PROPERTY} ({@code vector}, {@code blas} or {@code ejml}) forces one, for
 * tests and benchmarks; a forced kernel that cannot run falls back to the default, with a warning in the log.
 *
 * <p>{@link BlasGemm} (the system's OpenBLAS) needs no JIT warm-up, but it is only used when asked for: OpenBLAS
 * sums an element's products in an order that depends on where the element falls in its kernel's blocks, so
 * equal columns of B do not give bit-equal columns of C (1000 equal columns give 3 different ones). That breaks
 * what the application shows exactly: a constant initialization keeps one distinct unit, in the experiment and
 * through training ({@code initscope run --strategies constant} reports 3 distinct units of 1000 with it;
 * ZeroSigmoidTest and SymmetryTrainingTest fail with it as the default).
 *
 * <p>The Vector API lives in the incubator module {@code jdk.incubator.vector}, which this module only
 * {@code requires static}: it is resolved when the JVM is started with {@code --add-modules=jdk.incubator.vector}
 * (as every launcher of the application does). Without it, {@link VectorGemm} must not even be loaded.
 * OpenBLAS is called through the FFM API, which needs {@code --enable-native-access=initscope} (also given by
 * every launcher) to run without a warning.
 */
public final class Kernels {

    /** The system property that forces a kernel: {@code vector}, {@code blas} or {@code ejml}. */
    public static final String KERNEL_PROPERTY = "initscope.kernel";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();
    private static final AtomicBoolean FORCE_LOGGED = new AtomicBoolean();

    private Kernels() {
    }

    /** Inner dimension of the {@linkplain #warmUp warm-up} products: the seed experiment's. */
    static final int WARM_INNER = 1000;
    /** Rows of the warm-up products: 4 blocks of 8, few enough that B is read in place (packed A is used too). */
    static final int WARM_ROWS = 32;
    /**
     * Columns of the warm-up products: whole panels of 3 vectors and a tail, as the seed's 1000 columns have, so
     * that the kernels those use are all called: 88 = 3 × 24 + 16 with 8 lanes (a tail of 2 vectors), and 48 + 40
     * with 16 (a tail of 3, the last one partial).
     */
    static final int WARM_COLS = 88;
    /** Warm-up products of each kind (A·B and Aᵀ·B): enough for the JIT's top tier to compile the kernels. */
    static final int WARM_PRODUCTS = 30;

    /** Whether the Vector API module was resolved at JVM start. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** Whether the system's OpenBLAS was found (looked up once per JVM, on the first call). */
    public static boolean blasAvailable() {
        return BlasGemm.available();
    }

    /**
     * The kernel {@value #KERNEL_PROPERTY} asks for, else the default: {@link VectorGemm} when the Vector API is
     * available, else {@link EjmlGemm} (logged once per JVM, at INFO).
     *
     * @param parallel runs the pieces of a product (EJML's kernel does not use it)
     */
    public static Gemm best(Parallel parallel) {
        Objects.requireNonNull(parallel, "parallel");
        String forced = System.getProperty(KERNEL_PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "", "vector" -> {
                // the default
            }
            case "blas" -> {
                if (blasAvailable()) {
                    return new BlasGemm(parallel);
                }
                warnForced(forced, "OpenBLAS was not found");
            }
            case "ejml" -> {
                return new EjmlGemm();
            }
            default -> warnForced(forced, "not one of vector, blas, ejml");
        }
        if (vectorApiAvailable()) {
            return new VectorGemm(parallel);
        }
        return fallback();
    }

    private static Gemm fallback() {
        if (FALLBACK_LOGGED.compareAndSet(false, true)) {
            System.getLogger(Kernels.class.getName()).log(Level.INFO,
                    "Module " + VECTOR_MODULE + " not present (start the JVM with --add-modules=" + VECTOR_MODULE
                            + "): matrix products fall back to EJML, single-threaded and about 30x slower");
        }
        return new EjmlGemm();
    }

    private static void warnForced(String value, String why) {
        if (FORCE_LOGGED.compareAndSet(false, true)) {
            System.getLogger(Kernels.class.getName()).log(Level.WARNING,
                    "-D" + KERNEL_PROPERTY + "=" + value + " ignored (" + why + "): using the default kernel");
        }
    }

    /**
     * Runs products with a long inner dimension ({@value #WARM_INNER}) on {@code gemm}, before anything else calls
     * it, so that the JIT compiles its register-block kernels on calls like the real ones. A kernel is compiled once
     * for the process, from the calls seen so far: first compiled on a small warm-up experiment's products (inner
     * dimensions 128 and 10), the Vector API kernel ran the seed's 1000³ products at half speed for good (27 ms
     * instead of 14 on 2 AVX2 cores, so the seed experiment took 350–400 ms instead of 220–260). Stops early when
     * {@code cancelled} turns true. The products' values are thrown away.
     */
    public static void warmUp(Gemm gemm, BooleanSupplier cancelled) {
        float[] a = new float[WARM_ROWS * WARM_INNER];
        float[] b = new float[WARM_INNER * WARM_COLS];
        float[] c = new float[WARM_ROWS * WARM_COLS];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7 - 3) * 0.25f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i % 5 - 2) * 0.5f;
        }
        for (int i = 0; i < WARM_PRODUCTS && !cancelled.getAsBoolean(); i++) {
            gemm.mult(a, b, c, WARM_ROWS, WARM_INNER, WARM_COLS);
            gemm.multTransA(a, b, c, WARM_ROWS, WARM_INNER, WARM_COLS);
        }
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
