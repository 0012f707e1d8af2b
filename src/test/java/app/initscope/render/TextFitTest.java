package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Defect 10, in the figures: the Zero warning in the compare grid at 720p and a title ending "· previe" were cut
 * off. Every text a chart draws stays inside the chart, and these two are drawn whole.
 */
class TextFitTest {

    /** One text as drawn: where it starts and ends (for its alignment), and in which colour. */
    record Drawn(String text, double left, double right, Rgba colour) {
    }

    /** A pen that records the texts it is asked to draw, with the SVG export's measure. */
    static final class RecordingPen implements Pen {
        final List<Drawn> texts = new ArrayList<>();
        private TextFont font = TextFont.regular(13);
        private TextAlign align = TextAlign.LEFT;
        private Rgba fill = Rgba.BLACK;
        private double dx;

        @Override public void setFill(Rgba c) {
            fill = c;
        }

        @Override public void setStroke(Rgba c) {
        }

        @Override public void setLineWidth(double w) {
        }

        @Override public void setLineDashes(double... dashes) {
        }

        @Override public void setFont(TextFont f) {
            font = f;
        }

        @Override public void setTextAlign(TextAlign a) {
            align = a;
        }

        @Override public void setTextBaseline(Baseline b) {
        }

        @Override public void fillRect(double x, double y, double w, double h) {
        }

        @Override public void strokeLine(double x1, double y1, double x2, double y2) {
        }

        @Override public void fillOval(double x, double y, double w, double h) {
        }

        @Override public void strokeOval(double x, double y, double w, double h) {
        }

        @Override public void fillText(String text, double x, double y) {
            double w = textWidth(text, font);
            double left = dx + switch (align) {
                case LEFT -> x;
                case CENTER -> x - w / 2;
                case RIGHT -> x - w;
            };
            texts.add(new Drawn(text, left, left + w, fill));
        }

        @Override public void beginPath() {
        }

        @Override public void moveTo(double x, double y) {
        }

        @Override public void lineTo(double x, double y) {
        }

        @Override public void stroke() {
        }

        @Override public void save() {
        }

        @Override public void restore() {
        }

        @Override public void translate(double x, double y) {
            dx += x;
        }

        @Override public void rotate(double degrees) {
        }

        @Override public TextMeasure measure() {
            return AwtTextMeasure.INSTANCE;
        }
    }

    private static ExperimentResult result;

    @BeforeAll
    static void compute() {
        result = TestRunners.run(ExperimentConfig.builder().fanIn(200).samples(100).width(100).depth(1)
                .strategies(List.of(Strategy.ZERO, Strategy.XAVIER)).build());
    }

    private static void assertInside(RecordingPen pen, double w) {
        for (Drawn d : pen.texts) {
            assertTrue(d.left() >= -0.5 && d.right() <= w + 0.5, "'" + d.text() + "' spans " + d.left() + ".."
                    + d.right() + " in a chart " + w + " wide");
        }
    }

    @Test
    void theZeroWarningOfACompareCellAt720pIsDrawnWhole() {
        // a compare cell at 1280×720: about 266 × 78 logical pixels
        HistogramChart.Data zero = Plots.data(result, result.find(Strategy.ZERO).orElseThrow(), 1,
                TensorKind.ACTIVATION, "", false, false);
        assertTrue(zero.warning(), zero.note());
        for (double w : new double[] {266, 230}) {
            RecordingPen pen = new RecordingPen();
            HistogramChart.paint(pen, w, 78, zero, true);
            String warning = pen.texts.stream().filter(d -> d.colour().equals(Rgba.web("#b00020")))
                    .map(Drawn::text).reduce((a, b) -> a + " " + b).orElse("");
            assertEquals(zero.note(), warning, "the whole warning at width " + w);
            assertInside(pen, w);
        }
    }

    @Test
    void aLongPreviewTitleOfALargeChartAt720pIsDrawnWholeInsideTheChart() {
        HistogramChart.Data d = Plots.data(result, result.find(Strategy.XAVIER).orElseThrow(), 1,
                TensorKind.WEIGHT_GRADIENT, "Weight gradient ∂L/∂W · layer 10 · preview", true, false);
        double w = 330;                 // a third of the single view at 1280×720, in presentation zoom
        RecordingPen pen = new RecordingPen();
        HistogramChart.paint(pen, w, 420, d, false);
        String title = pen.texts.get(0).text() + (d.title().startsWith(pen.texts.get(0).text() + " ")
                ? " " + pen.texts.get(1).text() : "");
        assertEquals(d.title(), title, "the title, whole (on one or two lines)");
        assertInside(pen, w);
    }
}
