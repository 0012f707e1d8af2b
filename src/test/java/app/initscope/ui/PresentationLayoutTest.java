package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's layout at 1280×720 with the app's style sheets: presentation mode fits, and nothing jumps. */
@ExtendWith(ApplicationExtension.class)
class PresentationLayoutTest {

    /** The least height of a histogram (its numbers and its plot) in presentation mode at 720p. */
    private static final double MIN_PRESENTED_HEIGHT = 400;

    private TestWindow window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.openAsApp(stage, false);      // the scene keeps 1280×720
        model = window.model();
    }

    @AfterEach
    void stop() {
        CanvasRegion.zoomProperty().set(1);
        window.close();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static void assertInside(Node n, String what) {
        Bounds b = inScene(n);
        double w = n.getScene().getWidth();
        double h = n.getScene().getHeight();
        assertTrue(b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= w + 0.5 && b.getMaxY() <= h + 0.5,
                what + " lies inside the " + w + "×" + h + " window: " + b);
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void presentationModeAt720pShowsEveryChartWholeAndTall(FxRobot robot) throws Exception {
        window.awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> model.presentation().setPresenting(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1280, robot.lookup("#single-view").query().getScene().getWidth());
        for (String id : new String[] {"#histogram-z", "#histogram-activation", "#histogram-gradient"}) {
            Node chart = robot.lookup(id).query();
            assertInside(chart, id);
            assertTrue(chart.getLayoutBounds().getHeight() >= MIN_PRESENTED_HEIGHT,
                    id + " is " + chart.getLayoutBounds().getHeight() + " px tall");
        }
        for (String id : new String[] {"#bins-field", "#width-field", "#layer", "#reset", "#strategy-more"}) {
            assertInside(robot.lookup(id).query(), id);
        }
    }

    @Test
    void hidingTheSettingsLeavesACaptionAndAWayBack(FxRobot robot) throws Exception {
        window.awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> model.presentation().setPresenting(true));
        robot.clickOn("#histogram-z");
        robot.type(KeyCode.P);                     // pin Xavier as the ghost
        robot.type(KeyCode.DIGIT5);                // He
        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shown(robot.lookup("#fan-in").query()), "H hides the settings");
        Label caption = robot.lookup("#present-caption").queryAs(Label.class);
        assertTrue(shown(caption));
        assertInside(caption, "the caption");
        String text = caption.getText();
        for (String part : new String[] {"He", "tanh", "fan_in 200", "width 100", "depth 1",
                "grey ghost: Xavier"}) {
            assertTrue(text.contains(part), "'" + part + "' in: " + text);
        }
        for (String id : new String[] {"#histogram-z", "#histogram-activation", "#histogram-gradient"}) {
            assertInside(robot.lookup(id).query(), id);
        }
        Node back = robot.lookup("#show-settings").query();
        assertTrue(shown(back));
        robot.clickOn(back);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#fan-in").query()), "the visible hint brings the settings back");
        robot.clickOn("#histogram-z");
        robot.type(KeyCode.H);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#fan-in").query()), "so does Esc");
        assertTrue(model.presentation().presentingProperty().get(), "and Esc did only that");
    }

    @Test
    void theStrategyButtonsStayPutWhateverTheTitle(FxRobot robot) {
        Node picker = robot.lookup("#strategy-buttons").query();
        Node tabs = robot.lookup("#views").query();
        double x = inScene(picker).getMinX();
        double y = inScene(tabs).getMinY();
        for (Strategy s : Strategy.values()) {
            robot.interact(() -> model.view().strategyProperty().set(s));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(x, inScene(picker).getMinX(), 0.5, "the picker under " + s.label());
            assertEquals(y, inScene(tabs).getMinY(), 0.5, "the charts under " + s.label());
        }
    }

    @Test
    void pickingUnderMoreKeepsTheBarOnOneRow(FxRobot robot) {
        Node tabs = robot.lookup("#views").query();
        Node more = robot.lookup("#strategy-more").query();
        double y = inScene(tabs).getMinY();
        double width = more.getLayoutBounds().getWidth();
        for (Strategy s : Strategy.values()) {
            if (Strategy.SEED.contains(s)) {
                continue;
            }
            robot.clickOn(more);
            robot.clickOn("#strategy-" + s.id());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(s, model.view().strategyProperty().get());
            assertEquals(y, inScene(tabs).getMinY(), 0.5, "the charts stay under " + s.label());
            assertEquals(width, more.getLayoutBounds().getWidth(), 0.5, "More keeps its width for " + s.label());
        }
    }
}
