package app.initscope.core.experiment;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Network;
import app.initscope.core.stats.Histogram;
import app.initscope.core.stats.Range;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CancellationException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The singular values of the input–output Jacobian J = ∂a_L/∂x of the last hidden layer, at a few inputs
 * (Pennington, Schoenholz and Ganguli 2017, "Resurrecting the sigmoid in deep learning through dynamical
 * isometry"). In the column-vector convention J = D_L·W_Lᵀ·…·D_1·W_1ᵀ with D_l = diag(φ′(z_l)) of that input; the
 * code's rows (z_l = a_{l−1}·W_l) give its transpose, Jᵀ = W_1·D_1·W_2·D_2·…·W_L·D_L, fanIn × width, which has the
 * same singular values: W_1 with its columns scaled by φ′(z_1), then for each later layer one product with W_l and
 * the scaling by φ′(z_l). With residual connections each layer adds its branch to the identity (see
 * {@code residualJacobian}); with a normalization the Jacobian is not taken (BatchNorm ties the samples together).
 * Its min(fanIn, width) singular values come from EJML's SVD (in double; values only),
 * the inputs' SVDs side by side on the parallel, one input a piece. Memory: the inputs' Jᵀ in float, and one
 * double copy per SVD running.
 *
 * <p>The eigenvalues of JJᵀ are the squares λ = σ². A linear network with N(0, 1/width) weights has, at large
 * width, E[λ] = 1 and Var(λ) = L (the Fuss–Catalan law); orthogonal weights give every σ = 1 (dynamical isometry).
 *
 * @param inputs              how many inputs (the first rows of X) the spectrum was taken at
 * @param singularValues      the histogram of every input's singular values together
 * @param meanSquaredSingular the mean of σ², i.e. of the eigenvalues λ of JJᵀ, averaged over the inputs
 * @param eigenVariance       the variance of λ over one input's spectrum, averaged over the inputs
 * @param maxSingular         the largest σ, averaged over the inputs
 * @param minSingular         the smallest σ (of the min(fanIn, width)), averaged over the inputs
 */
public record JacobianSpectrum(int inputs, Histogram singularValues, double meanSquaredSingular,
                               double eigenVariance, double maxSingular, double minSingular) {

    /** The inputs the command line's {@code --jacobian} uses. */
    public static final int DEFAULT_INPUTS = 4;

    /**
     * The spectrum of a network whose every layer is forward (φ′(z_l) is read from it), at its first
     * {@code inputs} rows (at most the samples).
     *
     * @param gemm      the kernel for the products
     * @param bins      the histogram's bins
     * @param cancelled checked between inputs and layers
     */
    public static JacobianSpectrum of(Network net, int inputs, Gemm gemm, int bins, Parallel parallel,
                                      BooleanSupplier cancelled) {
        int k = Math.min(inputs, net.samples());
        int fanIn = net.fanIn(1);
        int width = net.width();
        int rank = Math.min(fanIn, width);
        // first every input's Jᵀ, by products that the kernel splits over the parallel; then the SVDs, one input
        // a piece (EJML's SVD runs on one thread), each into its own slot, combined in input order below
        float[][] jacobians = new float[k][];
        for (int s = 0; s < k; s++) {
            if (net.residual()) {
                jacobians[s] = residualJacobian(net, s, gemm, parallel, cancelled);
                continue;
            }
            float[] m = new float[fanIn * width];
            float[] next = net.depth() > 1 ? new float[fanIn * width] : null;
            System.arraycopy(net.weights(1), 0, m, 0, fanIn * width);
            scaleColumns(m, fanIn, width, net.localGradient(1), s, parallel);
            for (int l = 2; l <= net.depth(); l++) {
                check(cancelled);
                gemm.mult(m, net.weights(l), next, fanIn, width, width);
                float[] t = m;
                m = next;
                next = t;
                scaleColumns(m, fanIn, width, net.localGradient(l), s, parallel);
            }
            jacobians[s] = m;
        }
        double[][] singular = new double[k][];
        parallel.forEach(k, s -> {
            singular[s] = singularValues(jacobians[s], fanIn, width, rank);
            jacobians[s] = null;
        });
        float[] all = new float[k * rank];
        double meanSquare = 0;
        double variance = 0;
        double max = 0;
        double min = 0;
        for (int s = 0; s < k; s++) {
            double[] sigma = singular[s];
            double sum = 0;
            double sum2 = 0;
            double hi = 0;
            double lo = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rank; i++) {
                double v = sigma[i];
                double lambda = v * v;
                sum += lambda;
                sum2 += lambda * lambda;
                hi = Math.max(hi, v);
                lo = Math.min(lo, v);
                all[s * rank + i] = (float) v;
            }
            double mean = sum / rank;
            meanSquare += mean / k;
            variance += Math.max(0.0, sum2 / rank - mean * mean) / k;
            max += hi / k;
            min += lo / k;
        }
        float lowest = Float.POSITIVE_INFINITY;
        float highest = 0;
        for (float v : all) {
            if (Float.isFinite(v)) {
                lowest = Math.min(lowest, v);
                highest = Math.max(highest, v);
            }
        }
        Histogram h = lowest > highest ? Histogram.of(all, all.length, new Range(0, 0), bins)
                : Histogram.of(all, all.length, new Range(lowest, highest), bins);
        return new JacobianSpectrum(k, h, meanSquare, variance, max, min);
    }

    /**
     * The singular values of one input's Jᵀ: the SVD runs on Jᵀ divided by its largest |entry|, so
     * that entries far from 1 (a deep network that explodes or vanishes) neither overflow nor stall EJML, and the
     * values are scaled back. A Jᵀ that overflowed float (an entry that is infinite or NaN), or an SVD that does not
     * converge, gives values that do not exist: NaN, which the reports write as null.
     */
    public static double[] singularValues(float[] m, int fanIn, int width, int rank) {
        double[] none = new double[rank];
        java.util.Arrays.fill(none, Double.NaN);
        double scale = 0;
        for (float v : m) {
            if (!Float.isFinite(v)) {
                return none;
            }
            scale = Math.max(scale, Math.abs(v));
        }
        double unit = scale > 0 ? scale : 1;
        DMatrixRMaj jt = new DMatrixRMaj(fanIn, width);
        for (int i = 0; i < m.length; i++) {
            jt.data[i] = m[i] / unit;
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(fanIn, width, false, false,
                true);
        if (!svd.decompose(jt)) {
            return none;
        }
        double[] sigma = new double[rank];
        double[] values = svd.getSingularValues();
        for (int i = 0; i < rank; i++) {
            sigma[i] = values[i] * unit;
        }
        return sigma;
    }

    /**
     * Jᵀ of a residual network at one input: M_1 = W_1, M_l = M_{l−1} + α·(M_{l−1}·D_{l−1})·W_l (z_l's Jacobian,
     * transposed), and Jᵀ = M_L·D_L.
     */
    private static float[] residualJacobian(Network net, int sample, Gemm gemm, Parallel parallel,
                                            BooleanSupplier cancelled) {
        int fanIn = net.fanIn(1);
        int width = net.width();
        int n = fanIn * width;
        float[] mz = net.weights(1).clone();
        float[] branch = new float[n];
        float[] next = new float[n];
        float alpha = net.alpha();
        for (int l = 2; l <= net.depth(); l++) {
            check(cancelled);
            System.arraycopy(mz, 0, branch, 0, n);
            scaleColumns(branch, fanIn, width, net.localGradient(l - 1), sample, parallel);
            gemm.mult(branch, net.weights(l), next, fanIn, width, width);
            parallel.forEach(Chunks.count(n), p -> {
                for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                    mz[i] += alpha * next[i];
                }
            });
        }
        scaleColumns(mz, fanIn, width, net.localGradient(net.depth()), sample, parallel);
        return mz;
    }

    /** m[i, j] *= φ′(z)[s, j] for every row i. */
    private static void scaleColumns(float[] m, int rows, int cols, float[] localGradient, int sample,
                                     Parallel parallel) {
        int base = sample * cols;
        int n = rows * cols;
        parallel.forEach(Chunks.count(n), p -> {
            for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                m[i] *= localGradient[base + i % cols];
            }
        });
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("run cancelled");
        }
    }
}
