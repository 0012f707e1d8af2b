package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The trainer's contract: validation, divergence as a result, snapshots and cancelling. */
class TrainerTest {

    private static final ExperimentConfig SMALL_TEACHER = ExperimentConfig.builder().activation(Activation.RELU)
            .strategies(List.of(Strategy.LARGE)).fanIn(30).samples(80).width(40).depth(3).outputs(2).seed(1)
            .build();

    @Test
    void badSettingsAreRefusedNamingTheOption() {
        TrainConfig d = TrainConfig.defaults();
        assertEquals("lr", assertThrows(InvalidConfigException.class, () -> d.withOptimizer(Optimizer.SGD, 0))
                .parameter());
        assertEquals("lr", assertThrows(InvalidConfigException.class,
                () -> d.withOptimizer(Optimizer.SGD, Double.POSITIVE_INFINITY)).parameter());
        assertEquals("steps", assertThrows(InvalidConfigException.class, () -> d.withSteps(0, 1)).parameter());
        assertEquals("batch", assertThrows(InvalidConfigException.class, () -> TrainTestRunners.train(SMALL_TEACHER,
                d.withBatch(81), Strategy.LARGE)).parameter());
        assertThrows(IllegalArgumentException.class, () -> TrainCatalog.DATASET.parse("mnist"));
    }

    @Test
    void aDivergingRunIsAResultNamingTheStep() {
        TrainConfig train = TrainConfig.defaults().withOptimizer(Optimizer.SGD, 1e4).withBatch(80).withSteps(50, 10);
        TrainResult r = TrainTestRunners.train(SMALL_TEACHER, train, Strategy.LARGE);
        assertTrue(r.diverged(), "diverged");
        assertTrue(r.divergedAt() > 0, "the first loss is finite");
        assertEquals(r.divergedAt() + 1, r.steps().size(), "stops at the step it diverged");
        assertFalse(Double.isFinite(r.steps().get(r.divergedAt()).loss()));
        assertTrue(Double.isNaN(r.finalLoss()) && Double.isNaN(r.finalTestLoss()));
        assertTrue(r.complete());
    }

    @Test
    void snapshotsStreamTheRecordsSoFarAndCancelStops() {
        TrainConfig train = TrainConfig.defaults().withBatch(16).withSteps(35, 10);
        List<TrainResult> snapshots = new ArrayList<>();
        TrainResult full = TrainTestRunners.trainer(1).train(SMALL_TEACHER, train, Strategy.XAVIER, snapshots::add,
                () -> false);
        assertEquals(List.of(10, 20, 30), snapshots.stream().map(s -> s.steps().size()).toList());
        assertFalse(snapshots.get(0).complete());
        assertEquals(full.steps().subList(0, 20), snapshots.get(1).steps());
        assertEquals(4, snapshots.get(2).evals().size(), "evals at 0, 10, 20, 30");

        AtomicBoolean stop = new AtomicBoolean();
        assertThrows(CancellationException.class, () -> TrainTestRunners.trainer(1).train(SMALL_TEACHER, train,
                Strategy.XAVIER, s -> stop.set(true), stop::get));
    }

    @Test
    void theTeacherSetIsLearnableFromXavierAndItsTargetsCarryTheNoise() {
        ExperimentConfig config = SMALL_TEACHER.toBuilder().activation(Activation.TANH).build();
        TrainConfig train = TrainConfig.defaults().withBatch(80).withSteps(200, 50).withOptimizer(Optimizer.ADAM, 1e-3);
        TrainResult r = TrainTestRunners.train(config, train, Strategy.XAVIER);
        assertTrue(r.finalLoss() < 0.25 * r.steps().get(0).loss(), "the loss falls: " + r.steps().get(0).loss()
                + " -> " + r.finalLoss());
        Dataset noiseless = Datasets.teacher(config, 0, app.initscope.core.linalg.Kernels.best(
                app.initscope.core.linalg.Parallel.sequential()), app.initscope.core.linalg.Parallel.sequential());
        Dataset noisy = Datasets.teacher(config, 0.1, app.initscope.core.linalg.Kernels.best(
                app.initscope.core.linalg.Parallel.sequential()), app.initscope.core.linalg.Parallel.sequential());
        double s = 0;
        double q = 0;
        float[] a = noisy.train().targets();
        float[] b = noiseless.train().targets();
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - b[i];
            s += e;
            q += e * e;
        }
        double std = Math.sqrt(q / a.length - (s / a.length) * (s / a.length));
        assertEquals(0.1, std, 0.02, "the targets' noise std (160 draws)");
    }
}
