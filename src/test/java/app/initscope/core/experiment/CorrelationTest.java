package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.EjmlGemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Network;
import app.initscope.core.stats.RowCorrelation;
import app.initscope.core.theory.MeanField;
import app.initscope.engine.ComputePool;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Inputs with a set correlation c₀, and the measured correlation per layer against the correlation map. */
class CorrelationTest {

    // ---- the estimator ----------------------------------------------------------------------------------------

    @Test
    void rowCorrelationIsTheMeanCosineOverEveryPair() {
        SplittableRandom rng = new SplittableRandom(5);
        int rows = 70;
        int cols = 23;
        float[] m = new float[rows * cols];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (rng.nextGaussian() + 0.4);           // a shared offset: a positive mean correlation
        }
        java.util.Arrays.fill(m, 5 * cols, 6 * cols, 0f);        // a zero row has no direction: left out
        double sum = 0;
        long pairs = 0;
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < rows; b++) {
                if (a == b || a == 5 || b == 5) {
                    continue;
                }
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int j = 0; j < cols; j++) {
                    dot += (double) m[a * cols + j] * m[b * cols + j];
                    na += (double) m[a * cols + j] * m[a * cols + j];
                    nb += (double) m[b * cols + j] * m[b * cols + j];
                }
                sum += dot / Math.sqrt(na * nb);
                pairs++;
            }
        }
        double expected = sum / pairs;
        assertTrue(expected > 0.05, "the test matrix is correlated: " + expected);
        assertEquals(expected, RowCorrelation.mean(m, rows, cols, Parallel.sequential()), 1e-12);
        Parallel backwards = new Parallel() {
            @Override
            public int parallelism() {
                return 3;
            }

            @Override
            public void forEach(int pieces, IntConsumer body) {
                for (int i = pieces - 1; i >= 0; i--) {
                    body.accept(i);
                }
            }
        };
        assertEquals(RowCorrelation.mean(m, rows, cols, Parallel.sequential()),
                RowCorrelation.mean(m, rows, cols, backwards));
        assertTrue(Double.isNaN(RowCorrelation.mean(new float[10], 2, 5, Parallel.sequential())));
    }

    @Test
    void rowsTakenFourAtATimeGiveTheBitsOfTheRowsOneByOne() {
        SplittableRandom rng = new SplittableRandom(6);
        // blocks of 7 or 8 rows (four at a time, then the rest), and rows of zeros among them and in the rest
        int rows = 250;
        int cols = 37;
        float[] m = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            boolean zero = r % 9 == 2 || r == rows - 1;
            for (int j = 0; j < cols; j++) {
                m[r * cols + j] = zero ? 0f : (float) (0.4 + rng.nextGaussian());
            }
        }
        double expected = oneRowAtATime(m, rows, cols);
        assertEquals(expected, RowCorrelation.mean(m, rows, cols, Parallel.sequential()));
        try (ComputePool pool = new ComputePool(3)) {
            assertEquals(expected, RowCorrelation.mean(m, rows, cols, pool));
        }
    }

    /** RowCorrelation.mean as first written: each block's rows one by one, each row's squares then its terms. */
    private static double oneRowAtATime(float[] data, int rows, int cols) {
        int blocks = Math.min(32, rows);
        double[] total = new double[cols];
        long count = 0;
        for (int block = 0; block < blocks; block++) {
            double[] sum = new double[cols];
            for (int r = rows * block / blocks; r < rows * (block + 1) / blocks; r++) {
                double norm2 = 0;
                for (int j = 0; j < cols; j++) {
                    double v = data[r * cols + j];
                    norm2 += v * v;
                }
                if (norm2 == 0) {
                    continue;
                }
                double scale = 1 / Math.sqrt(norm2);
                for (int j = 0; j < cols; j++) {
                    sum[j] += scale * data[r * cols + j];
                }
                count++;
            }
            for (int j = 0; j < cols; j++) {
                total[j] += sum[j];
            }
        }
        double norm2 = 0;
        for (double v : total) {
            norm2 += v * v;
        }
        return (norm2 - count) / ((double) count * (count - 1));
    }

    // ---- the input ------------------------------------------------------------------------------------------

    private static Network network(int samples, int fanIn) {
        return new Network(samples, fanIn, 4, 1, 1, Activation.LINEAR.function(0), new EjmlGemm(),
                Parallel.sequential());
    }

    @ParameterizedTest
    @CsvSource({"0.0, false", "0.3, false", "0.8, false", "0.5, true"})
    void inputCorrelationIsRealisedAtLayerZero(double c0, boolean uniform) {
        Network net = network(300, 4000);
        net.drawData(new RandomStreams(9), uniform, c0);
        double measured = RowCorrelation.mean(net.input(), 300, 4000, Parallel.sequential());
        // the shared u's own |u|²/fanIn wanders by about √(2/fanIn) = 0.02, which moves the realised c₀ by a
        // quarter of that; the pairs' own noise averages out
        assertEquals(c0, measured, 0.015);
        double m2 = 0;
        for (float v : net.input()) {
            m2 += (double) v * v;
        }
        // E[x²] = c₀·|u|²/fanIn + (1 − c₀)·E[e²]: 1 in expectation, within three of |u|²'s wanderings here
        assertEquals(1.0, m2 / net.input().length, 3 * c0 * Math.sqrt(2.0 / 4000) + 0.01, "E[x²] stays 1");
    }

    @Test
    void zeroCorrelationDrawsTheSameInputAsBefore() {
        Network a = network(50, 30);
        Network b = network(50, 30);
        a.drawData(new RandomStreams(4), false);
        b.drawData(new RandomStreams(4), false, 0.0);
        assertArrayEquals(a.input(), b.input());
        b.drawData(new RandomStreams(4), false, 0.2);
        assertTrue(a.input()[0] != b.input()[0]);
    }

    @Test
    void aCorrelationOfOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> network(5, 5).drawData(new RandomStreams(1), false, 1.0));
        assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().set(Catalog.INPUT_CORRELATION, 1.0).build());
        assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().set(Catalog.INPUT_CORRELATION, -0.1).build());
    }

    // ---- through depth --------------------------------------------------------------------------------------

    private static ExperimentConfig deep(Activation activation, Strategy strategy, double sigma, double sigmaB,
                                         double c0, int width, int depth, long seed) {
        return ExperimentConfig.builder().activation(activation).strategies(List.of(strategy)).sigma(sigma)
                .fanIn(width).width(width).samples(100).depth(depth).outputs(2).seed(seed)
                .set(Catalog.SIGMA_B, sigmaB).set(Catalog.INPUT_CORRELATION, c0).build();
    }

    @ParameterizedTest
    @CsvSource({
        "tanh, xavier, 0, 0.3, 0.2",              // ordered: inputs pull together
        "tanh, custom-normal, 0.0632455532, 0, 0.6",  // σ_w² = 4, chaotic: they drift apart, towards c* < 1
        "relu, he, 0, 0, 0.2",                     // critical ReLU: c creeps towards 1
        "relu, he, 0, 0.5, 0.0"})
    void measuredCorrelationFollowsTheCorrelationMap(String activation, String strategy, double sigma,
                                                      double sigmaB, double c0) {
        ExperimentConfig config = deep(Activation.fromId(activation), Strategy.fromId(strategy), sigma, sigmaB, c0,
                1000, 5, 42);
        StrategyResult r = TestRunners.run(config).results().get(0);
        for (LayerResult l : r.layers()) {
            double predicted = l.theory().correlation();
            assertTrue(Double.isFinite(predicted) && Double.isFinite(l.correlation()));
            assertEquals(predicted, l.correlation(), 0.03, "layer " + l.layer());
        }
        // and the prediction itself is the correlation map, step by step from c₀, independently recomputed here
        // with the 2-D Gauss–Hermite rule (quadrature activations) or the arc-cosine kernel
        MeanField maps = new MeanField(Activation.fromId(activation), 0);
        double sigmaW2 = 1000 * strategyVariance(strategy, sigma);
        double c = (sigmaW2 * c0 + sigmaB * sigmaB) / (sigmaW2 + sigmaB * sigmaB);
        for (int l = 1; l <= 5; l++) {
            if (l > 1) {
                c = maps.correlationMap(sigmaW2, sigmaB * sigmaB, r.layer(l - 1).theory().varianceZ(), c);
            }
            assertEquals(c, r.layer(l).theory().correlation(), 1e-6, "layer " + l);
        }
        if (c0 > 0 && strategy.equals("custom-normal")) {
            assertTrue(r.layer(5).correlation() < c0 - 0.1, "chaos decorrelates: " + r.layer(5).correlation());
        }
    }

    private static double strategyVariance(String strategy, double sigma) {
        return switch (strategy) {
            case "xavier" -> 1.0 / 1000;
            case "he" -> 2.0 / 1000;
            default -> sigma * sigma;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "relu"})
    void finiteWidthDriftShrinksAsTheWidthGrows(String activation) {
        Activation a = Activation.fromId(activation);
        Strategy s = a == Activation.TANH ? Strategy.XAVIER : Strategy.HE;
        double[] drift = new double[2];
        int[] widths = {250, 1000};
        for (int w = 0; w < 2; w++) {
            for (long seed = 1; seed <= 3; seed++) {
                StrategyResult r = TestRunners.run(deep(a, s, 0, 0.2, 0.3, widths[w], 10, seed)).results().get(0);
                for (LayerResult l : r.layers()) {
                    drift[w] += Math.abs(l.correlation() - l.theory().correlation()) / 30;
                }
            }
        }
        assertTrue(drift[1] < drift[0], "mean |measured − predicted| at width 1000 (" + drift[1]
                + ") below width 250's (" + drift[0] + ")");
        assertTrue(drift[1] < 0.03, "width 1000 stays close: " + drift[1]);
    }

    @Test
    void constantWeightsHaveNoPredictedCorrelation() {
        StrategyResult r = TestRunners.run(ExperimentConfig.builder().strategies(List.of(Strategy.CONSTANT))
                .fanIn(20).samples(10).depth(2).set(Catalog.INPUT_CORRELATION, 0.5).build()).results().get(0);
        assertTrue(Double.isNaN(r.layer(1).theory().correlation()));
        assertTrue(Double.isNaN(r.layer(2).theory().correlation()));
    }
}
