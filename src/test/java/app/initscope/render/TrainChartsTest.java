package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The training charts in the Train figure at the window's size (978 × 560 at 1280×720): the 10⁻³ guide's label
 * clear of the data (defect 9), curves that lie on one another both visible and named, and the batch accuracy
 * only when asked for (defect 12).
 */
class TrainChartsTest {

    private static final double W = 978;
    private static final double H = 560;
    private static final int STEPS = 100;

    /** A run of 100 steps with an evaluation every 10: its loss, update ratio (log10) and test accuracy by step. */
    private static TrainResult run(Strategy s, IntToDoubleFunction loss, IntToDoubleFunction ratio,
                                   IntToDoubleFunction accuracy) {
        List<StepRecord> steps = new ArrayList<>();
        List<EvalRecord> evals = new ArrayList<>();
        for (int i = 1; i <= STEPS; i++) {
            steps.add(new StepRecord(i, loss.applyAsDouble(i), 0.3 + 0.2 * (i % 3),
                    List.of(new LayerStep(1, 1, 1, ratio.applyAsDouble(i), 1, Double.NaN, 0, 8))));
            if (i % 10 == 0) {
                evals.add(new EvalRecord(i, loss.applyAsDouble(i), accuracy.applyAsDouble(i), List.of()));
            }
        }
        return new TrainResult(s, steps, evals, -1, Double.NaN, Double.NaN, Double.NaN, true, 0, null);
    }

    private static RecordingPen paint(List<TrainResult> results, TrainFigures.Options o) {
        ExperimentConfig config = ExperimentConfig.builder().fanIn(2).samples(10).width(8).depth(1)
                .strategies(results.stream().map(TrainResult::strategy).toList()).build();
        TrainConfig train = TrainConfig.defaults().withDataset(DatasetId.MOONS).withSteps(STEPS, 10);
        RecordingPen pen = new RecordingPen();
        TrainFigures.figure(config, train, results, o).paint(pen, W, H);
        return pen;
    }

    /** The segments drawn in a strategy's colour within x ∈ [from, to). */
    private static List<RecordingPen.Segment> lines(RecordingPen pen, Strategy s, double from, double to) {
        return pen.segments().stream().filter(g -> g.colour().equals(Palette.of(s)) && g.x1() >= from
                && g.x1() < to).toList();
    }

    @Test
    void theGuideLabelKeepsClearOfALineThatPassesWhereItUsedToBe() {
        // Large zigzags just above 10⁻³ at the right end, where the label sat (right-aligned, above the line)
        TrainResult large = run(Strategy.LARGE, i -> 1, i -> i % 2 == 0 ? -2.95 : -2.75, i -> 0.9);
        TrainResult xavier = run(Strategy.XAVIER, i -> 1, i -> -3.7, i -> 0.8);
        RecordingPen pen = paint(List.of(large, xavier), TrainFigures.Options.DEFAULT);
        List<RecordingPen.Segment> data = new ArrayList<>(lines(pen, Strategy.LARGE, 2 * W / 3, W));
        data.addAll(lines(pen, Strategy.XAVIER, 2 * W / 3, W));
        assertTrue(data.size() > 100, "the ratio chart's lines are drawn: " + data.size());
        assertClearOf(guideLabel(pen), data);
    }

    /** The 10⁻³ guide's label (in the guide's red, not the tick label's ink). */
    private static RecordingPen.Text guideLabel(RecordingPen pen) {
        return pen.texts().stream().filter(t -> t.text().equals("10⁻³") && t.colour().equals(TrainCharts.WARN))
                .findFirst().orElseThrow();
    }

    static void assertClearOf(RecordingPen.Text label, List<RecordingPen.Segment> data) {
        for (RecordingPen.Segment s : data) {
            assertFalse(label.crosses(s), "'" + label.text() + "' at " + label.left() + ", " + label.top()
                    + " crosses " + s);
        }
    }

    @Test
    void whenTheDataCoverTheGuideEverywhereItsLabelGoesToTheAxisMarginInsteadOfATickLabel() {
        TrainResult large = run(Strategy.LARGE, i -> 1, i -> i % 2 == 0 ? -3.4 : -2.6, i -> 0.9);
        TrainResult xavier = run(Strategy.XAVIER, i -> 1, i -> -5, i -> 0.8);
        RecordingPen pen = paint(List.of(large, xavier), TrainFigures.Options.DEFAULT);
        RecordingPen.Text label = guideLabel(pen);
        double[] b = label.box();
        assertClearOf(label, lines(pen, Strategy.LARGE, 2 * W / 3, W));
        for (RecordingPen.Text t : pen.texts()) {
            assertTrue(t == label || t.right() <= b[0] || t.left() >= b[0] + b[2] || t.bottom() <= b[1]
                    || t.top() >= b[1] + b[3], "'" + t.text() + "' overlaps the label");
        }
    }

