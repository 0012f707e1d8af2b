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
        DMatrixRMaj result = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(toDouble(a, m, k), toDouble(b, k, n), result);
        toFloat(result, c);
    }

    @Override
    public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        DMatrixRMaj result = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransA(toDouble(a, k, m), toDouble(b, k, n), result);
        toFloat(result, c);
    }

    @Override
    public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        DMatrixRMaj result = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(toDouble(a, m, k), toDouble(b, n, k), result);
        toFloat(result, c);
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
