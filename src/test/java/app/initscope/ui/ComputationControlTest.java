package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Cancel button stops a heavy computation, and a result that is not the one asked for is greyed. */
@ExtendWith(ApplicationExtension.class)
class ComputationControlTest {

    private TestWindow window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.openSmall(stage);
        model = window.model();
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private static boolean fx(java.util.concurrent.Callable<Boolean> check) throws Exception {
        return WaitForAsyncUtils.asyncFx(check).get();
    }

    @Test
    void cancelStopsARunningHeavyComputationAndSaysSo(FxRobot robot) throws Exception {
        window.awaitComplete(r -> r.config().fanIn() == 200);
        Button cancel = robot.lookup("#cancel").queryAs(Button.class);
        assertTrue(cancel.isDisabled(), "nothing to cancel while idle");
        // some tens of seconds of work: 20000 samples through four layers of 1000
        robot.interact(() -> model.batch(() -> {
            model.draft().integer(Catalog.SAMPLES).set(20000);
            model.draft().integer(Catalog.WIDTH).set(1000);
            model.draft().integer(Catalog.FAN_IN).set(1000);
            model.draft().integer(Catalog.DEPTH).set(4);
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !cancel.isDisabled()));
        Thread.sleep(500);                          // well into the computation
        robot.clickOn("#cancel");
        // a guard against a hang only: how soon a cancel stops is ExperimentJobCancelTest's, counted in work
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !model.isComputing()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> {
            var r = model.resultProperty().get();
            return r != null && r.config().samples() == 20000 && r.results().size() == r.config().strategies().size();
        }), "the heavy run was stopped, not finished");
        assertTrue(model.status().statusProperty().get().contains("cancelled"), model.status().statusProperty().get());
        assertTrue(cancel.isDisabled());
        Label stale = robot.lookup("#stale").queryAs(Label.class);
        assertTrue(stale.isVisible());
        assertTrue(stale.getText().contains("cancelled"), stale.getText());
    }

    @Test
    void aStaleResultIsGreyedAndLabelledUntilTheFreshOneArrives(FxRobot robot) throws Exception {
        window.awaitComplete(r -> r.config().fanIn() == 200);
        javafx.scene.Node views = window.view().single();     // the view on screen greys itself
        Label stale = robot.lookup("#stale").queryAs(Label.class);
        assertEquals(1.0, views.getOpacity());
        assertFalse(stale.isVisible());
        robot.interact(() -> {
            model.draft().choice(Catalog.ACTIVATION).set(app.initscope.core.nn.Activation.RELU);
            // at once, before any result of the new settings: the tanh result is shown, greyed and labelled
            assertEquals(0.45, views.getOpacity(), 1e-9);
            assertTrue(stale.isVisible());
            assertTrue(stale.getText().startsWith("stale: showing tanh, fan_in 200, samples 300, width 100"),
                    stale.getText());
            assertTrue(stale.getText().endsWith("computing…"), stale.getText());
        });
        window.awaitComplete(r -> r.config().activation() == app.initscope.core.nn.Activation.RELU);
        assertEquals(1.0, views.getOpacity());
        assertFalse(stale.isVisible());
    }
}
