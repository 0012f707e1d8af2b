package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.core.init.Strategy;
import app.initscope.export.Preset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A preset's strategy list decides what the window computes and compares. */
@ExtendWith(ApplicationExtension.class)
class PresetStrategiesTest {

    private TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.openSmall(stage);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void aPresetsStrategyListIsWhatTheWindowComputesAndCompares(FxRobot robot) throws Exception {
        Preset deep = Preset.bundled("deep-relu-xavier-he");
        robot.interact(() -> window.view().applyPreset(deep, "deep-relu-xavier-he"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            var r = window.model().resultProperty().get();
            return r != null && r.config().depth() == 10 && r.results().size() == r.config().strategies().size();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(Strategy.XAVIER, Strategy.HE), List.copyOf(window.model().view().comparedStrategies()));
        assertEquals(Set.of(Strategy.XAVIER, Strategy.HE),
                Set.copyOf(window.model().resultProperty().get().config().strategies().subList(0, 2)),
                "the window computes the preset's strategies first");
    }
}
