package app.initscope.core.linalg;

/**
 * Single-precision general matrix products on dense, row-major {@code float[]} matrices.
 *
 * <p>Contract shared by every method and implementation:
 * <ul>
 *   <li>{@code a} and {@code b}: Not modified. {@code c}: Modified; it is overwritten (not accumulated into), so
 *       an output buffer can be reused between calls. {@code c} must not alias {@code a} or {@code b}.</li>
 *   <li>Only the first {@code rows*cols} elements of each array are used; arrays may be longer.</li>
 *   <li>For a given implementation, each output element is computed by the same operations in the same order
 *       however the work is split, so the result is bit-identical for any {@link Parallel} implementation and
 *       thread count. The order is the implementation's: {@link VectorGemm} sums over the inner index in
 *       increasing order, one fused multiply-add at a time; {@link BlasGemm} in OpenBLAS's blocked order;
 *       {@link EjmlGemm} in double. Different implementations differ in the last bits.</li>
 *   <li>Dimensions must be at least 1; a too-short array throws {@link IllegalArgumentException}.</li>
 * </ul>
 */
public interface Gemm {

    /**
     * {@code C = A·B}.
     *
     * @param a m×k, Not modified
     * @param b k×n, Not modified
     * @param c m×n, Modified
     */
    void mult(float[] a, float[] b, float[] c, int m, int k, int n);

    /**
     * {@code C = Aᵀ·B}.
     *
     * @param a k×m (so Aᵀ is m×k), Not modified
     * @param b k×n, Not modified
     * @param c m×n, Modified
     */
    void multTransA(float[] a, float[] b, float[] c, int m, int k, int n);

    /**
     * {@code C = A·Bᵀ}.
     *
     * @param a m×k, Not modified
     * @param b n×k (so Bᵀ is k×n), Not modified
     * @param c m×n, Modified
     */
    void multTransB(float[] a, float[] b, float[] c, int m, int k, int n);

    /** A short name for logs and reports, e.g. {@code "vector-api 512-bit"}. */
    String name();

    /** Checks the array lengths against the dimensions of a product. */
    static void checkShapes(float[] a, int aLen, float[] b, int bLen, float[] c, int cLen) {
        if (a.length < aLen || b.length < bLen || c.length < cLen) {
            throw new IllegalArgumentException("matrix arrays too short for the given dimensions: a " + a.length
                    + "/" + aLen + ", b " + b.length + "/" + bLen + ", c " + c.length + "/" + cLen);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("the output matrix must not alias an input");
        }
    }
}
