package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.core.train.TrainCatalog;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A decimal on a log slider (the learning rate, 10⁻⁵ to 10): the slider reaches values under 0.001 and the field
 * shows them. Before, both rounded to 0.001 steps, so 3·10⁻⁴ became 0 (then the minimum) and showed as "0.0".
 */
@ExtendWith(ApplicationExtension.class)
class NumberControlLogTest {

    private final Property<Number> lr = new SimpleDoubleProperty(0.1);
    private NumberControl control;

    @Start
    void start(Stage stage) {
        control = NumberControl.of(TrainCatalog.LEARNING_RATE, lr);
        stage.setScene(new Scene(control, 400, 80));
        stage.show();
    }

    @Test
    void smallLearningRatesSurviveTheSliderAndShowInTheField(FxRobot robot) {
        Slider slider = robot.lookup("#lr-slider").queryAs(Slider.class);
        TextField field = robot.lookup("#lr-field").queryAs(TextField.class);
        robot.interact(() -> slider.setValue(Math.log(3e-4) / Math.log(2)));
        assertEquals(3e-4, lr.getValue().doubleValue(), 1e-12);
        assertEquals("0.0003", field.getText());
        robot.interact(() -> slider.setValue(Math.log(0.0123456) / Math.log(2)));
        assertEquals(0.0123, lr.getValue().doubleValue(), 1e-12, "three significant digits");
        robot.interact(() -> lr.setValue(1e-5));
        assertEquals("0.00001", field.getText());
    }
}
