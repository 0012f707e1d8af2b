package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroSigmoidTest {

    @Test
    void zeroInitWithSigmoidGivesHalfEverywhereAndOneDistinctUnit() {
        ExperimentResult r = TestRunners.run(ExperimentConfig.builder().activation(Activation.SIGMOID)
                .strategies(List.of(Strategy.ZERO)).fanIn(200).samples(300).width(150).depth(3).build());
        for (LayerResult l : r.results().get(0).layers()) {
            assertEquals(0.5, l.activation().min(), "layer " + l.layer());
            assertEquals(0.5, l.activation().max(), "layer " + l.layer());
            assertEquals(0.25, l.localGradient().min(), "layer " + l.layer());
            assertEquals(0.25, l.localGradient().max(), "layer " + l.layer());
            assertEquals(1, l.distinctUnits(), "layer " + l.layer());
        }
    }

    @Test
    void constantInitIsAsSymmetricAsZeroAtEveryLayer() {
        ExperimentResult r = TestRunners.run(ExperimentConfig.builder().activation(Activation.TANH)
                .strategies(List.of(Strategy.CONSTANT)).constant(0.05).fanIn(53).samples(29).width(37).depth(4)
                .build());
        for (LayerResult l : r.results().get(0).layers()) {
            assertEquals(1, l.distinctUnits(), "layer " + l.layer());
            assertEquals(true, l.activation().std() > 0, "layer " + l.layer() + " is not silent");
        }
    }
}
