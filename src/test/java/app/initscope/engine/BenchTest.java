package app.initscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Activation;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Optimizer;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainListener;
import app.initscope.core.train.Trainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench measures what it says, and its parts' time boxes add up to less than its goal of 20 s. */
class BenchTest {

    /** A small plan of the same kinds as the lecture's. */
    private static final Bench.Plan SMALL = new Bench.Plan(64,
            ExperimentConfig.builder().fanIn(32).samples(32).width(32).build(),
            ExperimentConfig.builder().fanIn(24).samples(40).width(24).depth(1).activation(Activation.TANH)
                    .strategies(List.of(Strategy.XAVIER)).build(),
            Bench.Plan.LECTURE.seedTrain(),
            ExperimentConfig.builder().activation(Activation.RELU).samples(64).width(8).depth(3)
                    .strategies(List.of(Strategy.HE)).build(),
            Bench.Plan.LECTURE.smallTrain());

    @Test
    void everyNumberIsPositiveAndFiniteAndTheKernelIsTheBestOne() {
        Bench.Result r;
        try (Engine engine = new Engine(2)) {
            r = new Bench(engine).run(SMALL, RunListener.NONE);
        }
        assertEquals(Kernels.best(Parallel.sequential()).name(), r.kernel());
        assertEquals(2, r.threads());
        for (double v : new double[] {r.gemmMillis(), r.gemmGflops(), r.pipelineMillis(), r.trainStepMillis(),
            r.smallTrainStepsPerSecond()}) {
            assertTrue(v > 0 && Double.isFinite(v), r.toString());
        }
        assertTrue(r.trainStepRestMillis() >= 0 && r.trainStepRestMillis() <= r.trainStepMillis(), r.toString());
        assertEquals(2.0 * 64 * 64 * 64 / (r.gemmMillis() * 1e6), r.gemmGflops(), 1e-9 * r.gemmGflops());
    }

    /**
     * The bench ends 15 s after it starts, which leaves 5 of the 20 for the JVM's start and for the one run a part
     * makes when the time is up; the parts' own times fit in it.
     */
    @Test
    void thePartsTimesFitInTheBenchsFifteenSeconds() {
        assertTrue(Bench.SECONDS <= 15, "the bench's time: " + Bench.SECONDS + " s");
        assertTrue(Bench.partsSeconds() <= Bench.SECONDS, "the parts' times: " + Bench.partsSeconds() + " s");
        assertTrue(Bench.PARTS.stream().allMatch(p -> p.min() <= 3 && p.max() <= 9), "few runs: " + Bench.PARTS);
    }

    /**
     * The products timed apart are those the trainer makes in a step, the stretch the bench times: between its
     * reports of the first and the second step (at full batch, on the same rows) it makes exactly these products, of
     * these shapes.
     */
    @Test
    void theProductsTimedApartAreThoseOfATrainingStep() {
        ExperimentConfig config = ExperimentConfig.builder().fanIn(12).samples(20).width(9).depth(2)
                .outputs(3).strategies(List.of(Strategy.XAVIER)).build();
        TrainConfig train = TrainConfig.defaults().withDataset(DatasetId.TEACHER).withOptimizer(Optimizer.SGD, 0.01)
                .withBatch(TrainConfig.FULL_BATCH).withSteps(3, 3);
        Counting counting = new Counting();
        Trainer trainer = new Trainer(p -> counting, Parallel.sequential(), 1);
        Dataset data = trainer.dataset(config, train);
        List<String> step = new ArrayList<>();
        int[] from = {-1};
        trainer.train(config, train, data, Strategy.XAVIER, new TrainListener() {
            @Override
            public boolean wants(int stepsMade) {
                if (stepsMade == 1) {
                    from[0] = counting.calls.size();
                } else if (stepsMade == 2) {
                    step.addAll(counting.calls.subList(from[0], counting.calls.size()));
                }
                return false;
            }

            @Override
            public void snapshot(app.initscope.core.train.TrainResult snapshot) {
            }
        }, () -> false);
        assertEquals(8, step.size(), "three layers: three forward, three weight gradients, two δ: " + step);

        counting.calls.clear();
        Bench.stepProducts(counting, config, train, data).run();
        assertEquals(count(step), count(counting.calls));
    }

    private static Map<String, Integer> count(List<String> calls) {
        Map<String, Integer> m = new HashMap<>();
        calls.forEach(c -> m.merge(c, 1, Integer::sum));
        return m;
    }

    /**
     * A kernel that notes each product's kind and shape, and computes it (the trainer's values must be real: a
     * product whose right factor has equal columns, as zeros have, is made as a matrix-vector one).
     */
    private static final class Counting implements Gemm {
        final List<String> calls = new ArrayList<>();
        private final Gemm inner = Kernels.best(Parallel.sequential());

        @Override
        public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
            calls.add("A·B " + m + "×" + k + "×" + n);
            inner.mult(a, b, c, m, k, n);
        }

        @Override
        public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
            calls.add("Aᵀ·B " + m + "×" + k + "×" + n);
            inner.multTransA(a, b, c, m, k, n);
        }

        @Override
        public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
            calls.add("A·Bᵀ " + m + "×" + k + "×" + n);
            inner.multTransB(a, b, c, m, k, n);
        }

        @Override
        public String name() {
            return "counting";
        }
    }
}
