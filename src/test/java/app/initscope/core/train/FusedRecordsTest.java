package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Symmetry;
import app.initscope.core.stats.PieceStd;
import app.initscope.core.stats.Summary;
import app.initscope.engine.ComputePool;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A step's record, computed inside the passes that read each tensor (the activation's statistics in the forward
 * and backward passes, the weights' in the optimizer's pass), equals the record made by summarizing each tensor
 * apart with {@link Summary} and {@link Symmetry} after the step, bit for bit, and on one thread as on two.
 */
class FusedRecordsTest {

    private static final ComputePool TWO = new ComputePool(2);

    /** 300 rows × 500 units: 150 000 values, five pieces the last one short, as at the seed size. */
    private static ExperimentConfig network(Activation activation) {
        return ExperimentConfig.builder().activation(activation).strategies(List.of(Strategy.HE)).fanIn(40)
                .samples(300).width(500).depth(2).outputs(3).seed(11).build();
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void recordsEqualThoseOfSummarizingEachTensorApart(Optimizer optimizer) {
        for (Activation activation : List.of(Activation.TANH, Activation.RELU, Activation.SIGMOID)) {
            for (boolean bias : new boolean[] {false, true}) {
                ExperimentConfig config = network(activation);
                TrainConfig train = TrainConfig.defaults().withOptimizer(optimizer, 0.05).withBatch(TrainConfig.FULL_BATCH)
                        .withSteps(6, 6).withBias(bias);
                List<StepRecord> fused = new ArrayList<>();
                Stepper stepper = new Trainer(Kernels::best, TWO, 1).stepper(config, train,
                        TrainTestRunners.trainer(2).dataset(config, train), Strategy.HE);
                for (int s = 0; s < 6; s++) {
                    fused.add(stepper.step(s));
                }
                List<StepRecord> apart = apart(config, train, Strategy.HE, 6, TWO);
                assertEquals(apart, fused, activation + ", " + optimizer + ", bias " + bias);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void fusedRecordsAreBitIdenticalOnOneAndTwoThreads(Optimizer optimizer) {
        ExperimentConfig config = network(Activation.TANH);
        TrainConfig train = TrainConfig.defaults().withOptimizer(optimizer, 0.05).withBatch(TrainConfig.FULL_BATCH)
                .withSteps(5, 5);
        for (Strategy strategy : List.of(Strategy.XAVIER, Strategy.ZERO, Strategy.LARGE)) {
            config = config.toBuilder().strategies(List.of(strategy)).build();
            TrainResult one = TrainTestRunners.trainer(1).train(config, train, strategy, TrainListener.NONE, () -> false);
            TrainResult two = TrainTestRunners.trainer(2).train(config, train, strategy, TrainListener.NONE, () -> false);
            assertEquals(one.steps(), two.steps(), strategy.id());
            assertEquals(one.evals(), two.evals(), strategy.id());
            if (strategy == Strategy.ZERO) {
                assertTrue(two.steps().stream().allMatch(s -> s.layers().stream().allMatch(l -> l.distinctUnits() == 1)),
                        "Zero keeps one distinct unit: " + two.steps());
            }
        }
    }

    @Test
    void activationStatisticsEqualTheSummarysOnAnyPieceOrder() {
        SplittableRandom r = new SplittableRandom(3);
        for (Activation activation : List.of(Activation.TANH, Activation.SIGMOID, Activation.RELU)) {
            for (int n : new int[] {1, 7, Chunks.SIZE + 5, 3 * Chunks.SIZE}) {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    int kind = r.nextInt(50);
                    a[i] = kind == 0 ? 0f : kind == 1 ? Float.NaN : kind == 2 ? 0.99f
                            : (float) Math.tanh(r.nextGaussian() * 2);
                }
                ActivationStats stats = new ActivationStats(1, activation);
                stats.reset(n);
                int pieces = Chunks.count(n);
                for (int p = pieces - 1; p >= 0; p--) {                    // backwards: order must not matter
                    stats.first(1, p, a, Chunks.from(p), Chunks.to(p, n));
                }
                stats.combine(1);
                for (int p = 0; p < pieces; p++) {
                    stats.second(1, p, a, Chunks.from(p), Chunks.to(p, n));
                }
                Summary expected = Summary.of(a, n, null, 1, activation.hasSaturation() ? activation::isSaturated
                        : null, Parallel.sequential());
                String where = activation + ", n " + n;
                assertEquals(expected.std(), stats.std(1), 0.0, "std, " + where);
                assertEquals(expected.mean(), stats.mean(1), 0.0, "mean, " + where);
                assertEquals(expected.min(), stats.min(1), 0.0, "min, " + where);
                assertEquals(expected.max(), stats.max(1), 0.0, "max, " + where);
                assertEquals(expected.zeroFraction(), stats.zeroFraction(1), 0.0, "zeros, " + where);
                assertEquals(expected.saturatedFraction() == null ? Double.NaN : expected.saturatedFraction(),
                        stats.saturatedFraction(1), 0.0, "saturated, " + where);
            }
        }
    }

    @Test
    void pieceStdAndTheFusedSgdGiveSummarysStdAndOptimizersUpdate() {
        SplittableRandom r = new SplittableRandom(8);
        for (int n : new int[] {1, 5, Chunks.SIZE, 2 * Chunks.SIZE + 17}) {
            float[] w = new float[n];
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                w[i] = (float) r.nextGaussian();
                g[i] = (float) (r.nextGaussian() * 1e-3);
            }
            float[] expectedW = w.clone();
            float[] expectedDelta = new float[n];
            double stdW = Summary.std(w, n, Parallel.sequential());
            double stdG = Summary.std(g, n, Parallel.sequential());
            Optimizer.SGD.update(expectedW, g, null, null, expectedDelta, 0.3, 1, 0, n);
            double stdDelta = Summary.std(expectedDelta, n, Parallel.sequential());

            PieceStd ws = new PieceStd();
            PieceStd gs = new PieceStd();
            PieceStd ds = new PieceStd();
            ws.reset(n);
            gs.reset(n);
            ds.reset(n);
            float[] delta = new float[n];
            for (int p = Chunks.count(n) - 1; p >= 0; p--) {
                Stepper.sgd(p, w, g, delta, 0.3, ws, gs, ds, Chunks.from(p), Chunks.to(p, n));
            }
            assertEquals(stdW, ws.value(n), 0.0, "std(W), n " + n);
            assertEquals(stdG, gs.value(n), 0.0, "std(g), n " + n);
            assertEquals(stdDelta, ds.value(n), 0.0, "std(ΔW), n " + n);
            assertTrue(java.util.Arrays.equals(expectedW, w), "the update, n " + n);
            assertTrue(java.util.Arrays.equals(expectedDelta, delta), "ΔW, n " + n);

            PieceStd again = new PieceStd();
            PieceStd other = new PieceStd();
            again.reset(n);
            other.reset(n);
            for (int p = 0; p < Chunks.count(n); p++) {
                again.pieces(p, expectedW, other, g, Chunks.from(p), Chunks.to(p, n));
            }
            assertEquals(Summary.std(expectedW, n, Parallel.sequential()), again.value(n), 0.0);
            assertEquals(stdG, other.value(n), 0.0);
        }
    }

    /**
     * The reference: the trainer's step as it was before the fused passes, each statistic from its own pass over
     * the finished tensor.
     */
    static List<StepRecord> apart(ExperimentConfig config, TrainConfig train, Strategy strategy, int steps,
                                  Parallel par) {
        Dataset data = new Trainer(Kernels::best, par, 1).dataset(config, train);
        Dataset.Split set = data.train();
        Activation activation = config.activation();
        Mlp mlp = new Mlp(data.inputs(), config.width(), config.depth(), data.outputs(), train.bias(),
                activation.function(config.leakySlope()), Kernels.best(par), par);
        mlp.initialize(strategy.initializer(config.initOptions()), new RandomStreams(config.seed()));
        Summary.SaturationTest saturation = activation.hasSaturation() ? activation::isSaturated : null;
        int depth = config.depth();
        int rows = set.rows();
        float[][] s1 = new float[depth + 2][];
        float[][] s2 = new float[depth + 2][];
        float[][] bs1 = new float[depth + 2][];
        float[][] bs2 = new float[depth + 2][];
        int largest = 0;
        for (int l = 1; l <= depth + 1; l++) {
            s1[l] = new float[mlp.weights(l).length];
            s2[l] = new float[mlp.weights(l).length];
            bs1[l] = new float[mlp.fanOut(l)];
            bs2[l] = new float[mlp.fanOut(l)];
            largest = Math.max(largest, mlp.weights(l).length);
        }
        float[] delta = new float[largest];
        List<StepRecord> records = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            Mlp.Loss loss = mlp.lossAndGradients(set.x(), set.targets(), set.labels(), rows);
            double[] ws = new double[depth + 1];
            double[] gs = new double[depth + 1];
            double[] us = new double[depth + 1];
            for (int l = 1; l <= depth; l++) {
                ws[l] = Summary.std(mlp.weights(l), mlp.weights(l).length, par);
                gs[l] = Summary.std(mlp.weightGradient(l), mlp.weights(l).length, par);
            }
            for (int l = 1; l <= depth + 1; l++) {
                float[] w = mlp.weights(l);
                train.optimizer().update(w, mlp.weightGradient(l), s1[l], s2[l], delta, train.lr(), s + 1, 0,
                        w.length);
                if (l <= depth) {
                    us[l] = Summary.std(delta, w.length, par);
                }
                if (train.bias()) {
                    float[] b = mlp.biases(l);
                    train.optimizer().update(b, mlp.biasGradient(l), bs1[l], bs2[l], delta, train.lr(), s + 1, 0,
                            b.length);
                }
            }
            List<LayerStep> layers = new ArrayList<>();
            for (int l = 1; l <= depth; l++) {
                float[] a = mlp.activation(l, rows);
                Summary sa = Summary.of(a, rows * config.width(), null, 1, saturation, par);
                layers.add(new LayerStep(l, ws[l], gs[l] / ws[l], Math.log10(us[l] / ws[l]), sa.std(),
                        sa.saturatedFraction() == null ? Double.NaN : sa.saturatedFraction(), sa.zeroFraction(),
                        Symmetry.distinctColumns(a, rows, config.width(), par)));
            }
            records.add(new StepRecord(s, loss.loss(), loss.accuracy(), layers));
        }
        return records;
    }
}
