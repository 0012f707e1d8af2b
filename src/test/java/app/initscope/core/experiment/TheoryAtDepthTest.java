package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mean-field prediction of std z against what a depth-5, width-1000 network measures. */
class TheoryAtDepthTest {

    private static void assertTheoryWithin(Activation activation, Strategy strategy, double tolerance) {
        ExperimentResult r = TestRunners.run(ExperimentConfig.builder().activation(activation)
                .strategies(List.of(strategy)).depth(5).width(1000).build());
        for (LayerResult l : r.results().get(0).layers()) {
            double predicted = l.theory().stdZ();
            assertEquals(predicted, l.z().std(), tolerance * predicted,
                    activation + "/" + strategy + " layer " + l.layer());
        }
    }

    @Test
    void theoryMatchesMeasuredStdZForTanhWithinThreePercent() {
        assertTheoryWithin(Activation.TANH, Strategy.XAVIER, 0.03);
    }

    @Test
    void theoryMatchesMeasuredStdZForReluWithinTenPercent() {
        assertTheoryWithin(Activation.RELU, Strategy.HE, 0.10);
    }

    @Test
    void theoryShrinksWithXavierAndReluLayerByLayer() {
        // With ReLU and 1/fan_in, q halves at every layer: std z falls by 1/√2.
        ExperimentResult r = TestRunners.run(ExperimentConfig.builder().activation(Activation.RELU)
                .strategies(List.of(Strategy.XAVIER)).depth(4).build());
        List<LayerResult> layers = r.results().get(0).layers();
        for (int i = 1; i < layers.size(); i++) {
            assertEquals(Math.sqrt(0.5), layers.get(i).theory().stdZ() / layers.get(i - 1).theory().stdZ(), 1e-6);
        }
    }
}
