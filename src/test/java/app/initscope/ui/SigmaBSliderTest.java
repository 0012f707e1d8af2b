package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Slider;
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

/** The σ_b slider comes from the catalog entry alone, and it drives the computed config. */
@ExtendWith(ApplicationExtension.class)
class SigmaBSliderTest {

    private TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.openSmall(stage);
        window.model().compute();
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void movingTheSigmaBSliderChangesTheComputedConfig(FxRobot robot) throws TimeoutException {
        MainViewModel model = window.model();
        Slider slider = robot.lookup("#sigma-b-slider").queryAs(Slider.class);
        assertEquals(0.0, slider.getMin(), 0.0);
        assertEquals(3.0, slider.getMax(), 0.0, "the window's range 0..3, linear");
        assertEquals(0.0, model.draft().get(Catalog.SIGMA_B), 0.0);
        robot.interact(() -> slider.setValue(1.25));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null
                && model.resultProperty().get().config().get(Catalog.SIGMA_B) == 1.25);
        WaitForAsyncUtils.waitForFxEvents();
        var layer = model.resultProperty().get().results().get(0).layer(1);
        double q1 = layer.theory().varianceZ();
        assertEquals(1.0 + 1.25 * 1.25, q1, 1e-12, "Xavier on tanh: q₁ = 1 + σ_b²");
        TextField field = robot.lookup("#sigma-b-field").queryAs(TextField.class);
        assertEquals("1.25", field.getText());
        robot.interact(() -> field.setText("4"));
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sigma-b-hint").queryAs(javafx.scene.control.Label.class).getText()
                .contains("0.0–3.0; kept 1.25"), "a value outside the window's range is refused with the range");
        assertEquals(1.25, model.draft().get(Catalog.SIGMA_B), 0.0);
    }
}
