package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.MemoryEstimate;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.init.Strategy;
import app.initscope.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory guard counts the report: {@code run --format json --strategies all --bins 10000 --depth 100} ran out
 * of memory after 10–25 s with a hint that blamed samples, width or depth.
 */
class ReportMemoryTest {

    @Test
    void theEstimateCoversTheJsonTextTwiceOver() {
        ExperimentConfig c = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER, Strategy.HE)).fanIn(20)
                .samples(50).width(20).depth(3).bins(5000).build();
        ExperimentResult r;
        try (Engine engine = new Engine(1)) {
            r = engine.runner().run(c, RunListener.NONE, () -> false);
        }
        String json = JsonReport.toJson(r, "test", List.of(1.0));
        long estimate = MemoryEstimate.reportBytes(c);
        assertTrue(estimate >= 2L * json.length(), "the text and its bytes: " + estimate + " vs " + json.length());
    }

    @Test
    void aHugeReportIsRefusedUpFrontNamingTheBins() {
        ExperimentConfig c = ExperimentConfig.builder().strategies(List.of(Strategy.values())).depth(100)
                .bins(10_000).fanIn(100).samples(100).width(100).build();
        long heap = 1L << 30;
        assertDoesNotThrow(() -> MemoryEstimate.check(c, heap), "the run alone fits");
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> MemoryEstimate.check(c, heap, true, 0));
        assertTrue(e.getMessage().contains("reduce bins"), e.getMessage());
    }
}
