package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's times: the total is frozen, each strategy shows its own time, and drawing is never "0 ms". */
@ExtendWith(ApplicationExtension.class)
class StatusTimesTest {

    private static final Pattern TOTAL = Pattern.compile("all \\d+ strategies in (\\d+) ms");

    private TestWindow window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.openSmall(stage);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private String status() {
        return window.model().status().statusProperty().get();
    }

    @Test
    void theTotalTimeStaysTheSameWhileSwitchingStrategiesWithoutARecompute(FxRobot robot) throws Exception {
        model = window.model();
        window.awaitComplete(r -> true);
        List<String> totals = new ArrayList<>();
        for (Strategy s : List.of(Strategy.HE, Strategy.ZERO, Strategy.LARGE, Strategy.XAVIER)) {
            Thread.sleep(150);                      // time passes between the switches
            robot.interact(() -> model.view().strategyProperty().set(s));
            WaitForAsyncUtils.waitForFxEvents();
            Matcher m = TOTAL.matcher(status());
            assertTrue(m.find(), status());
            totals.add(m.group(1));
        }
        assertEquals(1, totals.stream().distinct().count(), "the total changed without a recompute: " + totals);
    }

    @Test
    void eachStrategyShowsItsOwnComputeTime(FxRobot robot) throws Exception {
        model = window.model();
        window.awaitComplete(r -> true);
        for (Strategy s : List.of(Strategy.ORTHOGONAL, Strategy.ZERO, Strategy.HE)) {
            robot.interact(() -> model.view().strategyProperty().set(s));
            WaitForAsyncUtils.waitForFxEvents();
            StrategyResult own = model.resultProperty().get().find(s).orElseThrow();
            assertTrue(own.computeMillis() > 0, "measured: " + own.computeMillis());
            String expected = s.label() + " computed in " + Status.millis(own.computeMillis());
            assertTrue(status().contains(expected), "expected '" + expected + "' in: " + status());
        }
    }

    @Test
    void aDrawingUnderAMillisecondIsNotShownAsZero(FxRobot robot) throws Exception {
        model = window.model();
        window.awaitComplete(r -> true);
        robot.interact(() -> model.status().reportDrawn(0.4));
        assertTrue(status().contains("drawn in < 1 ms"), status());
        assertFalse(status().contains("drawn in 0 ms"), status());
        robot.interact(() -> model.status().reportDrawn(3.24));
        assertTrue(status().contains("drawn in 3.2 ms"), status());
    }

    @Test
    void durationsHaveSensiblePrecision() {
        assertEquals("< 1 ms", Status.millis(0.0));
        assertEquals("< 1 ms", Status.millis(0.99));
        assertEquals("1.0 ms", Status.millis(1.0));
        assertEquals("9.9 ms", Status.millis(9.94));
        assertEquals("12 ms", Status.millis(12.4));
        assertEquals("–", Status.millis(Double.NaN));
    }

    @Test
    void aPreviewSaysHowManyRowsItHasAndThatTheRestFollows(FxRobot robot) throws Exception {
        model = window.model();
        var config = app.initscope.core.experiment.ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER))
                .build();                           // the seed's size, which a cold engine previews
        List<app.initscope.core.experiment.ExperimentResult> shown = new ArrayList<>();
        try (var engine = new app.initscope.engine.Engine(2)) {
            new app.initscope.engine.ExperimentJob(engine).run(config, new app.initscope.engine.Emitter<>() {
                @Override
                public void emit(app.initscope.core.experiment.ExperimentResult snapshot) {
                    shown.add(snapshot);
                }

                @Override
                public void progress(double fraction, String stage) {
                }
            }, new app.initscope.engine.CancelToken());
        }
        var preview = shown.getFirst();
        assertTrue(preview.preview());
        long rows = preview.results().getFirst().layer(1).z().count() / config.width();
        assertTrue(rows > 0 && rows < 1000, "a preview has some of the rows: " + rows);
        assertEquals("first picture from " + rows + " of 1000 rows · all 1000 rows follow…",
                Status.previewText(preview));
    }
}
