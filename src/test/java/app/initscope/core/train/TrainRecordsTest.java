package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the trainer records besides the per-step records: test-set histograms, decision regions, full batch. */
class TrainRecordsTest {

    private static final ExperimentConfig TEACHER = ExperimentConfig.builder().activation(Activation.TANH)
            .strategies(List.of(Strategy.XAVIER)).fanIn(200).samples(400).width(300).depth(2).outputs(1).seed(3)
            .build();

    @Test
    void evaluationsCarryTestSetStatisticsThatFollowTheVarianceRule() {
        TrainConfig train = TrainConfig.defaults().withBatch(32).withSteps(20, 10);
        TrainResult r = TrainTestRunners.train(TEACHER, train, Strategy.XAVIER);
        assertEquals(List.of(0, 10, 20), r.evals().stream().map(EvalRecord::step).toList());
        Dataset data = TrainTestRunners.trainer(1).dataset(TEACHER, train);
        int n = data.test().rows() * TEACHER.width();
        EvalRecord first = r.evals().get(0);
        assertEquals(TEACHER.depth(), first.layers().size());
        EvalLayer l1 = first.layers().get(0);
        for (Summary s : List.of(l1.z(), l1.activation(), l1.delta())) {
            assertEquals(n, s.count());
            long binned = s.histogram().underflow() + s.histogram().overflow();
            for (int i = 0; i < s.histogram().bins(); i++) {
                binned += s.histogram().count(i);
            }
            assertEquals(s.finiteCount(), binned, "every finite value is binned");
        }
        // Var(z1) = fan_in · Var(w) · E[x²] = 200 · (1/200) · 1 on the test rows, which are N(0, 1) too.
        assertEquals(1.0, l1.z().std(), 0.05, "std z of layer 1 at step 0");
        assertNotNull(l1.activation().saturatedFraction(), "tanh saturates");
        assertTrue(l1.delta().std() > 0 && Double.isFinite(l1.delta().std()), "δ flows back from the loss");
        assertTrue(r.evals().get(2).layers().get(1).delta().std() != first.layers().get(1).delta().std(),
                "training changes δ");
    }

    @Test
    void zeroWeightsGiveZeroPreActivationsAndNoBackwardSignalOnTheTestSet() {
        TrainResult r = TrainTestRunners.train(TEACHER, TrainConfig.defaults().withBatch(32).withSteps(5, 5),
                Strategy.ZERO);
        for (EvalRecord e : r.evals()) {
            for (EvalLayer l : e.layers()) {
                assertEquals(1.0, l.z().zeroFraction(), "z at step " + e.step());
                assertEquals(1.0, l.delta().zeroFraction(), "δ at step " + e.step());
            }
        }
    }

    @Test
    void theDecisionRegionsAgreeWithTheTrainingAccuracy() {
        ExperimentConfig config = TEACHER.toBuilder().activation(Activation.RELU).fanIn(2).samples(300).width(64)
                .depth(2).build();
        TrainConfig train = TrainConfig.defaults().withDataset(DatasetId.SPIRAL).withBatch(TrainConfig.FULL_BATCH)
                .withOptimizer(Optimizer.ADAM, 0.02).withSteps(500, 100).withBias(true);
        TrainResult r = TrainTestRunners.train(config, train, Strategy.HE);
        Boundary b = r.boundary();
        assertNotNull(b, "a 2-D set has decision regions");
        assertEquals(3, b.classes());
        // Each training point's cell should mostly hold the class the network gives the point itself.
        int agree = 0;
        int rows = b.pointLabels().length;
        for (int p = 0; p < rows; p++) {
            double x = b.pointsX()[2 * p];
            double y = b.pointsX()[2 * p + 1];
            int j = (int) ((x - b.xLo()) / (b.xHi() - b.xLo()) * b.size());
            int i = (int) ((y - b.yLo()) / (b.yHi() - b.yLo()) * b.size());
            assertTrue(i >= 0 && i < b.size() && j >= 0 && j < b.size(), "the grid covers every point");
            if (b.at(i, j) == b.pointLabels()[p]) {
                agree++;
            }
        }
        double trainAccuracy = r.steps().get(r.steps().size() - 1).accuracy();
        assertTrue(trainAccuracy > 0.6, "He learns the spiral: " + trainAccuracy);
        assertEquals(trainAccuracy, (double) agree / rows, 0.1, "the regions match the classifier");

        TrainResult zero = TrainTestRunners.train(config, train.withSteps(20, 10), Strategy.ZERO);
        int first = zero.boundary().predicted()[0];
        for (int c : zero.boundary().predicted()) {
            assertEquals(first, c, "zero weights give one region");
        }
        assertNull(TrainTestRunners.train(TEACHER, TrainConfig.defaults().withBatch(32).withSteps(2, 1),
                Strategy.XAVIER).boundary(), "no regions for a regression");
    }

    @Test
    void fullBatchIsTheWholeTrainingSetInOrder() {
        ExperimentConfig config = TEACHER.toBuilder().fanIn(20).samples(60).width(30).build();
        TrainConfig full = TrainConfig.defaults().withBatch(TrainConfig.FULL_BATCH).withSteps(10, 5);
        int rows = TrainTestRunners.trainer(1).dataset(config, full).train().rows();
        assertEquals(rows, full.rows(rows));
        TrainResult word = TrainTestRunners.train(config, full, Strategy.XAVIER);
        TrainResult number = TrainTestRunners.train(config, full.withBatch(rows), Strategy.XAVIER);
        assertEquals(number.steps(), word.steps());
        assertEquals("full", TrainCatalog.BATCH.text(TrainCatalog.BATCH.parse("full")));
        assertEquals(null, TrainCatalog.BATCH.problem(TrainConfig.FULL_BATCH));
    }

    @Test
    void aListenerThatDeclinesGetsNoSnapshots() {
        TrainConfig train = TrainConfig.defaults().withBatch(16).withSteps(40, 10);
        List<Integer> asked = new ArrayList<>();
        List<TrainResult> got = new ArrayList<>();
        TrainTestRunners.trainer(1).train(TEACHER, train, Strategy.XAVIER, new TrainListener() {
            @Override
            public boolean wants(int stepsMade) {
                asked.add(stepsMade);
                return stepsMade == 20;
            }

            @Override
            public void snapshot(TrainResult snapshot) {
                got.add(snapshot);
            }
        }, () -> false);
        assertEquals(List.of(10, 20, 30), asked, "asked at each snapshot interval before the end");
        assertEquals(1, got.size());
        assertEquals(20, got.get(0).steps().size());
    }
}
