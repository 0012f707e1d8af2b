package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.TrainCatalog;
import app.initscope.export.Preset;
import app.initscope.render.ViewTab;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every tab greys what does not belong to the current settings, says so, and never hides a tab's header. */
@ExtendWith(ApplicationExtension.class)
class StaleMarkTest {

    private TestWindow window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.openAsApp(stage, false);
        model = window.model();
    }

    @AfterEach
    void close() {
        window.close();
    }

    /** Trains xor for a while and stops: the charts keep the run, and the training stays stopped. */
    private void trainXorAndStop(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.view().tabProperty().set(ViewTab.TRAIN);
            model.train().draft().set(TrainCatalog.DATASET, DatasetId.XOR);
            model.train().draft().set(TrainCatalog.STEPS, 1_000_000);
        });
        robot.clickOn("#train-play");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.train().latest() != null);
        robot.interact(model::cancel);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.train().service().stateProperty().get()
                == TrainService.State.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTrainingRunOfOtherSettingsIsGreyedAndLabelledBelowTheTabHeaders(FxRobot robot) throws Exception {
        trainXorAndStop(robot);
        Node train = window.view().train();
        Label stale = robot.lookup("#stale").queryAs(Label.class);
        assertEquals(1.0, train.getOpacity());
        assertFalse(stale.isVisible());

        robot.interact(() -> model.train().draft().set(TrainCatalog.DATASET, DatasetId.MOONS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.45, train.getOpacity(), 1e-9, "the xor run is not the moons settings' run");
        assertTrue(stale.isVisible());
        assertTrue(stale.getText().contains("xor"), stale.getText());
        Bounds label = stale.localToScene(stale.getBoundsInLocal());
        for (Node header : robot.lookup(".tab-header-area").queryAll()) {
            Bounds h = header.localToScene(header.getBoundsInLocal());
            assertTrue(label.getMinY() >= h.getMaxY() - 1, "the stale label " + label + " covers the tab headers " + h);
        }
    }

    @Test
    void resetThenAnotherPresetWhileTrainingNeverShowsTheOldRunAsCurrent(FxRobot robot) throws Exception {
        robot.interact(() -> window.view().applyPreset(Preset.bundled("train-digits-tanh"), "digits"));
        robot.interact(() -> model.train().draft().set(TrainCatalog.STEPS, 100_000));
        robot.clickOn("#train-play");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.train().latest() != null);
        robot.interact(model::resetToDefaults);
        robot.interact(() -> window.view().applyPreset(Preset.bundled("train-spiral-relu"), "spiral"));
        WaitForAsyncUtils.waitForFxEvents();
        var run = model.train().latest();
        boolean current = run == null || run.request().equals(model.train().request());
        assertTrue(current || window.view().train().getOpacity() < 1,
                "the charts show the spiral's run, or are greyed: " + (run == null ? null
                        : run.request().train().dataset()));
        robot.interact(() -> model.train().pause());
    }

    @Test
    void afterCancelTheCompareGridNoLongerWaitsForRowsThatWillNotCome(FxRobot robot) throws Exception {
        window.awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> model.view().tabProperty().set(ViewTab.COMPARE));
        robot.interact(() -> model.batch(() -> {
            model.draft().integer(Catalog.SAMPLES).set(20000);
            model.draft().integer(Catalog.WIDTH).set(1000);
            model.draft().integer(Catalog.FAN_IN).set(1000);
            model.draft().integer(Catalog.DEPTH).set(4);
        }));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null
                && model.resultProperty().get().config().samples() == 20000);
        robot.interact(model::cancel);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.isComputing());
        WaitForAsyncUtils.waitForFxEvents();
        var result = model.resultProperty().get();
        var rows = window.view().compare().rowsShown();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(s -> result.find(s).isPresent()),
                "no row says computing… once nothing computes: " + rows + " of " + result.results().size());
        assertTrue(robot.lookup("#stale").queryAs(Label.class).getText().contains("cancelled"));
    }
}
