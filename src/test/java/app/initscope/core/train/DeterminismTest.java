package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same seed gives the same records, bit for bit, on one and on two threads. */
class DeterminismTest {

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void theSameSeedGivesBitIdenticalRecordsOnOneAndTwoThreads(Optimizer optimizer) {
        // 200 rows × 300 units: the elementwise work and the statistics split into two pieces
        ExperimentConfig config = ExperimentConfig.builder().activation(Activation.RELU)
                .strategies(List.of(Strategy.HE)).fanIn(64).samples(200).width(300).depth(2).outputs(3).seed(9)
                .build();
        for (int batch : new int[] {200, 48}) {
            TrainConfig train = TrainConfig.defaults().withOptimizer(optimizer, 0.01).withBatch(batch)
                    .withSteps(12, 4).withBias(true);
            TrainResult one = TrainTestRunners.trainer(1).train(config, train, Strategy.HE, TrainListener.NONE, () -> false);
            TrainResult two = TrainTestRunners.trainer(2).train(config, train, Strategy.HE, TrainListener.NONE, () -> false);
            assertEquals(one.steps(), two.steps(), "steps, batch " + batch);
            assertEquals(one.evals(), two.evals(), "evals, batch " + batch);
            assertEquals(one.finalLoss(), two.finalLoss(), 0.0);
            assertTrue(one.steps().get(11).loss() < one.steps().get(0).loss(), "it learns: " + one.steps());
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatasetId.class, names = {"SPIRAL", "MOONS", "CIRCLES", "XOR"})
    void everyStrategySeesTheSameBatchesAndADifferentSeedOthers(DatasetId id) {
        ExperimentConfig config = ExperimentConfig.builder().activation(Activation.TANH)
                .strategies(List.of(Strategy.XAVIER)).samples(300).width(32).depth(2).seed(4).build();
        TrainConfig train = TrainConfig.defaults().withDataset(id).withBatch(32).withSteps(30, 10);
        TrainResult a = TrainTestRunners.train(config, train, Strategy.XAVIER);
        TrainResult b = TrainTestRunners.train(config, train, Strategy.XAVIER);
        assertEquals(a.steps(), b.steps());
        TrainResult other = TrainTestRunners.train(config.toBuilder().seed(5).build(), train, Strategy.XAVIER);
        assertNotEquals(a.steps().get(0).loss(), other.steps().get(0).loss());
        assertTrue(a.finalTestAccuracy() >= 0 && a.finalTestAccuracy() <= 1);
    }
}
