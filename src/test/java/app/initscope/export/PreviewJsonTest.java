package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON report says a preview is one, and says nothing of it for a full run. */
class PreviewJsonTest {

    @Test
    void theJsonMarksAPreviewAndOnlyAPreview() {
        ExperimentConfig config = ExperimentConfig.builder().fanIn(40).samples(200).width(30)
                .strategies(List.of(Strategy.HE)).build();
        StrategyResult preview = TestRunners.runner(1).preview(config, Strategy.HE, 20, () -> false);
        ExperimentResult plain = new ExperimentResult(config, List.of(preview), "k");
        ExperimentResult marked = new ExperimentResult(config, List.of(preview), "k", true);
        assertFalse(JsonReport.toTree(plain, "test", List.of()).has("preview"));
        assertTrue(JsonReport.toTree(marked, "test", List.of()).get("preview").booleanValue());
    }
}
