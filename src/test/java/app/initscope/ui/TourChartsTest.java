package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Defect 4 of issue 18, third bullet: at 1280×720 the charts that the tour's steps talk about (the Jacobian
 * spectrum, the training loss and accuracy, the heat map and the decision regions) lay below the fold or under the
 * caption. Every chart a step's caption
 * names shows whole in the window while the step shows, above the caption bar.
 */
@ExtendWith(ApplicationExtension.class)
class TourChartsTest {

    /** What a caption of a step on a tab says, and the chart (the start of its title) that shows it. */
    private record Named(String words, String tab, String chart) {
    }

    private static final List<Named> NAMED = List.of(
            new Named("singular value", "depth", "Jacobian"),
            new Named("std(a)", "depth", "std(a) by layer"),
            new Named("test loss", "train", "Training loss"),
            new Named("accuracy", "train", "Accuracy"),
            new Named("update", "train", "Update:data"),
            new Named("heat map", "train", "Activation a over the steps"),
            new Named("regions", "train", "He · test"));

    private TestWindow window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.openAsApp(stage, false);          // 1280×720 with the app's style sheets
        model = window.model();
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void everyChartACaptionNamesIsOneTheStepShows() {
        Tour tour = Tour.bundled();
        for (int i = 0; i < tour.steps().size(); i++) {
            String caption = tour.steps().get(i).caption().toLowerCase(Locale.ROOT);
            for (Named n : NAMED) {
                if (caption.contains(n.words()) && tour.steps().get(i).tab().equals(n.tab())) {
                    assertTrue(tour.charts(i).contains(n.chart()), "step " + (i + 1) + " talks about '"
                            + n.words() + "' but does not show the chart '" + n.chart() + "': " + tour.charts(i));
                }
            }
        }
    }

    @Test
    void everyStepShowsTheChartsItTalksAboutAbove720psCaptionBar(FxRobot robot) throws Exception {
        TourController tour = window.view().tour();
        List<String> hidden = new ArrayList<>();
        int steps = tour.tour().steps().size();
        for (int i = 0; i < steps; i++) {
            robot.interact(tour::next);
            List<String> charts = tour.tour().charts(i);
            if (charts.isEmpty()) {
                continue;
            }
            FigureView figure = robot.lookup("#" + tour.tour().steps().get(i).tab() + "-figure")
                    .queryAs(FigureView.class);
            // the Jacobian is computed, and training draws its charts with its first snapshot
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    charts.stream().allMatch(c -> figure.chart(c) != null)).get());
            WaitForAsyncUtils.waitForFxEvents();
            int step = i + 1;
            robot.interact(() -> {
                ScrollPane scroll = enclosing(figure);
                Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                double caption = robot.lookup("#tour-caption").query().getParent()
                        .localToScene(0, 0).getY();
                for (String c : charts) {
                    Bounds b = figure.localToScene(figure.chart(c));
                    if (b.getMinY() < view.getMinY() - 0.5 || b.getMaxY() > view.getMaxY() + 0.5
                            || b.getMaxY() > caption + 0.5) {
                        hidden.add(String.format(Locale.ROOT, "step %d: '%s' spans y %.0f–%.0f; the view shows "
                                + "%.0f–%.0f and the caption bar starts at %.0f", step, c, b.getMinY(), b.getMaxY(),
                                view.getMinY(), view.getMaxY(), caption));
                    }
                }
            });
            Shots.take(figure.getScene(), "tour-720p-step-" + step);
        }
        robot.interact(tour::stop);
        assertTrue(hidden.isEmpty(), "charts out of sight:\n" + String.join("\n", hidden));
    }

    private static ScrollPane enclosing(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                return s;
            }
        }
        assertNotNull(null, "a scroll pane around " + n);
        return null;
    }
}
