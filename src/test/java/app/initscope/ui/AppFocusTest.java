package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application window takes the lecturer's keys at once: no text field holds the focus at start. */
class AppFocusTest {

    @Test
    void atStartTheViewsHaveTheFocusSoSpaceStartsTheTour() throws Exception {
        FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(App.class);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Node focus = WaitForAsyncUtils.asyncFx(() -> {
                Stage stage = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
                        && s.getTitle() != null && s.getTitle().startsWith("InitScope")).findFirst().orElseThrow();
                return stage.getScene().getFocusOwner();
            }).get();
            assertFalse(focus instanceof TextInputControl || focus instanceof Spinner<?>,
                    "a text field takes Space and the digits as typing: " + focus);
            assertTrue(focus instanceof TabPane, String.valueOf(focus));
            FxRobot robot = new FxRobot();
            robot.type(KeyCode.SPACE);
            WaitForAsyncUtils.waitForFxEvents();
            MainView view = (MainView) focus.getScene().getRoot();
            assertTrue(view.tour().isRunning(), "Space started the tour");
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(view.tour().isRunning());
        } finally {
            WaitForAsyncUtils.asyncFx(() -> app.model().cancel()).get();
            FxToolkit.cleanupApplication(app);
        }
    }
}
