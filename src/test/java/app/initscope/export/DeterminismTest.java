package app.initscope.export;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.RunListener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static String json(ExperimentConfig config, int threads) {
        ExperimentResult r = TestRunners.runner(threads).run(config, RunListener.NONE, () -> false);
        return JsonReport.toJson(r, "test", List.of());
    }

    @Test
    void sameSeedGivesBitIdenticalResultsWithOneAndTwoThreads() {
        ExperimentConfig config = ExperimentConfig.builder().strategies(List.of(Strategy.values()))
                .activation(Activation.GELU).fanIn(300).samples(411).width(257).depth(3).outputs(7).build();
        assertEquals(json(config, 1), json(config, 2));
    }

    @Test
    void seedDefaultsAreBitIdenticalWithOneAndTwoThreads() {
        ExperimentConfig config = ExperimentConfig.defaults();
        assertEquals(json(config, 1), json(config, 2));
    }

    @Test
    void anotherSeedGivesOtherNumbers() {
        ExperimentConfig a = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER)).fanIn(64).samples(50)
                .build();
        assertNotEquals(json(a, 2), json(a.toBuilder().seed(43).build(), 2));
    }
}
