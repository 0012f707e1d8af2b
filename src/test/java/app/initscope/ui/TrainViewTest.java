package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.TensorKind;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainResult;
import app.initscope.engine.TrainRun;
import app.initscope.render.Figure;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Train view in the window: Ctrl+5, Play, Pause, Reset, the scrubber, and a restart on a new setting. */
@ExtendWith(ApplicationExtension.class)
class TrainViewTest {

    private TestWindow window;
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = TestWindow.openSmall(stage);
        model = window.model();
        view = window.view();
        TrainDraft d = model.train().draft();
        d.set(TrainCatalog.DATASET, DatasetId.MOONS);
        d.set(TrainCatalog.BATCH, 32);
        d.set(TrainCatalog.STEPS, 100_000);
        d.set(TrainCatalog.EVAL_EVERY, 10);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private TrainRun latest() {
        return model.train().latest();
    }

    private int stepsShown() {
        TrainRun r = latest();
        return r == null ? 0 : r.stepsMade();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int lossPoints() {
        Figure f = view.train().figure();
        return f == null || latest() == null ? 0 : latest().results().getFirst().steps().size();
    }

    @Test
    void ctrl5ShowsTheTrainTabAndPlayGrowsPauseStopsResetClears(FxRobot robot) throws Exception {
        robot.clickOn("#histogram-z");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#views").queryAs(TabPane.class);
        assertEquals("tab-train", tabs.getSelectionModel().getSelectedItem().getId());
        assertNull(latest(), "nothing trained before Play");

        robot.clickOn("#train-play");
        await(() -> stepsShown() > 5);
        int first = lossPoints();
        await(() -> lossPoints() > first + 5);
        assertTrue(view.train().figure().panels().size() == 3, "the histograms of the newest evaluation");

        robot.clickOn("#train-pause");
        assertEquals(TrainService.State.PAUSED, model.train().service().stateProperty().get());
        Thread.sleep(500);                              // the lanes stop at the next step
        WaitForAsyncUtils.waitForFxEvents();
        int paused = stepsShown();
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, stepsShown(), "no step while paused");

        robot.clickOn("#train-step");
        await(() -> stepsShown() == paused + 1);

        robot.clickOn("#train-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(latest(), "Reset clears");
        assertEquals(TrainService.State.IDLE, model.train().service().stateProperty().get());
        assertTrue(view.train().figure().panels().isEmpty(), "the empty figure");
    }

    @Test
    void theScrubberPutsTheHistogramsOfThatStep(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.train().draft().set(TrainCatalog.STEPS, 60);
            view.showView(4);
            model.train().tensorProperty().set(TensorKind.Z);
        });
        robot.clickOn("#train-play");
        await(() -> model.train().service().stateProperty().get() == TrainService.State.DONE);
        TrainResult shown = app.initscope.render.TrainFigures.focus(latest().results(),
                model.view().strategyProperty().get());
        assertEquals(7, shown.evals().size(), "evaluations at 0, 10, …, 60");
        assertEquals(6, (int) view.train().scrubber().getMax());
        robot.interact(() -> view.train().scrubber().setValue(1));
        Figure atTen = view.train().figure();
        assertEquals(shown.evals().get(1).layers().getFirst().z(), atTen.panels("z").getFirst().data().summary());
        assertTrue(atTen.panels("z").getFirst().data().title().contains("step 10"));
        robot.interact(() -> view.train().scrubber().setValue(6));
        Figure newest = view.train().figure();
        assertEquals(shown.evals().getLast().layers().getFirst().z(),
                newest.panels("z").getFirst().data().summary());
        assertNotEquals(atTen.panels("z").getFirst().data().summary(), newest.panels("z").getFirst().data().summary(),
                "another step, other histograms");
        assertEquals(-1, model.train().evalProperty().get(), "the right end follows the newest");
    }

    @Test
    void changingASettingRestartsTheTraining(FxRobot robot) throws Exception {
        robot.interact(() -> view.showView(4));
        robot.clickOn("#train-play");
        await(() -> stepsShown() > 30);
        // while running: the new settings run at once
        robot.interact(() -> model.train().draft().set(TrainCatalog.LEARNING_RATE, 0.05));
        await(() -> latest() != null && latest().request().train().lr() == 0.05);
        assertEquals(TrainService.State.RUNNING, model.train().service().stateProperty().get());
        await(() -> stepsShown() > 30);
        // while paused: the new settings start from step 0 and stop after their first step
        robot.clickOn("#train-pause");
        robot.interact(() -> model.train().draft().set(TrainCatalog.LEARNING_RATE, 0.02));
        await(() -> latest() != null && latest().request().train().lr() == 0.02 && stepsShown() == 1);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, stepsShown(), "from step 0 again, and still paused");
        assertEquals(TrainService.State.PAUSED, model.train().service().stateProperty().get());
        robot.clickOn("#train-play");
        await(() -> stepsShown() > 10);
        assertNotNull(view.train().figure());
    }

    @Test
    void theExportOfTheTrainViewIsTheFigureWithEverySeriesAsCsv(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.train().draft().set(TrainCatalog.STEPS, 40);
            view.showView(4);
        });
        assertNull(view.exporter().view("train", true), "nothing to export before Play");
        robot.clickOn("#train-play");
        await(() -> model.train().service().stateProperty().get() == TrainService.State.DONE);
        window.awaitComplete(r -> true);
        Figure[] f = new Figure[1];
        robot.interact(() -> f[0] = view.exporter().view("train", true));
        String csv = app.initscope.export.FigureExport.csv(f[0]);
        assertTrue(csv.startsWith(app.initscope.export.TrainSeriesCsv.HEADER + "\n"), "the series, not bins");
        assertEquals(app.initscope.export.TrainSeriesCsv.of(latest().results()), csv);
        String svg = app.initscope.export.FigureExport.svg(f[0]);
        assertTrue(svg.contains("Training loss") && svg.contains("Update:data ratio") && svg.contains("10⁻³"));
        assertTrue(f[0].name().startsWith("train-moons"));
    }
}
