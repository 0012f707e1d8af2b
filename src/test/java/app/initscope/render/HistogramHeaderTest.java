package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.stats.Summary;
import org.junit.jupiter.api.Test;

/**
 * A small multiple's header leaves its plot room: in a short cell (the depth view's 30 layers at 1920×1080 left
 * the ReLU activations' plots 12 px high under "std 0.5803" and "zeros 49.9%") the statistics take one line.
 */
class HistogramHeaderTest {

    private static double top(double w, double h) {
        float[] relu = new float[1000];
        for (int i = 0; i < relu.length; i++) {
            relu[i] = i % 2 == 0 ? 0 : i / 1000f;
        }
        Summary s = Summary.of(relu, relu.length, null, 60, null, app.initscope.core.linalg.Parallel.sequential());
        HistogramChart.Data d = new HistogramChart.Data("layer 1", "a", s, Palette.of(
                app.initscope.core.init.Strategy.HE), Double.NaN, null, false, false);
        return HistogramHeader.compact(new SvgPen(w, h, AwtTextMeasure.INSTANCE), w, h, d);
    }

    @Test
    void aShortNarrowCellKeepsOneLineOfStatisticsATallOneWrapsThem() {
        double tall = top(110, 200);
        double shortCell = top(110, HistogramHeader.SHORT_CELL - 1);
        assertEquals(2 + 16 + 16 + 4, shortCell, 1e-9, "the title and one line of statistics");
        assertTrue(tall > shortCell, "a tall narrow cell wraps 'std · zeros' to two lines: " + tall);
        assertEquals(shortCell, top(400, 200), 1e-9, "a wide cell fits them on one line anyway");
    }
}
