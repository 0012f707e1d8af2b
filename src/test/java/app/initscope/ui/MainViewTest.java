package app.initscope.ui;

import app.initscope.render.GradientView;
import app.initscope.core.experiment.Catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainViewTest {

    private TestWindow window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage);
        model = window.model();
        model.compute();
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private void awaitResult() throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.shownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheXavierHistogramsOffTheFxThreadWithStdZNearOne(FxRobot robot) throws TimeoutException {
        assertEquals(Strategy.XAVIER, model.view().strategyProperty().get());
        awaitResult();
        HistogramView z = robot.lookup("#histogram-z").queryAs(HistogramView.class);
        assertNotNull(z.getData());
        assertEquals(1.0, z.getData().summary().std(), 0.02);
        HistogramView a = robot.lookup("#histogram-activation").queryAs(HistogramView.class);
        assertEquals(0.628, a.getData().summary().std(), 0.02);
    }

    private void awaitAllStrategies() throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null
                && model.resultProperty().get().results().size() == Strategy.values().length);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aViewIsMadeWhenFirstShownAndTheRestOnceTheWindowHasItsFirstPicture(FxRobot robot) throws Exception {
        awaitResult();
        var tabs = (javafx.scene.control.TabPane) window.view().lookup("#views");
        java.util.function.IntPredicate made = i -> {
            try {
                return WaitForAsyncUtils.asyncFx(() -> tabs.getTabs().get(i).getContent()).get() != null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertTrue(made.test(0), "the view shown at start is made");
        int train = -1;
        for (int i = 0; i < ViewRegistry.PAGES.size(); i++) {
            if (ViewRegistry.PAGES.get(i).info().id().equals("train")) {
                train = i;
            }
        }
        assertTrue(!made.test(train), "the Train view waits until it is wanted");
        robot.press(KeyCode.CONTROL).type(KeyCode.valueOf("DIGIT" + (train + 1)))
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(made.test(train), "Ctrl+" + (train + 1) + " made the Train view");
        assertNotNull(robot.lookup("#train-play").query(), "and it shows its controls");
        robot.interact(() -> window.view().makeOtherViewsLater());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> java.util.stream.IntStream.range(0,
                ViewRegistry.PAGES.size()).allMatch(made));
    }

    @Test
    void theVisibleStrategyIsComputedFirst() throws TimeoutException {
        awaitResult();
        assertEquals(Strategy.XAVIER, model.resultProperty().get().results().get(0).strategy());
        awaitAllStrategies();
        assertEquals(Strategy.XAVIER, model.resultProperty().get().config().strategies().get(0));
    }

    @Test
    void pickingZeroShowsTheSymmetryWarning(FxRobot robot) throws TimeoutException {
        awaitAllStrategies();
        robot.clickOn("#strategy-zero");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Strategy.ZERO, model.view().strategyProperty().get());
        assertEquals("Zero initialization", robot.lookup("#heading").queryAs(Label.class).getText());
        HistogramView a = robot.lookup("#histogram-activation").queryAs(HistogramView.class);
        assertTrue(a.getData().note().contains("identical"), a.getData().note());
        HistogramView g = robot.lookup("#histogram-gradient").queryAs(HistogramView.class);
        assertTrue(g.getData().note().contains("distinct units 1 /"), g.getData().note());
    }

    @Test
    void anInvalidFieldEntryKeepsTheLastGoodValueAndShowsTheHint(FxRobot robot) throws TimeoutException {
        awaitResult();
        TextField field = robot.lookup("#fan-in-field").queryAs(TextField.class);
        robot.interact(() -> field.setText("abc"));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label hint = robot.lookup("#fan-in-hint").queryAs(Label.class);
        assertTrue(hint.isVisible());
        assertTrue(hint.getText().contains("kept 1000"), hint.getText());
        assertEquals(1000, model.draft().integer(Catalog.FAN_IN).get());
        robot.interact(() -> field.setText("99999"));
        robot.clickOn(field).type(KeyCode.ENTER);
        assertTrue(robot.lookup("#fan-in-hint").queryAs(Label.class).getText().contains("1–4096"));
        assertEquals(1000, model.draft().integer(Catalog.FAN_IN).get());
    }

    @Test
    void xavierKeepsStdZNearOneWhenFanInChangesAndLargeGrowsWithIt(FxRobot robot) throws TimeoutException {
        awaitResult();
        TextField field = robot.lookup("#fan-in-field").queryAs(TextField.class);
        robot.interact(() -> field.setText("2000"));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.shownProperty().get() != null
                && model.shownProperty().get().layer(1).fanIn() == 2000);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2000, model.draft().integer(Catalog.FAN_IN).get());
        HistogramView z = robot.lookup("#histogram-z").queryAs(HistogramView.class);
        assertEquals(1.0, z.getData().summary().std(), 0.03);
        awaitAllStrategiesFor(2000);
        robot.interact(() -> model.view().strategyProperty().set(Strategy.LARGE));
        WaitForAsyncUtils.waitForFxEvents();
        z = robot.lookup("#histogram-z").queryAs(HistogramView.class);
        assertEquals(Math.sqrt(2000), z.getData().summary().std(), 0.03 * Math.sqrt(2000));
        HistogramView a = robot.lookup("#histogram-activation").queryAs(HistogramView.class);
        assertTrue(a.getData().summary().saturatedFraction() > 0.9, "saturated " + a.getData().summary());
    }

    private void awaitAllStrategiesFor(int fanIn) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            var r = model.resultProperty().get();
            return r != null && r.config().fanIn() == fanIn && r.results().size() == Strategy.values().length;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void keyOneSelectsZeroAndArrowsStepThroughTheStrategies(FxRobot robot) throws TimeoutException {
        awaitAllStrategies();
        robot.clickOn("#histogram-z");
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Strategy.ZERO, model.view().strategyProperty().get());
        HistogramView a = robot.lookup("#histogram-activation").queryAs(HistogramView.class);
        assertTrue(a.getData().note().contains("identical"), a.getData().note());
        robot.type(KeyCode.RIGHT);
        assertEquals(Strategy.SMALL, model.view().strategyProperty().get());
        robot.type(KeyCode.LEFT, 2);
        assertEquals(Strategy.CUSTOM_NORMAL, model.view().strategyProperty().get());
    }

    @Test
    void reluWithHeShowsAboutHalfZeros(FxRobot robot) throws TimeoutException {
        awaitResult();
        robot.interact(() -> {
            model.view().strategyProperty().set(Strategy.HE);
            model.draft().choice(Catalog.ACTIVATION).set(app.initscope.core.nn.Activation.RELU);
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.shownProperty().get() != null
                && model.config().activation() == app.initscope.core.nn.Activation.RELU
                && model.shownProperty().get().strategy() == Strategy.HE);
        WaitForAsyncUtils.waitForFxEvents();
        HistogramView a = robot.lookup("#histogram-activation").queryAs(HistogramView.class);
        assertEquals(0.5, a.getData().summary().zeroFraction(), 0.01);
    }

    @Test
    void theLayerAndGradientChoicesPickWhatTheHistogramsShow(FxRobot robot) throws TimeoutException {
        awaitResult();
        robot.interact(() -> model.draft().integer(Catalog.DEPTH).set(10));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.shownProperty().get() != null
                && model.shownProperty().get().layers().size() == 10);
        robot.interact(() -> {
            model.view().layerProperty().set(10);
            model.view().gradientProperty().set(GradientView.WEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        HistogramView g = robot.lookup("#histogram-gradient").queryAs(HistogramView.class);
        assertEquals(model.shownProperty().get().layer(10).weightGradient(), g.getData().summary());
        assertTrue(g.getData().title().contains("layer 10"), g.getData().title());
        robot.interact(() -> model.draft().integer(Catalog.DEPTH).set(3));
        assertEquals(3, model.view().layerProperty().get(), "the layer follows a smaller depth");
    }
}
