package app.initscope.core.init;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Orthogonal initialization (Saxe, McClelland and Ganguli, 2014, "Exact solutions to the nonlinear dynamics of
 * learning in deep linear neural networks"): W = gain·Q, where G = Q·R is the QR decomposition of a Gaussian
 * matrix, and Q's columns are multiplied by sign(diag R) so that Q is uniformly (Haar) distributed.
 *
 * <p>W has orthonormal columns when fanIn ≥ fanOut, and orthonormal rows otherwise, so E[w²] =
 * gain² / max(fanIn, fanOut). The decomposition is EJML's Householder QR, in double.
 *
 * @param gain the scale, 1 by default as in PyTorch's {@code orthogonal_}
 */
public record Orthogonal(double gain) implements Initializer {

    @Override
    public void fill(float[] w, int fanIn, int fanOut, RandomStreams random, long stream, Parallel parallel) {
        int rows = Math.max(fanIn, fanOut);
        int cols = Math.min(fanIn, fanOut);
        float[] g = new float[rows * cols];
        random.fillGaussian(g, rows * cols, 1.0, stream, parallel);
        DMatrixRMaj gaussian = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < g.length; i++) {
            gaussian.data[i] = g[i];
        }
        // EJML's own QR (what DecompositionFactory_DDRM.qr returns), with a cancel point at every column: at 4096
        // the decomposition takes minutes, and a newer request must not wait for it
        QRDecomposition<DMatrixRMaj> qr = new QRDecompositionHouseholderColumn_DDRM() {
            @Override
            protected void updateA(int w) {
                parallel.checkpoint();
                super.updateA(w);
            }
        };
        if (!qr.decompose(gaussian)) {
            throw new IllegalStateException("QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < cols; j++) {
            double sign = r.get(j, j) < 0 ? -gain : gain;
            for (int i = 0; i < rows; i++) {
                double v = sign * q.get(i, j);
                if (fanIn >= fanOut) {
                    w[i * fanOut + j] = (float) v;      // W = Q, fanIn × fanOut
                } else {
                    w[j * fanOut + i] = (float) v;      // W = Qᵀ, fanIn × fanOut
                }
            }
        }
    }

    @Override
    public double secondMoment(int fanIn, int fanOut) {
        return gain * gain / Math.max(fanIn, fanOut);
    }
}
