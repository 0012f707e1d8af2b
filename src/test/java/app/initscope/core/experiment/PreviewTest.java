package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Network;
import app.initscope.core.stats.Summary;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A preview on the first rows against the full run, and against a plain run on those rows. */
class PreviewTest {

    private static final int SAMPLES = 4000;
    private static final int ROWS = 500;
    private static final ExperimentConfig CONFIG = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER))
            .activation(Activation.TANH).fanIn(500).samples(SAMPLES).width(500).depth(2).build();

    private static StrategyResult full;
    private static StrategyResult preview;
    /** A full run of only ROWS samples: the same rows, but dY divided by ROWS. */
    private static StrategyResult small;

    @BeforeAll
    static void run() {
        ExperimentRunner runner = TestRunners.runner(2);
        full = runner.run(CONFIG, RunListener.NONE, () -> false).results().get(0);
        preview = runner.preview(CONFIG, Strategy.XAVIER, ROWS, () -> false);
        small = runner.run(CONFIG.toBuilder().samples(ROWS).build(), RunListener.NONE, () -> false).results().get(0);
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected),
                what + ": expected " + expected + " ± " + (relative * 100) + "%, got " + actual);
    }

    @Test
    void aPreviewEstimatesTheRowwiseStatisticsOfTheFullRun() {
        for (int l = 1; l <= CONFIG.depth(); l++) {
            LayerResult f = full.layer(l);
            LayerResult p = preview.layer(l);
            assertEquals((long) ROWS * CONFIG.width(), p.z().count());
            // 500 independent rows of 500 units: the sampling error of a std is well under 1%.
            assertClose(f.z().std(), p.z().std(), 0.03, "std z, layer " + l);
            assertClose(f.activation().std(), p.activation().std(), 0.03, "std a, layer " + l);
            assertClose(f.localGradient().std(), p.localGradient().std(), 0.03, "std φ′, layer " + l);
            assertClose(f.delta().std(), p.delta().std(), 0.03, "std δ, layer " + l);
            // A fraction of 250 000 values (p ≈ 0.04 in layer 1): √(p(1−p)/250 000) ≈ 0.0004 if they were
            // independent; units of one row are not, so allow several times that.
            assertEquals(f.activation().saturatedFraction(), p.activation().saturatedFraction(), 0.003,
                    "saturated fraction, layer " + l);
            assertEquals(f.weightStd(), p.weightStd(), "the same weights");
        }
        // The loss is a mean of 500·10 squared residuals whose relative spread is about √2: ±2% per σ.
        assertClose(full.loss(), preview.loss(), 0.1, "loss");
    }

    @Test
    void deltaIsNormalizedByTheFullRunsSamplesNotByTheRowsHeld() {
        for (int l = 1; l <= CONFIG.depth(); l++) {
            // The same rows and weights, so the forward pass is the same.
            assertEquals(small.layer(l).z(), preview.layer(l).z(), "z, layer " + l);
            assertEquals(small.layer(l).activation(), preview.layer(l).activation(), "a, layer " + l);
            // dY = (y − T)/500 against (y − T)/4000; everything after is linear in dY, so δ scales by 4000/500.
            double ratio = small.layer(l).delta().std() / preview.layer(l).delta().std();
            assertEquals((double) SAMPLES / ROWS, ratio, 1e-4, "δ ratio, layer " + l);
            // And without the normalizer the preview's δ would be 8× the full run's, not close to it.
            assertClose(SAMPLES / ROWS * full.layer(l).delta().std(), small.layer(l).delta().std(), 0.03,
                    "unnormalized δ, layer " + l);
        }
        assertEquals(small.loss(), preview.loss(), 1e-12 * small.loss(), "the loss is a mean either way");
    }

    @Test
    void theFirstRowsOfTheInputAndTargetsDoNotDependOnTheSampleCount() {
        for (InputDistribution input : InputDistribution.values()) {
            ExperimentConfig big = CONFIG.toBuilder().fanIn(7).width(3).samples(20_000).outputs(10).input(input)
                    .build();
            ExperimentConfig part = big.toBuilder().samples(5001).build();
            ExperimentRunner runner = TestRunners.runner(2);
            Network a = runner.newNetwork(big);
            Network b = runner.newNetwork(part);
            a.drawData(new RandomStreams(big.seed()), input == InputDistribution.UNIFORM);
            b.drawData(new RandomStreams(big.seed()), input == InputDistribution.UNIFORM);
            // 5001·7 inputs and 5001·10 targets cross a piece boundary of the random streams (32 768 values).
            assertArrayEquals(Arrays.copyOf(a.input(), b.input().length), b.input(), input.toString());
            assertArrayEquals(Arrays.copyOf(a.targets(), b.targets().length), b.targets(), input.toString());
        }
    }

    @Test
    void aPreviewOfEveryRowIsTheFullRun() {
        ExperimentConfig config = ExperimentConfig.builder().strategies(List.of(Strategy.HE, Strategy.ZERO))
                .activation(Activation.RELU).fanIn(60).samples(300).width(40).depth(3).build();
        ExperimentRunner runner = TestRunners.runner(2);
        ExperimentResult run = runner.run(config, RunListener.NONE, () -> false);
        for (Strategy s : config.strategies()) {
            assertEquals(run.find(s).orElseThrow(), runner.preview(config, s, config.samples(), () -> false));
        }
    }

    @Test
    void previewRowsSpendsTheBudgetToWithinOneRow() {
        ExperimentConfig big = CONFIG.toBuilder().samples(200_000).depth(5).build();
        for (double budget : new double[] {1e9, 3.3e9, 1.7e10, 9.99e10}) {
            int k = big.previewRows(budget);
            double cost = big.toBuilder().samples(k).build().multiplyAdds();
            double next = big.toBuilder().samples(k + 1).build().multiplyAdds();
            assertTrue(cost <= budget && budget < next, budget + ": " + k + " rows cost " + cost + ", one more "
                    + next);
        }
        assertEquals(10, big.previewRows(0));
        assertEquals(10, big.previewRows(1e6));
        assertEquals(200_000, big.previewRows(1e20));
        assertEquals(200_000, big.previewRows(Double.POSITIVE_INFINITY));
        assertEquals(6, big.toBuilder().samples(6).build().previewRows(1e6), "never more rows than samples");
        assertThrows(IllegalArgumentException.class, () -> big.previewRows(-1));
        assertThrows(IllegalArgumentException.class, () -> big.previewRows(Double.NaN));
    }

    @Test
    void aPreviewStopsAtTheNextStepWhenCancelled() {
        ExperimentRunner runner = TestRunners.runner(2);
        assertThrows(CancellationException.class, () -> runner.preview(CONFIG, Strategy.HE, 50, () -> true));
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class,
                () -> runner.preview(CONFIG, Strategy.HE, 50, () -> polls.incrementAndGet() > 3));
        assertEquals(4, polls.get(), "kept polling after the cancel");
    }

    @Test
    void previewRowsMustBeBetweenOneAndTheSamples() {
        ExperimentRunner runner = TestRunners.runner(2);
        assertThrows(IllegalArgumentException.class, () -> runner.preview(CONFIG, Strategy.HE, 0, () -> false));
        assertThrows(IllegalArgumentException.class,
                () -> runner.preview(CONFIG, Strategy.HE, SAMPLES + 1, () -> false));
    }

    @Test
    void aResultIsAPreviewOnlyWhenSaidSo() {
        assertFalse(new ExperimentResult(CONFIG, List.of(full), "k").preview());
        assertTrue(new ExperimentResult(CONFIG, List.of(preview), "k", true).preview());
    }

    @Test
    void summariesOfAPreviewCountOnlyItsRows() {
        Summary dw = preview.layer(2).weightGradient();
        assertEquals((long) CONFIG.width() * CONFIG.width(), dw.count(), "dW keeps its shape");
        assertEquals((long) ROWS * CONFIG.width(), preview.layer(2).delta().count());
    }
}
