package app.initscope.ui;

import app.initscope.render.GradientView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tour's "Does it learn?" part: its steps train the digits preset's network and quote the live numbers. */
class TourTrainTest {

    private static TrainResult result(Strategy s, double loss, double testLoss, double testAcc, double ratio,
                                      int steps) {
        List<StepRecord> records = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            records.add(new StepRecord(i, loss, 0.1, List.of(new LayerStep(1, 0.1, 0, ratio, 0.5, 0, 0, 1))));
        }
        return new TrainResult(s, records, List.of(new EvalRecord(0, 2.3, 0.1, List.of()),
                new EvalRecord(steps, testLoss, testAcc, List.of())), -1, Double.NaN, Double.NaN, Double.NaN,
                false, 1, null);
    }

    @Test
    void theTrainStepsSetTheDigitsNetworkAndPlay() {
        List<Tour.Step> train = Tour.bundled().steps().stream().filter(Tour.Step::play).toList();
        assertTrue(train.size() >= 4, "a part of several steps");
        Tour.Step first = train.getFirst();
        assertEquals("train", first.tab());
        assertEquals(Strategy.SEED, first.compared());
        assertEquals(DatasetId.DIGITS, first.train().get(TrainCatalog.DATASET));
        assertEquals(4, first.config().get(app.initscope.core.experiment.Catalog.DEPTH));
        assertTrue(train.stream().allMatch(s -> s.tab().equals("train")));
        assertTrue(Tour.bundled().steps().stream().filter(s -> !s.play()).allMatch(s -> s.train().isEmpty()),
                "the earlier steps are as they were");
    }

    @Test
    void aTrainCaptionQuotesTheNumbersOfTheNamedStrategies() {
        Tour.Step step = new Tour.Step("t", Map.of(), Strategy.ZERO, "train", 1, GradientView.DELTA,
                "Zero: {testLoss:zero} after {step} steps, ratio {ratio:zero}; Xavier: {testAcc:xavier}, "
                        + "ratio {ratio:xavier}; He: {testAcc:he}", Strategy.SEED, Map.of(), true);
        List<TrainResult> results = List.of(
                result(Strategy.ZERO, Math.log(10), Math.log(10), 0.1, Double.NEGATIVE_INFINITY, 300),
                result(Strategy.XAVIER, 0.3, 0.31, 0.912, -2.7, 300));
        List<TrainResult> zeroWeights = List.of(result(Strategy.ZERO, 2.3, 2.3, 0.1, Double.NaN, 3));
        String caption = Tour.trainCaption(step, results);
        assertEquals("Zero: 2.303 after 300 steps, ratio 0; Xavier: 91%, ratio 0.001995; He: …", caption);
        assertFalse(Tour.trainCaption(step, null).contains("{"), "placeholders before any result: …");
        assertTrue(Tour.trainCaption(step, zeroWeights).contains("ratio 0;"), "0/0 of weights that are 0: 0");
    }
}
