package app.initscope.ui;

import app.initscope.render.GradientView;
import app.initscope.core.experiment.Catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.export.Preset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presets in the window, presentation mode and its keys, and the guided tour. */
@ExtendWith(ApplicationExtension.class)
class LectureTest {

    private TestWindow window;
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = TestWindow.openSmall(stage);     // the seed experiment itself is MainViewTest's
        model = window.model();
        view = window.view();
    }

    @AfterEach
    void stop() {
        CanvasRegion.zoomProperty().set(1);
        window.close();
    }

    private void await(Predicate<ExperimentResult> which) throws TimeoutException {
        window.awaitComplete(which);
    }

    /** Whether the node and all its parents are visible. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void thePresetsMenuListsEveryBundledPresetAndAClickAppliesOne(FxRobot robot) throws Exception {
        // the menu is filled when it first opens (or after the first picture), not while the window starts
        robot.clickOn("Presets");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu presets = bar.getMenus().stream()
                .filter(m -> "menu-presets".equals(m.getId())).findFirst().orElseThrow();
        assertEquals(Preset.bundledNames().stream().map(n -> "preset-" + n).toList(),
                presets.getItems().stream().map(javafx.scene.control.MenuItem::getId).toList());
        robot.clickOn("Deep ReLU: Xavier vs He");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Activation.RELU, model.draft().choice(Catalog.ACTIVATION).get());
        assertEquals(10, model.draft().integer(Catalog.DEPTH).get());
    }

    @Test
    void aPresetRoundTripsAndRestoresTheView(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.batch(() -> {
                model.draft().integer(Catalog.DEPTH).set(3);
                model.draft().choice(Catalog.ACTIVATION).set(Activation.RELU);
                model.draft().whole(Catalog.SEED).set(9);
            });
            model.view().layerProperty().set(2);
            model.view().gradientProperty().set(GradientView.WEIGHT);
            model.view().logYProperty().set(true);
            model.view().lockAxesProperty().set(true);
            model.view().strategyProperty().set(Strategy.HE);
            view.showView(2);
        });
        String json = model.toPreset().toJson();
        Preset back = Preset.parse(json);
        robot.interact(() -> {
            model.resetToDefaults();
            view.showView(0);
        });
        assertEquals(1, model.draft().integer(Catalog.DEPTH).get());
        robot.interact(() -> assertTrue(view.applyPreset(back, "test")));
        assertEquals(3, model.draft().integer(Catalog.DEPTH).get());
        assertEquals(200, model.draft().integer(Catalog.FAN_IN).get());
        assertEquals(Activation.RELU, model.draft().choice(Catalog.ACTIVATION).get());
        assertEquals(9, model.draft().whole(Catalog.SEED).get());
        assertEquals(2, model.view().layerProperty().get());
        assertEquals(GradientView.WEIGHT, model.view().gradientProperty().get());
        assertTrue(model.view().logYProperty().get());
        assertTrue(model.view().lockAxesProperty().get());
        assertEquals(Strategy.HE, model.view().strategyProperty().get());
        assertEquals("depth", view.visibleView());
        await(r -> r.config().depth() == 3 && r.config().activation() == Activation.RELU);
    }

    @Test
    void aPresetOutsideTheWindowsRangesIsRefusedAndNothingChanges(FxRobot robot) throws Exception {
        await(r -> r.config().fanIn() == 200);
        Preset seed = Preset.bundled("seed-experiment");
        Preset huge = new Preset(null, null, seed.config().toBuilder().fanIn(5000).build(), seed.view());
        robot.interact(() -> assertFalse(view.applyPreset(huge, "huge.json")));
        assertEquals(200, model.draft().integer(Catalog.FAN_IN).get());
        assertTrue(model.status().statusProperty().get().contains("fan_in 5000"),
                model.status().statusProperty().get());
    }

    @Test
    void everyBundledPresetAppliesInTheWindow(FxRobot robot) {
        for (String name : Preset.bundledNames()) {
            robot.interact(() -> assertTrue(view.applyPreset(Preset.bundled(name), name), name));
        }
    }

    @Test
    void presentationKeysChangeTheViewAndEscLeaves(FxRobot robot) throws Exception {
        await(r -> r.config().fanIn() == 200);
        robot.clickOn("#histogram-z");
        robot.type(KeyCode.F11);
        assertTrue(model.presentation().presentingProperty().get());
        assertTrue(view.getStyleClass().contains("present"));
        assertEquals(MainView.PRESENT_ZOOM, CanvasRegion.zoomProperty().get());
        robot.type(KeyCode.H);
        assertFalse(shown(robot.lookup("#fan-in").query()), "H hides the settings");
        robot.type(KeyCode.L);
        assertTrue(model.view().logYProperty().get());
        robot.type(KeyCode.T);
        assertFalse(model.view().showTheoryProperty().get());
        robot.type(KeyCode.P);
        assertNotNull(model.presentation().pinnedProperty().get());
        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        HistogramView z = robot.lookup("#histogram-z").queryAs(HistogramView.class);
        assertNotNull(z.getData().ghost(), "the pinned Xavier shows as a ghost under Large");
        assertEquals(z.getData().histogram().lo(), z.getData().ghost().lo(), "on one axis");
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        assertTrue(model.presentation().helpShownProperty().get());
        robot.type(KeyCode.ESCAPE);
        assertFalse(model.presentation().helpShownProperty().get());
        assertTrue(model.presentation().presentingProperty().get(), "the first Esc only closed the help");
        robot.type(KeyCode.ESCAPE);
        assertTrue(shown(robot.lookup("#fan-in").query()), "the second Esc undid H");
        assertTrue(model.presentation().presentingProperty().get(), "and only that");
        robot.type(KeyCode.ESCAPE);
        assertFalse(model.presentation().presentingProperty().get());
        assertEquals(1.0, CanvasRegion.zoomProperty().get());
        robot.type(KeyCode.P);
        assertNull(model.presentation().pinnedProperty().get());
    }

    @Test
    void theTourSetsEachStepAndItsCaptionQuotesTheLiveNumbers(FxRobot robot) throws Exception {
        robot.clickOn("#histogram-z");
        robot.type(KeyCode.SPACE);
        assertEquals(0, view.tour().stepProperty().get());
        assertEquals(Strategy.ZERO, model.view().strategyProperty().get());
        await(r -> r.config().fanIn() == 1000 && r.config().activation() == Activation.TANH);
        String zero = view.tour().captionProperty().get();
        assertTrue(zero.contains("Distinct units: 1 of 1000"), zero);
        robot.type(KeyCode.SPACE).type(KeyCode.SPACE);
        assertEquals(Strategy.LARGE, model.view().strategyProperty().get());
        await(r -> r.config().fanIn() == 1000);
        double saturated = model.shownProperty().get().layer(1).activation().saturatedFraction();
        String large = view.tour().captionProperty().get();
        assertTrue(large.contains(String.format(Locale.ROOT, "saturated: %.1f%%", 100 * saturated)), large);
        // "what if fan_in were 100?": the caption follows the new numbers
        robot.interact(() -> model.draft().integer(Catalog.FAN_IN).set(100));
        await(r -> r.config().fanIn() == 100);
        double stdZ = model.shownProperty().get().layer(1).z().std();
        String after = view.tour().captionProperty().get();
        assertTrue(after.contains("std z is " + app.initscope.render.Ticks.label(stdZ)), after);
        assertTrue(after.contains("add up 100 inputs"), after);
        robot.type(KeyCode.BACK_SPACE);
        assertEquals(Strategy.SMALL, model.view().strategyProperty().get());
        robot.type(KeyCode.ESCAPE);
        assertFalse(view.tour().isRunning());
        assertEquals("", view.tour().captionProperty().get());
    }
}
