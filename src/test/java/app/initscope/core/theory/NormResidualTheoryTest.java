package app.initscope.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Initializer;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Phi;
import app.initscope.core.nn.Residual;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The variance recursion with residual connections, q_{l+1} = q_l + α²·(σ_w²·E[φ(√q̂_l·u)²] + σ_b²), and with a
 * normalization, q̂ = q/(q + ε), against what it must give in closed form.
 */
class NormResidualTheoryTest {

    private static final Initializer HE = new Initializer.Normal((in, out) -> Math.sqrt(2.0 / in));
    private static final Initializer XAVIER = new Initializer.Normal((in, out) -> Math.sqrt(1.0 / in));
    private static final Initializer SMALL = new Initializer.Normal((in, out) -> 1e-4);
    private static final Phi RELU = Activation.RELU.function(0);
    private static final Phi TANH = Activation.TANH.function(0);

    private static double ratio(List<LayerTheory> layers, int l) {
        return layers.get(l - 1).stdZ() / layers.get(0).stdZ();
    }

    @Test
    void reluWithHeDoublesTheVarianceEveryBlockAtAlphaOne() {
        // E[relu(√q·u)²] = q/2 and σ_w² = 2: the branch adds q, so q doubles, and std(z_11)/std(z_1) = 2^5 = 32
        List<LayerTheory> layers = Theory.meanField(11, 1000, 1000, 1, 0, HE, RELU, Norm.NONE, Residual.scaled(1));
        assertEquals(32, ratio(layers, 11), 1e-9);
    }

    @Test
    void reluWithHeStaysWithinEAtOneOverRootDepth() {
        // α² = 1/10: q grows by 1.1 per block, (1.1)^10 = 2.59 < e in variance, std ×1.61
        List<LayerTheory> layers = Theory.meanField(11, 1000, 1000, 1, 0, HE, RELU, Norm.NONE, Residual.SQRT_DEPTH);
        assertEquals(Math.pow(1.1, 5), ratio(layers, 11), 1e-9);
        assertTrue(ratio(layers, 11) * ratio(layers, 11) < Math.E);
    }

    @Test
    void tanhWithXavierGrowsOnlyLinearly() {
        // E[tanh(√q·u)²] < 1, so each block adds less than 1 to q: q_l ≤ q_1 + (l − 1); it adds 0.394 at q = 1, and
        // more as q grows (the tails saturate), so q grows by a bounded, rising step: linearly, not geometrically
        List<LayerTheory> layers = Theory.meanField(30, 1000, 1000, 1, 0, XAVIER, TANH, Norm.NONE,
                Residual.scaled(1));
        double last = 0;
        for (int l = 2; l <= 30; l++) {
            double step = layers.get(l - 1).varianceZ() - layers.get(l - 2).varianceZ();
            assertTrue(step > last && step < 1, "layer " + l + " adds " + step + " after " + last);
            last = step;
        }
        assertEquals(0.394, layers.get(1).varianceZ() - layers.get(0).varianceZ(), 1e-3);
        assertTrue(layers.get(29).varianceZ() < 30);
    }

    @Test
    void aNormalizationFeedsPhiUnitVarianceUpToEpsilon() {
        // Small: q_1 = 1000·10⁻⁸ = 10⁻⁵ = ε, so N(z) has variance ½; ReLU's E[a²] is then ¼ and its mean √(½/(2π))
        List<LayerTheory> layers = Theory.meanField(3, 1000, 1000, 1, 0, SMALL, RELU, Norm.BATCH, Residual.OFF);
        LayerTheory first = layers.get(0);
        assertEquals(1e-5, first.varianceZ(), 1e-12);
        assertEquals(Math.sqrt(0.5 / (2 * Math.PI)), first.meanActivation(), 1e-9);
        // He with BatchNorm: q̂ ≈ 1 in every layer, so q_{l+1} = 2·½·q̂ ≈ 1 whatever the depth
        List<LayerTheory> he = Theory.meanField(20, 1000, 1000, 1, 0, HE, RELU, Norm.LAYER, Residual.OFF);
        for (int l = 2; l <= 20; l++) {
            assertEquals(1, he.get(l - 1).varianceZ(), 2e-5, "layer " + l);
        }
    }

    @Test
    void withoutEitherItIsThePlainRecursionNumberForNumber() {
        List<LayerTheory> plain = Theory.meanField(10, 700, 300, 1, 0.04, XAVIER, TANH);
        List<LayerTheory> none = Theory.meanField(10, 700, 300, 1, 0.04, XAVIER, TANH, Norm.NONE, Residual.OFF);
        assertEquals(plain, none);
    }
}
