package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Optimizer;
import app.initscope.core.train.TrainCatalog;
import app.initscope.export.Preset;
import app.initscope.render.AxisMode;
import app.initscope.render.PhaseChart;
import app.initscope.render.ViewCatalog;
import app.initscope.render.ViewTab;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's one state model: every entry of the experiment's, the training's and the view's catalogs survives
 * a restart, a preset saved and loaded, and a tour entered and left; the tour gives back the lesson it found.
 */
@ExtendWith(ApplicationExtension.class)
class WindowStateTest {

    private TestWindow window;
    private MainViewModel model;
    private Preferences node;

    @Start
    void start(Stage stage) {
        window = TestWindow.openSmall(stage);
        model = window.model();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        if (node != null) {
            node.removeNode();
        }
    }

    /** Every setting of the window, the compared strategies and the tab included. */
    private Map<String, Object> state(MainViewModel m) {
        Map<String, Object> all = new LinkedHashMap<>();
        m.drafts().forEach((prefix, draft) -> draft.values().forEach((s, v) -> all.put(prefix + s.id(), v)));
        all.put("compared", List.copyOf(m.view().comparedStrategies()));
        return all;
    }

    /** A value of {@code s} other than its default, in the window's range, and cheap to compute. */
    private static Object otherThanDefault(Setting<?> s) {
        Object d = s.defaultValue();
        return switch (s.kind()) {
            case INTEGER -> {
                int v = (Integer) d;
                yield v - 1 >= s.windowMin() && !s.isWord(v - 1) ? v - 1 : v + 1;
            }
            case WHOLE -> (Long) d + 1;
            case NUMBER -> {
                double v = (Double) d * 0.5;
                yield v >= s.windowMin() && v != (Double) d ? v : (s.windowMin() + s.windowMax()) / 2;
            }
            case CHOICE, LIST -> Arrays.stream(s.choices().split(",")).map(String::trim).map(s::parse)
                    .filter(v -> !v.equals(d)).findFirst().orElseThrow();
        };
    }

