package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart frame's own work, seen through a by-layer chart: guide labels off the data, ticks inside the chart. */
class ChartFrameTest {

    @Test
    void aVerticalGuidesLabelMovesOffALineThatRunsThroughWhereItWas() {
        // Large runs just under the top of the axis from layer 3 to 6, through where a guide at layer 3 put its label
        double[] large = {1e-3, 1e-2, 0.7, 0.7, 0.7, 0.7, 1e-2, 1e-3, 1e-3, 1e-3};
        double[] xavier = {0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002};
        RecordingPen pen = new RecordingPen();
        LayerLines.paint(pen, 500, 240, "std(a) by layer", "std(a), log scale",
                List.of(new LayerLines.Series(Strategy.LARGE, large), new LayerLines.Series(Strategy.XAVIER, xavier)),
                new LayerLines.Guide(3, "6·ξ_c = 3", Palette.of(Strategy.HE)));
        List<RecordingPen.Segment> data = pen.segments().stream().filter(s -> s.colour().equals(
                Palette.of(Strategy.LARGE)) || s.colour().equals(Palette.of(Strategy.XAVIER))).toList();
        assertTrue(data.size() >= 18, "both lines are drawn");
        TrainChartsTest.assertClearOf(pen.text("6·ξ_c = 3"), data);
    }

    @Test
    void everyTickLabelOfANarrowChartStaysInsideIt() {
        RecordingPen pen = new RecordingPen();
        double w = 260;
        LayerLines.paint(pen, w, 200, "std(a)", "std(a)",
                List.of(new LayerLines.Series(Strategy.HE, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})));
        for (RecordingPen.Text t : pen.texts()) {
            assertTrue(t.rotated() || t.left() >= 0 && t.right() <= w, "'" + t.text() + "' spans " + t.left()
                    + ".." + t.right());
        }
    }
}
