package app.initscope.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Initializer;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TheoryTest {

    @Test
    void heWithReluPredictsTheHalfNormalMomentsExactly() {
        Initializer he = new Initializer.Normal((in, out) -> Math.sqrt(2.0 / in));
        LayerTheory l = Theory.meanField(1, 1000, 1000, 1.0, 0.0, he, Activation.RELU.function(0)).get(0);
        assertEquals(2.0, l.varianceZ(), 1e-12);
        assertEquals(1 / Math.sqrt(Math.PI), l.meanActivation(), 1e-12);
        assertEquals(Math.sqrt(1 - 1 / Math.PI), l.stdActivation(), 1e-12);
        assertEquals(0.5, l.meanLocalGradient(), 1e-12);
    }

    @Test
    void leakyReluKeepsVarianceWithItsHeGainAtEveryLayer() {
        double a = 0.2;
        Initializer he = new Initializer.Normal((in, out) -> Math.sqrt(2.0 / ((1 + a * a) * in)));
        List<LayerTheory> layers = Theory.meanField(6, 500, 500, 1.0, 0.0, he, Activation.LEAKY_RELU.function(a));
        for (LayerTheory l : layers) {
            assertEquals(2.0 / (1 + a * a), l.varianceZ(), 1e-9);
        }
    }

    @Test
    void xavierWithTanhShrinksTheVarianceLayerByLayer() {
        Initializer xavier = new Initializer.Normal((in, out) -> Math.sqrt(1.0 / in));
        List<LayerTheory> layers = Theory.meanField(4, 1000, 1000, 1.0, 0.0, xavier, Activation.TANH.function(0));
        assertEquals(1.0, layers.get(0).varianceZ(), 1e-12);
        assertEquals(0.394294, layers.get(1).varianceZ(), 1e-5);    // E[tanh²(z)], z ~ N(0, 1)
        for (int i = 1; i < layers.size(); i++) {
            assertTrue(layers.get(i).varianceZ() < layers.get(i - 1).varianceZ());
        }
    }

    @Test
    void aConstantInitHasNoTheoryAfterTheFirstLayer() {
        List<LayerTheory> layers = Theory.meanField(3, 100, 100, 1.0, 0.0, new Initializer.Constant(0.01),
                Activation.TANH.function(0));
        assertEquals(100 * 1e-4, layers.get(0).varianceZ(), 1e-15);
        assertTrue(Double.isNaN(layers.get(1).stdZ()));
    }
}