    @Test
    void aLossThatLiesOnAnotherIsDrawnDashedOverItAndTheLegendSaysSo() {
        double ln10 = Math.log(10);
        TrainResult zero = run(Strategy.ZERO, i -> ln10, i -> Double.NEGATIVE_INFINITY, i -> 0.5);
        TrainResult small = run(Strategy.SMALL, i -> ln10 + 1e-4 * (i % 2), i -> -8, i -> 0.6);
        TrainResult xavier = run(Strategy.XAVIER, i -> 2.3 / (1 + 0.05 * i), i -> -3, i -> 0.9);
        RecordingPen pen = paint(List.of(zero, small, xavier), TrainFigures.Options.DEFAULT);
        List<String> texts = pen.texts().stream().map(RecordingPen.Text::text).toList();
        assertTrue(texts.contains("Small ≈ Zero"), "the legend names the pair: " + texts);
        assertFalse(texts.stream().anyMatch(t -> t.startsWith("Xavier ≈")), "Xavier's loss is apart: " + texts);
        List<RecordingPen.Segment> smallLoss = lines(pen, Strategy.SMALL, 0, W / 3);
        assertFalse(smallLoss.isEmpty());
        assertTrue(smallLoss.stream().allMatch(RecordingPen.Segment::dashed), "Small dashed over Zero");
        assertTrue(lines(pen, Strategy.ZERO, 0, W / 3).stream().noneMatch(RecordingPen.Segment::dashed),
                "Zero solid under it");
    }

    @Test
    void anAccuracyCloserThanALinesWidthToAnotherIsNamedWithIt() {
        TrainResult xavier = run(Strategy.XAVIER, i -> 1, i -> -3, i -> 0.5 + 0.004 * i);
        TrainResult he = run(Strategy.HE, i -> 0.5, i -> -3, i -> 0.505 + 0.004 * i);
        TrainResult large = run(Strategy.LARGE, i -> 2, i -> -2, i -> 0.3);
        RecordingPen pen = paint(List.of(xavier, he, large), TrainFigures.Options.DEFAULT);
        List<String> texts = pen.texts().stream().map(RecordingPen.Text::text).toList();
        assertTrue(texts.contains("He ≈ Xavier"), texts.toString());
    }

    @Test
    void aLongLegendLabelGoesOnToASecondLineRatherThanBeingCut() {
        double ln10 = Math.log(10);
        List<TrainResult> results = List.of(
                run(Strategy.GLOROT_UNIFORM, i -> ln10, i -> Double.NEGATIVE_INFINITY, i -> 0.5),
                run(Strategy.SMALL, i -> ln10 + 1e-4 * (i % 2), i -> -8, i -> 0.5),
                run(Strategy.XAVIER, i -> 2.3 / (1 + 0.05 * i), i -> -3, i -> 0.9));
        ExperimentConfig config = ExperimentConfig.builder().fanIn(2).samples(10).width(8).depth(1)
                .strategies(results.stream().map(TrainResult::strategy).toList()).build();
        TrainConfig train = TrainConfig.defaults().withDataset(DatasetId.MOONS).withSteps(STEPS, 10);
        Figure f = TrainFigures.figure(config, train, results, TrainFigures.Options.DEFAULT);
        List<String> bad = WindowFitTest.cut(f, W, H);
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        List<String> texts = paint(results, TrainFigures.Options.DEFAULT).texts().stream()
                .map(RecordingPen.Text::text).toList();
        assertTrue(texts.contains("Glorot uniform") && texts.contains("(no update)"), texts.toString());
    }

    @Test
    void theBatchAccuracyIsDrawnOnlyWhenAskedFor() {
        List<TrainResult> results = List.of(run(Strategy.XAVIER, i -> 1, i -> -3, i -> 0.9),
                run(Strategy.HE, i -> 0.5, i -> -3, i -> 0.6));
        RecordingPen plain = paint(results, TrainFigures.Options.DEFAULT);
        plain.text("Accuracy (test)");
        assertEquals(0, plain.segments().stream().filter(s -> s.dashed() && s.x1() > W / 3 && s.x1() < 2 * W / 3
                && s.colour().opacity() < 1).count(), "no batch lines by default");

        RecordingPen batch = paint(results, TrainFigures.Options.DEFAULT.withBatch(true));
        batch.text("Accuracy (test; dashed: batch)");
        assertTrue(batch.segments().stream().filter(s -> s.dashed() && s.x1() > W / 3 && s.x1() < 2 * W / 3
                && s.colour().opacity() < 1).count() > 50, "each step's batch accuracy, faint and dashed");
    }
}
