package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import app.initscope.render.ViewTab;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Defect 8 of issue 18: no label of the window is cut short ("Custo…", a Cancel squeezed to "…", "theory std 1
 * (dashed, ±σ d…"), at 1280×720 and 1920×1080, on every view, in every step of the tour, and in presentation mode
 * with the settings shown and hidden. The charts drawn on a canvas have their own test; this one covers every
 * JavaFX label, button, check box, choice and tab of the scene graph.
 */
@ExtendWith(ApplicationExtension.class)
class LabelFitTest {

    /** The sizes a lecturer's projector and monitor have. */
    private static final double[][] SIZES = {{1280, 720}, {1920, 1080}};

    private TestWindow window;
    private MainViewModel model;
    /** The scene laid out: the stage's at 1280×720, one off screen at 1920×1080. */
    private Scene scene;
    /** Every cut label found, with where: one list so that a run names all of them at once. */
    private final Set<String> cut = new LinkedHashSet<>();

    @Start
    void start(Stage stage) {
        window = TestWindow.openAsApp(stage, false);
        scene = stage.getScene();
        model = window.model();
    }

    @AfterEach
    void close() {
        CanvasRegion.zoomProperty().set(1);
        window.close();
    }

    /**
     * Lays the window out at a size: 1280×720 in its stage; larger in a scene of its own off screen, since the
     * headless platform's screen is 1000×1000 and cannot show a taller window. The checks lay the scene out
     * themselves, so both are laid out as a window of that size would be.
     */
    private void sizeTo(FxRobot robot, double[] size) {
        robot.interact(() -> {
            if (scene.getWidth() == size[0] && scene.getHeight() == size[1]) {
                return;
            }
            javafx.scene.Parent root = scene.getRoot();
            scene.setRoot(new javafx.scene.layout.Pane());
            scene = new Scene(root, size[0], size[1]);
            App.style(scene);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(size[0], scene.getWidth(), 0.5, "the scene's width");
        assertEquals(size[1], scene.getHeight(), 0.5, "the scene's height");
    }

    /** Lays the window out as it is now and notes every cut label, under {@code where}. */
    private void check(FxRobot robot, String where) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        // laid out and read in one go: a label that training updates is then read as it was laid out
        robot.interact(() -> {
            scene.getRoot().applyCss();
            if (scene.getWindow() == null) {
                ((javafx.scene.layout.Region) scene.getRoot()).resize(scene.getWidth(), scene.getHeight());
            }
            scene.getRoot().layout();
            scene.getRoot().layout();           // as the next frame: a size set in a layout pass has settled
            found.addAll(CutLabels.in(scene.getRoot()));
        });
        found.forEach(f -> cut.add(where + ": " + f));
        Shots.take(scene, where);
    }

    private void assertNothingCut() {
        assertTrue(cut.isEmpty(), cut.size() + " cut labels:\n" + String.join("\n", cut));
    }

    private static String size(double[] s) {
        return (int) s[0] + "x" + (int) s[1];
    }

    @Test
    void everyViewShowsItsLabelsWholeAtBothSizesInAndOutOfPresentation(FxRobot robot) throws Exception {
        window.awaitComplete(r -> r.config().fanIn() == 200);
        for (double[] s : SIZES) {
            sizeTo(robot, s);
            for (String mode : new String[] {"window", "presenting", "presenting-hidden"}) {
                robot.interact(() -> {
                    model.presentation().setPresenting(!mode.equals("window"));
                    model.presentation().setControlsHidden(mode.endsWith("hidden"));
                });
                for (ViewTab tab : ViewTab.values()) {
                    robot.interact(() -> model.view().tabProperty().set(tab));
                    check(robot, size(s) + " " + mode + " " + tab.id());
                }
                robot.interact(() -> model.view().tabProperty().set(ViewTab.SINGLE));
                for (Strategy st : Strategy.values()) {
                    robot.interact(() -> model.view().strategyProperty().set(st));
                    WaitForAsyncUtils.waitForFxEvents();
                    check(robot, size(s) + " " + mode + " strategy " + st.id());
                }
            }
        }
        assertNothingCut();
    }

    @Test
    void everyTourStepShowsItsLabelsWholeAtBothSizes(FxRobot robot) throws Exception {
        TourController tour = window.view().tour();
        for (double[] s : SIZES) {
            sizeTo(robot, s);
            int steps = tour.tour().steps().size();
            for (int i = 0; i <= steps; i++) {
                robot.interact(tour::next);
                WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !model.status().computingProperty().get());
                check(robot, size(s) + " tour step " + (i + 1));
            }
            robot.interact(tour::stop);
        }
        assertNothingCut();
    }

    @Test
    void aLongPresetDescriptionLeavesTheCancelButtonWhole(FxRobot robot) {
        for (double[] s : SIZES) {
            sizeTo(robot, s);
            robot.interact(() -> model.status().notice("preset Xavier vs He on a deep ReLU network: ten layers of "
                    + "1000 units, where Xavier's signal halves at every layer and He's keeps its scale, so that the "
                    + "room sees the difference grow with depth"));
            check(robot, size(s) + " long status");
        }
        assertNothingCut();
    }
}
