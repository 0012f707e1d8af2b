package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The symmetry problem through training: Zero never moves, Constant never breaks its symmetry. */
class SymmetryTrainingTest {

    private static ExperimentConfig network(Strategy strategy) {
        return ExperimentConfig.builder().activation(Activation.TANH).strategies(List.of(strategy)).constant(0.05)
                .fanIn(20).samples(60).width(48).depth(3).outputs(4).seed(5).build();
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void zeroWithoutBiasesKeepsTheLossExactlyConstantAndNothingMoves(Optimizer optimizer) {
        TrainConfig train = TrainConfig.defaults().withOptimizer(optimizer, 0.1).withBatch(60).withSteps(20, 5);
        TrainResult r = TrainTestRunners.train(network(Strategy.ZERO), train, Strategy.ZERO);
        assertFalse(r.diverged());
        double first = r.steps().get(0).loss();
        for (StepRecord s : r.steps()) {
            assertEquals(first, s.loss(), 0.0, "loss at step " + s.step());
            for (LayerStep l : s.layers()) {
                assertEquals(0.0, l.weightStd(), 0.0, "std(W) of layer " + l.layer() + " at step " + s.step());
                assertEquals(0.0, l.activationStd(), 0.0, "std(a) of layer " + l.layer());
            }
        }
        assertEquals(first, r.finalLoss(), 0.0, "the final full-batch loss");
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void constantKeepsOneDistinctUnitAtEveryStep(Optimizer optimizer) {
        for (boolean bias : new boolean[] {false, true}) {
            TrainConfig train = TrainConfig.defaults().withOptimizer(optimizer, 0.05).withBatch(16)
                    .withSteps(25, 5).withBias(bias);
            TrainResult r = TrainTestRunners.train(network(Strategy.CONSTANT), train, Strategy.CONSTANT);
            assertFalse(r.diverged());
            assertEquals(25, r.steps().size());
            boolean moved = false;
            for (StepRecord s : r.steps()) {
                for (LayerStep l : s.layers()) {
                    assertEquals(1, l.distinctUnits(), optimizer + ", bias " + bias + ": layer " + l.layer()
                            + " at step " + s.step());
                    moved |= s.step() > 0 && l.weightStd() > 0;
                }
            }
            // the weights do change (so the check is not of a frozen network), yet the units stay one
            assertEquals(true, moved || r.steps().get(0).loss() != r.steps().get(24).loss(),
                    "training moved something");
        }
    }
}
