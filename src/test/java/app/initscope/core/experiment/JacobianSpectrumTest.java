package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.EjmlGemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Network;
import app.initscope.core.nn.Phi;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The input–output Jacobian's singular values against random-matrix theory and a finite-difference Jacobian. */
class JacobianSpectrumTest {

    private static StrategyResult run(Activation activation, Strategy strategy, double sigma, int width, int depth,
                                      int inputs) {
        ExperimentConfig config = ExperimentConfig.builder().activation(activation).strategies(List.of(strategy))
                .sigma(sigma).fanIn(width).width(width).samples(8).depth(depth).outputs(2).seed(17).build();
        return TestRunners.runner(2).withJacobian(inputs).run(config, RunListener.NONE, () -> false).results()
                .get(0);
    }

    /**
     * A linear network with N(0, 1/N) weights: JJᵀ is a product of L Wishart-like factors, and at large N the
     * eigenvalues λ follow the Fuss–Catalan law, whose mean is 1 and second moment L + 1, so Var(λ) = L.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 6})
    void linearGaussianNetworkFollowsFussCatalan(int depth) {
        int n = 500;
        JacobianSpectrum j = run(Activation.LINEAR, Strategy.CUSTOM_NORMAL, 1 / Math.sqrt(n), n, depth, 1)
                .jacobian();
        assertEquals(1, j.inputs());
        // mean λ = ‖J‖²_F/N: a product of L chi-square averages, each within about √(2/N²)·N … a few percent
        assertEquals(1.0, j.meanSquaredSingular(), 0.05);
        // finite N adds about L²/N to the variance, and its sampling error is a few percent
        assertEquals(depth, j.eigenVariance(), 0.12 * depth + depth * depth / (double) n);
        assertTrue(j.minSingular() < 0.2, "a square Gaussian product has singular values near 0: " + j.minSingular());
        assertEquals(n, j.singularValues().total());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 20})
    void linearOrthogonalNetworkIsAnIsometry(int depth) {
        JacobianSpectrum j = run(Activation.LINEAR, Strategy.ORTHOGONAL, 0, 200, depth, 2).jacobian();
        // every σ is 1: float weights, products in float, so within a few float roundings per layer
        assertEquals(1.0, j.maxSingular(), 1e-4);
        assertEquals(1.0, j.minSingular(), 1e-4);
        assertEquals(1.0, j.meanSquaredSingular(), 1e-4);
        assertTrue(j.eigenVariance() < 1e-7, "no spread: " + j.eigenVariance());
        assertEquals(2 * 200, j.singularValues().total());
    }

    @Test
    void withoutTheOptionThereIsNoSpectrum() {
        assertNull(run(Activation.TANH, Strategy.XAVIER, 0, 20, 2, 0).jacobian());
    }

    /**
     * A small tanh network with biases and unequal fans: J from central differences of an independent forward
     * pass in double (x ↦ a_L, with the network's own weights and biases), whose mean σ², largest and smallest σ
     * must be the spectrum's.
     */
    @Test
    void tanhSpectrumMatchesAFiniteDifferenceJacobian() {
        int samples = 3;
        int fanIn = 7;
        int width = 5;
        int depth = 3;
        Phi phi = Activation.TANH.function(0);
        Network net = new Network(samples, fanIn, width, depth, 2, phi, new EjmlGemm(), Parallel.sequential());
        RandomStreams random = new RandomStreams(3);
        net.drawData(random, false, 0.0);
        net.initialize(Strategy.LARGE.initializer(ExperimentConfig.defaults().initOptions()), random);
        net.initializeBiases(0.5, random);
        for (int l = 1; l <= depth; l++) {
            net.forward(l);
        }
        JacobianSpectrum j = JacobianSpectrum.of(net, 2, new EjmlGemm(), 10, Parallel.sequential(), () -> false);
        assertEquals(2, j.inputs());

        double meanSquare = 0;
        double max = 0;
        double min = 0;
        for (int s = 0; s < 2; s++) {
            double[] x = new double[fanIn];
            for (int i = 0; i < fanIn; i++) {
                x[i] = net.input()[s * fanIn + i];
            }
            DMatrixRMaj jac = new DMatrixRMaj(width, fanIn);
            double h = 1e-6;
            for (int i = 0; i < fanIn; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double[] a = forward(net, phi, up);
                double[] b = forward(net, phi, down);
                for (int u = 0; u < width; u++) {
                    jac.set(u, i, (a[u] - b[u]) / (2 * h));
                }
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd =
                    DecompositionFactory_DDRM.svd(width, fanIn, false, false, true);
            assertTrue(svd.decompose(jac));
            double[] sv = svd.getSingularValues();
            double sum = 0;
            double hi = 0;
            double lo = Double.MAX_VALUE;
            for (int k = 0; k < Math.min(width, fanIn); k++) {
                sum += sv[k] * sv[k];
                hi = Math.max(hi, sv[k]);
                lo = Math.min(lo, sv[k]);
            }
            meanSquare += sum / Math.min(width, fanIn) / 2;
            max += hi / 2;
            min += lo / 2;
        }
        assertTrue(max > 1e-3, "the test Jacobian is not all zero: " + max);
        assertEquals(meanSquare, j.meanSquaredSingular(), 1e-4 * meanSquare + 1e-9);
        assertEquals(max, j.maxSingular(), 1e-4 * max + 1e-9);
        assertEquals(min, j.minSingular(), 1e-4 * max + 1e-9);
    }

    @Test
    void theSpectrumsMemoryIsCheckedBeforeTheRun() {
        ExperimentConfig config = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER)).fanIn(400)
                .width(400).samples(10).build();
        long plain = MemoryEstimate.bytes(config);
        long spectrum = MemoryEstimate.jacobianBytes(config, 4, 2);
        // four float Jᵀ and a fifth in flight, two SVDs at once each with two double copies
        assertEquals(5L * 400 * 400 * 4 + 2L * 2 * 400 * 400 * 8, spectrum);
        long heap = (long) ((plain + spectrum / 2) / MemoryEstimate.HEAP_SHARE);
        ExperimentRunner runner = new ExperimentRunner(p -> new EjmlGemm(), Parallel.sequential(), heap);
        runner.run(config, RunListener.NONE, () -> false);
        assertThrows(InvalidConfigException.class,
                () -> runner.withJacobian(4).run(config, RunListener.NONE, () -> false));
    }

    /** a_L of one input in double, z_l = a_{l−1}·W_l + b_l, from the network's float weights and biases. */
    private static double[] forward(Network net, Phi phi, double[] x) {
        double[] a = x;
        for (int l = 1; l <= net.depth(); l++) {
            int in = net.fanIn(l);
            int width = net.width();
            double[] z = new double[width];
            for (int u = 0; u < width; u++) {
                double sum = net.biases(l) == null ? 0 : net.biases(l)[u];
                for (int i = 0; i < in; i++) {
                    sum += a[i] * net.weights(l)[i * width + u];
                }
                z[u] = phi.value(sum);
            }
            a = z;
        }
        return a;
    }
}
