package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.EjmlGemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.stats.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {

    @Test
    void cancellingStopsTheRunAtTheNextStep() {
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> stagesAfterCancel = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void progress(double fraction, String stage) {
                if (cancel.get()) {
                    stagesAfterCancel.add(stage);
                }
                if (stage.contains("forward layer 1")) {
                    cancel.set(true);
                }
            }
        };
        assertThrows(CancellationException.class,
                () -> TestRunners.runner(2).run(ExperimentConfig.defaults(), listener, cancel::get));
        assertTrue(stagesAfterCancel.size() <= 1, "kept going after cancel: " + stagesAfterCancel);
    }

    @Test
    void strategiesArriveInConfigOrderWithProgressUpToOne() {
        List<Strategy> done = new ArrayList<>();
        double[] last = {0};
        ExperimentConfig config = ExperimentConfig.builder().strategies(List.of(Strategy.HE, Strategy.ZERO))
                .fanIn(50).samples(40).build();
        TestRunners.runner(2).run(config, new RunListener() {
            @Override
            public void progress(double fraction, String stage) {
                assertTrue(fraction >= last[0] - 1e-12, "progress went back: " + fraction + " after " + last[0]);
                last[0] = fraction;
            }

            @Override
            public void strategyDone(StrategyResult result) {
                done.add(result.strategy());
            }
        }, () -> false);
        assertEquals(List.of(Strategy.HE, Strategy.ZERO), done);
        assertEquals(1.0, last[0]);
    }

    @Test
    void aFixedRangeCountsWhatFallsOutsideAsUnderAndOverflow() {
        ExperimentConfig config = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER))
                .ranges(Map.of(TensorKind.Z, new Range(-1, 1))).build();
        LayerResult l = TestRunners.run(config).results().get(0).layer(1);
        var h = l.z().histogram();
        assertEquals(-1, h.lo());
        assertEquals(1, h.hi());
        // P(z < -1) = P(z > 1) = 0.1587 for z ~ N(0, 1)
        assertEquals(0.1587, h.underflow() / 1e6, 0.01);
        assertEquals(0.1587, h.overflow() / 1e6, 0.01);
        assertEquals(1_000_000, h.total());
    }

    @Test
    void aRunOnTheKeptNetworkOfAnEarlierRunGivesTheNumbersOfAFreshOne() {
        ExperimentConfig small = ExperimentConfig.builder().samples(300).fanIn(200).width(250).depth(2)
                .strategies(Strategy.SEED).build();
        ExperimentConfig other = small.toBuilder().activation(app.initscope.core.nn.Activation.RELU).seed(7).build();
        ExperimentConfig wider = small.toBuilder().width(260).build();
        ExperimentRunner runner = TestRunners.runner(2);
        ExperimentResult fresh = TestRunners.runner(2).run(small, RunListener.NONE, () -> false);
        // the same shape again; a run cancelled half-way through; another seed and activation; another shape
        assertEquals(fresh.results(), runner.run(small, RunListener.NONE, () -> false).results());
        assertEquals(fresh.results(), runner.run(small, RunListener.NONE, () -> false).results());
        AtomicBoolean cancel = new AtomicBoolean();
        RunListener halfway = new RunListener() {
            @Override
            public void strategyDone(StrategyResult result) {
                cancel.set(true);
            }
        };
        assertThrows(CancellationException.class, () -> runner.run(small, halfway, cancel::get));
        assertEquals(fresh.results(), runner.run(small, RunListener.NONE, () -> false).results());
        assertEquals(TestRunners.runner(1).run(other, RunListener.NONE, () -> false).results(),
                runner.run(other, RunListener.NONE, () -> false).results());
        assertEquals(TestRunners.runner(1).run(wider, RunListener.NONE, () -> false).results(),
                runner.run(wider, RunListener.NONE, () -> false).results());
        assertEquals(fresh.results(), runner.run(small, RunListener.NONE, () -> false).results());
    }

    @Test
    void aConfigTooLargeForTheHeapIsRefusedWithTheEstimate() {
        ExperimentConfig huge = ExperimentConfig.builder().samples(20_000).fanIn(4096).depth(20).build();
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new ExperimentRunner(p -> new EjmlGemm(), Parallel.sequential(), 1L << 30)
                        .run(huge, RunListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("needs about"), e.getMessage());
        assertEquals("memory", e.parameter());
    }
}
