package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the real application window while it computes cancels the work and stops every compute thread. */
class AppCloseTest {

    @Test
    void closingTheWindowDuringAComputationCancelsItAndStopsTheComputeThreads() throws Exception {
        FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(App.class);
        MainViewModel model = app.model();
        // a big network: some seconds of work, so the close surely lands in the middle of it
        WaitForAsyncUtils.asyncFx(() -> model.batch(() -> {
            model.draft().integer(Catalog.SAMPLES).set(20000);
            model.draft().integer(Catalog.WIDTH).set(2048);
            model.draft().integer(Catalog.FAN_IN).set(2048);
            model.draft().integer(Catalog.DEPTH).set(3);
        })).get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(model::isComputing).get()
                && model.resultProperty().get() != null);
        assertFalse(app.engine().isTerminated());

        WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
                    && s.getTitle() != null && s.getTitle().startsWith("InitScope")).findFirst().orElseThrow();
            // what the window manager's close button does: the close request, then the window goes away
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        }).get();
        FxToolkit.cleanupApplication(app);              // Application.stop(), as when the last window closes
        // a guard against a hang only: the run takes minutes, so ending at all means it was stopped
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(model::isComputing).get()
                && app.engine().isTerminated());
        assertTrue(app.engine().isTerminated());
    }
}
