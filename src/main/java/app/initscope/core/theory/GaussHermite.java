package app.initscope.core.theory;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gauss–Hermite quadrature for Gaussian expectations E_{z∼N(0,q)}[f(z)].
 *
 * <p>The nodes and weights come from the Golub–Welsch algorithm: the nodes are the eigenvalues of the symmetric
 * tridiagonal Jacobi matrix of the Hermite polynomials (zero diagonal, off-diagonal √(k/2)), and each weight is
 * √π times the squared first component of its unit eigenvector. The eigen-decomposition is EJML's.
 *
 * <p>The rule is exact for polynomials up to degree 2n−1 and converges fast for smooth f. For a narrow feature
 * of f at a large variance (φ′ of tanh at q ≫ 1) it is only approximate.
 */
public final class GaussHermite {

    /** The number of nodes used by {@link #standard()}. */
    public static final int DEFAULT_NODES = 96;

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The shared rule with {@link #DEFAULT_NODES} nodes. */
    public static GaussHermite standard() {
        return Holder.STANDARD;
    }

    /**
     * The n-node rule (n ≥ 1), computed once per n: every run's theory needs the same rule, and its
     * eigen-decomposition was a fifth of a second of a cold start.
     */
    public static GaussHermite withNodes(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Gauss–Hermite needs at least one node, got " + n);
        }
        return RULES.computeIfAbsent(n, GaussHermite::compute);
    }

    private static GaussHermite compute(int n) {
        DMatrixRMaj jacobi = new DMatrixRMaj(n, n);
        for (int k = 1; k < n; k++) {
            double b = Math.sqrt(k / 2.0);
            jacobi.set(k - 1, k, b);
            jacobi.set(k, k - 1, b);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(jacobi)) {
            throw new IllegalStateException("eigen-decomposition of the Jacobi matrix failed");
        }
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = eig.getEigenvalue(i).getReal();
            DMatrixRMaj v = eig.getEigenVector(i);
            double norm2 = 0;
            for (int j = 0; j < n; j++) {
                norm2 += v.get(j) * v.get(j);
            }
            w[i] = Math.sqrt(Math.PI) * v.get(0) * v.get(0) / norm2;
        }
        return new GaussHermite(x, w);
    }

    /** The number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** E[f(z)] for z ∼ N(0, variance); variance ≥ 0. */
    public double expectation(DoubleUnaryOperator f, double variance) {
        if (variance <= 0) {
            return f.applyAsDouble(0.0);
        }
        double scale = Math.sqrt(2.0 * variance);
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * f.applyAsDouble(scale * nodes[i]);
        }
        return sum / Math.sqrt(Math.PI);
    }

    /**
     * E[f(u₁, u₂)] for (u₁, u₂) jointly Gaussian with mean 0, both variances {@code variance} and correlation
     * {@code correlation} ∈ [−1, 1]: the tensor product of this rule, with u₁ = √q·z₁ and
     * u₂ = √q·(c·z₁ + √(1−c²)·z₂) for independent standard z₁, z₂. Exact for polynomials of degree up to 2n−1 in
     * each of z₁ and z₂.
     */
    public double expectation2(DoubleBinaryOperator f, double variance, double correlation) {
        if (!(correlation >= -1 && correlation <= 1)) {
            throw new IllegalArgumentException("a correlation must lie in [-1, 1], got " + correlation);
        }
        double scale = Math.sqrt(2.0 * Math.max(variance, 0.0));
        double s = Math.sqrt(Math.max(0.0, 1 - correlation * correlation));
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            double u1 = scale * nodes[i];
            double inner = 0;
            for (int j = 0; j < nodes.length; j++) {
                inner += weights[j] * f.applyAsDouble(u1, correlation * u1 + s * scale * nodes[j]);
            }
            sum += weights[i] * inner;
        }
        return sum / Math.PI;
    }

    /** The i-th node t_i of the rule for the weight e^{−t²} (so z = √2·t is the standard-normal node). */
    double node(int i) {
        return nodes[i];
    }

    /** The i-th weight for the weight function e^{−t²}; the weights sum to √π. */
    double weight(int i) {
        return weights[i];
    }

    private static final java.util.concurrent.ConcurrentHashMap<Integer, GaussHermite> RULES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final class Holder {
        static final GaussHermite STANDARD = withNodes(DEFAULT_NODES);
    }
}