    /** Sets every setting of every draft off its default (the layer within the depth), and two compared. */
    private void changeEverything() {
        model.batch(() -> {
            model.drafts().forEach((prefix, draft) -> {
                for (Setting<?> s : draft.settings()) {
                    draft.set(s, otherThanDefault(s));
                }
            });
            model.draft().set(Catalog.DEPTH, 3);
            model.view().layerProperty().set(2);
            model.view().comparedStrategies().setAll(List.of(Strategy.ZERO, Strategy.HE));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everySettingIsOffItsDefaultInTheRoundTripsBelow(FxRobot robot) {
        robot.interact(this::changeEverything);
        Set<String> unchanged = new HashSet<>();
        model.drafts().forEach((prefix, draft) -> draft.settings().forEach(s -> {
            if (draft.get(s).equals(s.defaultValue())) {
                unchanged.add(prefix + s.id());
            }
        }));
        assertEquals(Set.of(), unchanged, "the round trips would not see these");
        assertTrue(model.drafts().get("view.").settings().containsAll(ViewCatalog.ALL));
        assertTrue(model.drafts().get("train.").settings().containsAll(TrainCatalog.ALL));
    }

    @Test
    void everySettingSurvivesARestart(FxRobot robot) {
        node = Preferences.userRoot().node("initscope-test-" + UUID.randomUUID());
        robot.interact(this::changeEverything);
        Map<String, Object> before = state(model);
        robot.interact(() -> new Settings(node).save(model));
        MainViewModel[] next = new MainViewModel[1];
        robot.interact(() -> {
            next[0] = new MainViewModel(new ExperimentService(window.engine()));
            new Settings(node).restore(next[0]);
        });
        assertEquals(before, state(next[0]));
        robot.interact(next[0]::cancel);
    }

    @Test
    void everySettingSurvivesAPresetSavedAndLoaded(FxRobot robot) throws Exception {
        robot.interact(this::changeEverything);
        Map<String, Object> before = state(model);
        Preset read = Preset.parse(model.toPreset().toJson());
        robot.interact(model::resetToDefaults);
        assertNotEquals(before, state(model));
        robot.interact(() -> model.apply(read));
        assertEquals(before, state(model));
    }

    @Test
    void everySettingSurvivesATourEnteredAndLeft(FxRobot robot) {
        robot.interact(this::changeEverything);
        Map<String, Object> before = state(model);
        robot.interact(() -> {
            window.view().tour().next();
            window.view().tour().next();
            window.view().tour().next();
        });
        assertNotEquals(before, state(model), "the tour's steps change the settings");
        robot.interact(() -> window.view().tour().stop());
        assertEquals(before, state(model));
    }

    @Test
    void spaceOnTheTrainTabStartsTheTourAndEscGivesTheLessonAndItsRunBack(FxRobot robot) throws Exception {
        robot.interact(() -> window.view().applyPreset(Preset.bundled("train-spiral-relu"), "spiral"));
        robot.interact(() -> model.train().draft().set(TrainCatalog.STEPS, 60));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ViewTab.TRAIN, model.view().tabProperty().get());
        robot.clickOn("#train-play");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.train().service().stateProperty().get()
                == TrainService.State.DONE);
        var run = model.train().latest();
        Map<String, Object> lesson = state(model);

        robot.clickOn("#views");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.view().tour().isRunning());
        assertEquals("tanh", model.draft().get(Catalog.ACTIVATION).id(), "the tour's first step");
        assertEquals(TrainService.State.IDLE, model.train().service().stateProperty().get(),
                "the lesson's training does not go on, silently, with the tour's network");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.view().tour().isRunning());
        assertEquals(lesson, state(model), "every setting is back");
        assertEquals(DatasetId.SPIRAL, model.train().draft().get(TrainCatalog.DATASET));
        assertEquals(ViewTab.TRAIN, model.view().tabProperty().get());
        assertSame(run, model.train().latest(), "the run on screen before the tour is on screen again");
        assertEquals(model.train().request(), model.train().latest().request(), "and it is not stale");
    }

    @Test
    void kPlaysAndPausesTheTrainingAndTheKeyListSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> model.view().tabProperty().set(ViewTab.TRAIN));
        robot.interact(() -> {
            model.train().draft().set(TrainCatalog.DATASET, DatasetId.XOR);
            model.train().draft().set(TrainCatalog.STEPS, 100_000);
        });
        robot.clickOn("#views");
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainService.State.RUNNING, model.train().service().stateProperty().get());
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainService.State.PAUSED, model.train().service().stateProperty().get());
        List<String> keys = new ArrayList<>();
        robot.lookup("#help .help-key").queryAllAs(javafx.scene.control.Label.class)
                .forEach(l -> keys.add(l.getText()));
        assertTrue(keys.contains("K"), "the key list names K: " + keys);
    }

    @Test
    void aTourStepSetsEveryViewOptionItsCaptionReliesOn(FxRobot robot) {
        robot.interact(() -> {
            model.view().phaseColourProperty().set(PhaseChart.Mode.XIC);
            model.view().logYProperty().set(true);
            model.view().compareAxesProperty().set(AxisMode.OWN);
        });
        TourController tour = window.view().tour();
        robot.interact(tour::next);
        assertFalse(model.view().logYProperty().get(), "step 1 reads linear counts");
        int phase = -1;
        for (int i = 0; i < tour.tour().steps().size(); i++) {
            if (tour.tour().steps().get(i).tab().equals("phase")) {
                phase = i;
            }
        }
        assertTrue(phase > 0);
        for (int i = 1; i <= phase; i++) {
            robot.interact(tour::next);
        }
        assertEquals(ViewTab.PHASE, model.view().tabProperty().get());
        assertEquals(PhaseChart.Mode.CHI1, model.view().phaseColourProperty().get(),
                "the phase step's caption describes ln χ₁'s colours");
    }

    @Test
    void pickingAnotherStrategyDuringAStepSaysTheCaptionIsNotAboutIt(FxRobot robot) throws Exception {
        TourController tour = window.view().tour();
        robot.interact(tour::next);
        assertTrue(tour.captionProperty().get().startsWith("Step 1 of"), tour.captionProperty().get());
        robot.clickOn("#views");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Strategy.SMALL, model.view().strategyProperty().get());
        String caption = tour.captionProperty().get();
        assertFalse(caption.contains("Step 1 of " + tour.tour().steps().size() + " · Zero"), caption);
        assertTrue(caption.contains("the charts show Small"), caption);
        assertNotNull(model.view().strategyProperty().get());
    }

    @Test
    void theTrainSettingsOfAPresetAreItsOwnAndTheOptimizerRoundTrips(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.train().draft().set(TrainCatalog.DATASET, DatasetId.MOONS);
            model.train().draft().set(TrainCatalog.OPTIMIZER, Optimizer.ADAM);
            model.train().draft().set(TrainCatalog.LEARNING_RATE, 0.01);
            model.train().draft().set(TrainCatalog.STEPS, 300);
        });
        Preset p = Preset.parse(model.toPreset().toJson());
        assertEquals(DatasetId.MOONS, p.train().dataset());
        assertEquals(Optimizer.ADAM, p.train().optimizer());
        assertEquals(0.01, p.train().lr());
        assertEquals(300, p.train().steps());
    }

    @Test
    void theViewRegistryAndTheTabOptionListTheSameViewsInTheSameOrder() {
        assertEquals(Arrays.stream(ViewTab.values()).map(ViewTab::id).toList(),
                ViewRegistry.PAGES.stream().map(k -> k.info().id()).toList());
    }

    @Test
    void inPresentationTheTourHidesTheSettingsWhileItRunsAndGivesThemBack(FxRobot robot) {
        robot.interact(() -> model.presentation().setPresenting(true));
        assertFalse(model.presentation().controlsHiddenProperty().get());
        robot.interact(() -> window.view().tour().next());
        assertTrue(model.presentation().controlsHiddenProperty().get(), "the charts get the room");
        robot.interact(() -> window.view().tour().stop());
        assertFalse(model.presentation().controlsHiddenProperty().get(), "the settings are back");
        robot.interact(() -> model.presentation().setPresenting(false));
    }
}
