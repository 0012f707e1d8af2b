package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The measured numbers of the normalization issue, from whole runs, against the theory that predicts them: BatchNorm
 * gives Small's z (Var ε) the std √½, residual branches make ReLU·He's variance double per block at α = 1 and stay
 * within e at α = 1/√(depth − 1), BatchNorm makes the weight gradient grow going back in a deep ReLU network, and
 * Zero stays one unit whatever normalizes it.
 */
class NormResidualExperimentTest {

    private static ExperimentResult run(ExperimentConfig config) {
        return TestRunners.runner(2).run(config, RunListener.NONE, () -> false);
    }

    @Test
    void batchNormGivesSmallsPreActivationsStdRootHalfBecauseItsVarianceIsEpsilon() {
        ExperimentConfig c = ExperimentConfig.defaults().toBuilder().strategies(List.of(Strategy.SMALL, Strategy.ZERO))
                .samples(500).norm(Norm.BATCH).build();
        ExperimentResult r = run(c);
        LayerResult small = r.results().get(0).layers().get(0);
        assertEquals(Math.sqrt(1e-5), small.z().std(), Math.sqrt(1e-5) * 0.02);
        assertEquals(Math.sqrt(0.5), small.normalized().std(), 0.02);
        assertEquals(1e-5, small.theory().varianceZ(), 1e-7);
        LayerResult zero = r.results().get(1).layers().get(0);
        assertEquals(1, zero.distinctUnits());
        assertEquals(0, zero.normalized().std(), 0);
    }

    @Test
    void residualReluHeDoublesPerBlockAtAlphaOneAndStaysWithinEAtOneOverRootDepth() {
        ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder().strategies(List.of(Strategy.HE))
                .activation(Activation.RELU).fanIn(500).width(500).samples(500).depth(11);
        LayerResult[] one = layers(run(b.residual(Residual.scaled(1)).build()));
        double growth = one[10].z().std() / one[0].z().std();
        assertEquals(32, growth, 32 * 0.15, "std(z_11)/std(z_1) at α = 1");
        assertEquals(32, one[10].theory().stdZ() / one[0].theory().stdZ(), 1e-9);
        LayerResult[] scaled = layers(run(b.residual(Residual.SQRT_DEPTH).build()));
        double bounded = scaled[10].z().std() / scaled[0].z().std();
        assertEquals(Math.pow(1.1, 5), bounded, 0.15, "std(z_11)/std(z_1) at α = 1/√10");
        assertTrue(scaled[10].theory().varianceZ() / scaled[0].theory().varianceZ() < Math.E);
    }

    @Test
    void batchNormMakesTheWeightGradientGrowGoingBackInADeepReluNetwork() {
        // Yang et al. (2019): about √(π/(π−1)) ≈ 1.21 per layer at initialization; He alone keeps it flat
        ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder().strategies(List.of(Strategy.HE))
                .activation(Activation.RELU).fanIn(500).width(500).samples(64).depth(30);
        double withBatchNorm = medianGrowth(layers(run(b.norm(Norm.BATCH).build())));
        double plain = medianGrowth(layers(run(b.norm(Norm.NONE).build())));
        assertEquals(Math.sqrt(Math.PI / (Math.PI - 1)), withBatchNorm, 0.06, "median growth with BatchNorm");
        assertEquals(1, plain, 0.06, "median growth without");
    }

    @Test
    void aNormalizationTakesNoJacobianAndPlainRunsAreUnchanged() {
        ExperimentConfig c = ExperimentConfig.defaults().toBuilder().strategies(List.of(Strategy.XAVIER)).samples(50)
                .fanIn(40).width(40).depth(3).norm(Norm.LAYER).build();
        ExperimentResult r = TestRunners.runner(1).withJacobian(2).run(c, RunListener.NONE, () -> false);
        assertNull(r.results().get(0).jacobian());
        ExperimentConfig plain = c.toBuilder().norm(Norm.NONE).build();
        ExperimentResult p = run(plain);
        assertNull(p.results().get(0).layers().get(0).normalized());
        assertTrue(Double.isNaN(r.results().get(0).layers().get(1).theory().correlation()));
    }

    private static LayerResult[] layers(ExperimentResult r) {
        return r.results().get(0).layers().toArray(LayerResult[]::new);
    }

    /** The median over layers of std(∂L/∂W_l)/std(∂L/∂W_{l+1}): how much the gradient grows per layer going back. */
    private static double medianGrowth(LayerResult[] layers) {
        double[] ratios = new double[layers.length - 1];
        for (int l = 0; l < layers.length - 1; l++) {
            ratios[l] = layers[l].weightGradient().std() / layers[l + 1].weightGradient().std();
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }
}
