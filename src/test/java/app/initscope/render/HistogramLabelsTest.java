package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The histograms' own texts: the pinned ghost (P) says whose it is, and a title too wide loses its aside first. */
class HistogramLabelsTest {

    @Test
    void everyHistogramOverAGhostNamesTheGhostsStrategy() {
        ExperimentResult r = TestRunners.run(ExperimentConfig.builder().fanIn(200).samples(100).width(100).depth(1)
                .strategies(List.of(Strategy.SMALL, Strategy.XAVIER)).build());
        Figure f = Figures.single(r, Strategy.XAVIER, Figures.Options.DEFAULT, r.find(Strategy.SMALL).orElseThrow());
        assertEquals(3, f.panels().size());
        assertTrue(f.panels().stream().allMatch(p -> "Small".equals(p.data().ghostName())));
        RecordingPen pen = new RecordingPen();
        f.paint(pen);
        assertEquals(3, pen.texts().stream().filter(t -> t.text().equals("grey: Small")).count(),
                "each of the three histograms says whose the ghost is");
    }

    @Test
    void theGhostsNameKeepsClearOfReLUsZeroCount() {
        ExperimentResult r = TestRunners.run(ExperimentConfig.builder().fanIn(200).samples(100).width(100).depth(1)
                .activation(app.initscope.core.nn.Activation.RELU)
                .strategies(List.of(Strategy.XAVIER, Strategy.HE)).build());
        Figure f = Figures.single(r, Strategy.HE, Figures.Options.DEFAULT, r.find(Strategy.XAVIER).orElseThrow());
        RecordingPen pen = new RecordingPen();
        f.paint(pen);
        var ghosts = pen.texts().stream().filter(t -> t.text().startsWith("grey: ")).toList();
        assertEquals(3, ghosts.size());
        for (var g : ghosts) {
            for (var t : pen.texts()) {
                boolean overlap = t != g && t.left() < g.right() && g.left() < t.right() && t.top() < g.bottom()
                        && g.top() < t.bottom();
                assertTrue(!overlap, "'" + g.text() + "' covers '" + t.text() + "'");
            }
        }
    }

    @Test
    void aTitleTooWideDropsItsTrailingAsideBeforeItIsCut() {
        RecordingPen pen = new RecordingPen();
        TextFont font = TextFont.bold(18);
        String title = "Update:data ratio, layer 8 (log10)";
        double plain = pen.textWidth("Update:data ratio, layer 8", font);
        assertEquals("Update:data ratio, layer 8", TextFit.fit(pen, title, font, plain + 1));
        assertEquals(title, TextFit.fit(pen, title, font, pen.textWidth(title, font) + 1));
        assertTrue(TextFit.fit(pen, title, font, plain / 2).endsWith("…"), "narrower still: cut");
    }
}
