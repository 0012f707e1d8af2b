package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed experiment at its default size (1000 samples, fan_in 1000, width 1000), checked against the
 * closed-form moments of a Gaussian passed through tanh and ReLU.
 */
class SeedExperimentTest {

    private static ExperimentResult tanh;
    private static ExperimentResult relu;

    @BeforeAll
    static void runSeed() {
        tanh = TestRunners.run(ExperimentConfig.defaults());
        relu = TestRunners.run(ExperimentConfig.builder().activation(Activation.RELU)
                .strategies(List.of(Strategy.HE, Strategy.XAVIER)).build());
    }

    private static LayerResult layer(ExperimentResult r, Strategy s) {
        return r.find(s).orElseThrow().layer(1);
    }

    @Test
    void xavierWithTanhKeepsUnitVarianceOfZ() {
        // Var(z) = fan_in · (1/fan_in) · E[x²] = 1
        assertEquals(1.0, layer(tanh, Strategy.XAVIER).z().std(), 0.02);
    }

    @Test
    void xavierWithTanhGivesTheGaussianMomentsOfTanh() {
        LayerResult l = layer(tanh, Strategy.XAVIER);
        // E[tanh(z)²] for z ~ N(0,1) is 0.3943, so std(a) = 0.6279
        assertEquals(0.628, l.activation().std(), 0.628 * 0.02);
        // P(|z| > atanh(0.97)) = 2·(1 − Φ(2.0923)) = 0.0364
        assertEquals(0.0364, l.activation().saturatedFraction(), 0.006);
    }

    @Test
    void heWithReluZeroesHalfAndKeepsTheHalfNormalMoments() {
        LayerResult l = layer(relu, Strategy.HE);
        // z ~ N(0, 2): P(z ≤ 0) = ½, E[relu z] = √2/√(2π) = 1/√π, E[relu² z] = 1
        assertEquals(0.5, l.activation().zeroFraction(), 0.01);
        assertEquals(1 / Math.sqrt(Math.PI), l.activation().mean(), 0.02 / Math.sqrt(Math.PI));
        assertEquals(Math.sqrt(1 - 1 / Math.PI), l.activation().std(), 0.02 * Math.sqrt(1 - 1 / Math.PI));
    }

    @Test
    void largeWithTanhGivesStdZOfRootFanInAndSaturates() {
        LayerResult l = layer(tanh, Strategy.LARGE);
        assertEquals(Math.sqrt(1000), l.z().std(), 0.03 * Math.sqrt(1000));
        assertTrue(l.activation().saturatedFraction() > 0.90, "saturated " + l.activation().saturatedFraction());
    }

    @Test
    void smallGivesStdZOfTenThousandthRootFanIn() {
        assertEquals(1e-4 * Math.sqrt(1000), layer(tanh, Strategy.SMALL).z().std(), 0.03 * 1e-4 * Math.sqrt(1000));
    }

    @Test
    void smallGivesGradientsOrdersOfMagnitudeBelowXavier() {
        LayerResult small = layer(tanh, Strategy.SMALL);
        LayerResult xavier = layer(tanh, Strategy.XAVIER);
        assertTrue(small.weightGradient().std() < 1e-2 * xavier.weightGradient().std(),
                small.weightGradient().std() + " vs " + xavier.weightGradient().std());
        assertTrue(small.delta().std() < 1e-2 * xavier.delta().std(),
                small.delta().std() + " vs " + xavier.delta().std());
    }

    @Test
    void zeroInitLeavesOneDistinctUnit() {
        LayerResult zero = layer(tanh, Strategy.ZERO);
        assertEquals(1, zero.distinctUnits());
        assertEquals(1000, layer(tanh, Strategy.XAVIER).distinctUnits());
        assertEquals(0.0, zero.z().std());
        assertEquals(1.0, zero.z().zeroFraction());
    }

    @Test
    void everyStrategyReportsAllTensorsOverEveryValue() {
        for (StrategyResult r : tanh.results()) {
            LayerResult l = r.layer(1);
            for (TensorKind k : TensorKind.values()) {
                long expected = 1000L * 1000;                // samples × width, and fan_in × width for dW
                assertEquals(expected, l.get(k).count(), r.strategy() + " " + k);
                assertEquals(expected, l.get(k).histogram().total(), r.strategy() + " " + k);
            }
            assertTrue(Double.isFinite(r.loss()) && r.loss() > 0, "loss " + r.loss());
        }
        assertEquals(Strategy.SEED, tanh.results().stream().map(StrategyResult::strategy).toList());
    }
}
