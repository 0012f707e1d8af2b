package app.initscope.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The fallback {@link Gemm} when the Vector API module is absent: copies into EJML's double matrices,
 * multiplies with {@link CommonOps_DDRM}, and rounds back to float.
 *
 * <p>Single-threaded and deterministic. It sums in double, so its results are close to, but not bit-equal with,
 * {@link VectorGemm}'s. On 1000³ it takes about 330 ms, 30× the Vector API kernel on one thread.
 */
public final class EjmlGemm implements Gemm {

    @Override
    public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        product(CommonOps_DDRM::mult, a, m, k, b, k, n, c, m, n);
    }

    @Override
    public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        product(CommonOps_DDRM::multTransA, a, k, m, b, k, n, c, m, n);
    }

    @Override
    public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        product(CommonOps_DDRM::multTransB, a, m, k, b, n, k, c, m, n);
    }

    /** One of EJML's products, on copies of a (aRows × aCols) and b (bRows × bCols) in double, into c. */
    private static void product(Product op, float[] a, int aRows, int aCols, float[] b, int bRows, int bCols,
                                float[] c, int m, int n) {
        DMatrixRMaj result = new DMatrixRMaj(m, n);
        op.mult(toDouble(a, aRows, aCols), toDouble(b, bRows, bCols), result);
        toFloat(result, c);
    }

    private interface Product {
        void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
    }

    @Override
    public String name() {
        return "ejml (double, 1 thread)";
    }

    @Override
    public String toString() {
        return name();
    }

    private static DMatrixRMaj toDouble(float[] x, int rows, int cols) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        double[] data = matrix.data;
        for (int i = 0; i < rows * cols; i++) {
            data[i] = x[i];
        }
        return matrix;
    }

    private static void toFloat(DMatrixRMaj matrix, float[] out) {
        double[] data = matrix.data;
        int size = matrix.getNumElements();
        for (int i = 0; i < size; i++) {
            out[i] = (float) data[i];
        }
    }
}
