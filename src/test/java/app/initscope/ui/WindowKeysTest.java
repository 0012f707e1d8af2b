package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's keys as a lecturer meets them: the layer field, Esc in presentation mode, the help, the tour. */
@ExtendWith(ApplicationExtension.class)
class WindowKeysTest {

    private TestWindow window;
    private MainViewModel model;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.openAsApp(stage, true);
        model = window.model();
        view = window.view();
    }

    @AfterEach
    void stop() {
        CanvasRegion.zoomProperty().set(1);
        window.close();
    }

    private String zTitle(FxRobot robot) {
        return robot.lookup("#histogram-z").queryAs(HistogramView.class).getData().title();
    }

    @Test
    void theLayerSpinnersArrowAndTypedValueChangeTheShownLayer(FxRobot robot) throws Exception {
        robot.interact(() -> model.draft().integer(Catalog.DEPTH).set(10));
        window.awaitComplete(r -> r.config().depth() == 10);
        System.gc();                      // a binding held only weakly would be gone now
        System.gc();
        robot.clickOn(robot.lookup("#layer .increment-arrow-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.view().layerProperty().get(), "the arrow steps the layer");
        assertTrue(zTitle(robot).contains("layer 2"), zTitle(robot));
        Spinner<?> layer = robot.lookup("#layer").queryAs(Spinner.class);
        robot.clickOn(layer.getEditor());
        robot.interact(() -> layer.getEditor().selectAll());
        robot.type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, model.view().layerProperty().get(), "the typed layer applies");
        assertTrue(zTitle(robot).contains("layer 5"), zTitle(robot));
        robot.interact(() -> view.showView(3));
        WaitForAsyncUtils.waitForFxEvents();
        HistogramView explainZ = (HistogramView) view.explain().lookupAll("HistogramView").stream()
                .filter(n -> n instanceof HistogramView).findFirst().orElseThrow();
        assertTrue(explainZ.getData().title().contains("layer 5"), explainZ.getData().title());
    }

    @Test
    void typingDigitsIntoTheLayerFieldKeepsTheStrategy(FxRobot robot) throws Exception {
        robot.interact(() -> model.draft().integer(Catalog.DEPTH).set(4));
        window.awaitComplete(r -> r.config().depth() == 4);
        Spinner<?> layer = robot.lookup("#layer").queryAs(Spinner.class);
        robot.clickOn(layer.getEditor());
        robot.interact(() -> layer.getEditor().selectAll());
        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Strategy.XAVIER, model.view().strategyProperty().get(), "a digit typed into a field is typing");
        robot.type(KeyCode.ENTER);
        assertEquals(3, model.view().layerProperty().get());
    }

    @Test
    void escClosesTheHelpAndTheWindowStaysFullScreen(FxRobot robot) throws Exception {
        robot.clickOn("#histogram-z");
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFullScreen());
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        assertTrue(model.presentation().helpShownProperty().get());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.presentation().helpShownProperty().get(), "Esc closes the help");
        assertTrue(stage.isFullScreen(), "and nothing else");
        assertTrue(model.presentation().presentingProperty().get());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen(), "with nothing open, Esc leaves presentation mode");
        assertFalse(model.presentation().presentingProperty().get());
    }

    @Test
    void escLeavesTheTourAndTheWindowStaysFullScreen(FxRobot robot) throws Exception {
        robot.clickOn("#histogram-z");
        robot.type(KeyCode.F11);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.tour().isRunning());
        assertTrue(stage.isFullScreen());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.tour().isRunning(), "Esc leaves the tour");
        assertTrue(stage.isFullScreen(), "and nothing else");
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen(), "F11 leaves presentation mode");
    }

    private static List<MenuItem> items(List<MenuItem> in) {
        List<MenuItem> all = new ArrayList<>();
        for (MenuItem i : in) {
            all.add(i);
            if (i instanceof Menu m) {
                all.addAll(items(m.getItems()));
            }
        }
        return all;
    }

    private static void texts(Node n, StringBuilder out) {
        if (n instanceof Label l) {
            out.append(l.getText()).append('\n');
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, out));
        }
    }

    /** The text that the node's Text nodes draw (a label's skin draws its text, clipped or with an ellipsis). */
    private static void drawn(Node n, StringBuilder out) {
        if (n instanceof javafx.scene.text.Text t) {
            out.append(t.getText()).append('\n');
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> drawn(c, out));
        }
    }

    @Test
    void theHelpListsEveryMenuAccelerator(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        StringBuilder help = new StringBuilder();
        texts(robot.lookup("#help").query(), help);
        int accelerators = 0;
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : items(m.getItems())) {
                if (i.getAccelerator() != null) {
                    accelerators++;
                    String key = i.getAccelerator().getDisplayText();
                    assertTrue(help.toString().contains(key), "the help lists " + key + " (" + i.getText() + ")");
                }
            }
        }
        assertTrue(accelerators >= 8, "found " + accelerators);
    }

    @Test
    void menuTextsKeepTheirUnderscores(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        List<MenuItem> all = new ArrayList<>();
        bar.getMenus().forEach(m -> all.addAll(items(m.getItems())));
        all.addAll(robot.lookup("#strategy-more").queryAs(javafx.scene.control.MenuButton.class).getItems());
        for (MenuItem i : all) {
            if (i.getText() != null && i.getText().contains("_")) {
                assertFalse(i.isMnemonicParsing(), "'" + i.getText() + "' would lose its underscore");
            }
        }
        // and on screen: the More menu shows Glorot's fan_in+fan_out as written
        robot.clickOn("#strategy-more");
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder shown = new StringBuilder();
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w != stage && w.getScene() != null) {
                drawn(w.getScene().getRoot(), shown);
            }
        }
        robot.type(KeyCode.ESCAPE);
        assertTrue(shown.toString().contains("fan_in+fan_out"), shown.toString());
    }

    @Test
    void theTourSaysWhenItEndsAndSpaceStartsItAgain(FxRobot robot) {
        robot.clickOn("#histogram-z");
        int steps = view.tour().tour().steps().size();
        for (int i = 0; i <= steps; i++) {
            robot.type(KeyCode.SPACE);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.tour().isRunning(), "the end is shown, not silently left");
        String caption = robot.lookup("#tour-caption").queryAs(Label.class).getText();
        assertTrue(caption.contains("End of the tour"), caption);
        assertTrue(caption.contains("Space") && caption.contains("Esc"), caption);
        robot.type(KeyCode.SPACE);
        assertEquals(0, view.tour().stepProperty().get(), "Space starts again");
        robot.type(KeyCode.ESCAPE);
        assertFalse(view.tour().isRunning());
    }

    @Test
    void anOutOfRangeHintIsShownWhole(FxRobot robot) {
        javafx.scene.control.TextField field = robot.lookup("#samples-field")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText("99999"));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label hint = robot.lookup("#samples-hint").queryAs(Label.class);
        assertTrue(hint.isVisible());
        StringBuilder drawn = new StringBuilder();
        drawn(hint, drawn);
        assertEquals(hint.getText().replaceAll("\\s+", " "), drawn.toString().strip().replaceAll("\\s+", " "),
                "no ellipsis");
    }
}
