package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.train.DatasetId;
import app.initscope.core.train.TrainCatalog;
import app.initscope.render.ViewTab;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Train tab as a lecturer uses it: charts that stay put while training, and a caption that names the data. */
@ExtendWith(ApplicationExtension.class)
class TrainLayoutTest {

    private TestWindow window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.openAsApp(stage, false);
        model = window.model();
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void theChartsStayPutWhileTheScrubbersLabelCountsUp(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.view().tabProperty().set(ViewTab.TRAIN);
            model.train().draft().set(TrainCatalog.DATASET, DatasetId.XOR);
            model.train().draft().set(TrainCatalog.STEPS, 20_000);
            model.train().draft().set(TrainCatalog.EVAL_EVERY, 10);
        });
        Node figure = robot.lookup("#train-figure").query();
        Label scrub = robot.lookup("#train-scrub-label").queryAs(Label.class);
        TreeSet<Double> tops = new TreeSet<>();
        TreeSet<String> labels = new TreeSet<>();
        robot.clickOn("#train-play");
        for (int i = 0; i < 400 && labels.size() < 6
                && model.train().service().stateProperty().get() != TrainService.State.DONE; i++) {
            Thread.sleep(50);
            robot.interact(() -> {
                tops.add(figure.localToScene(0, 0).getY());
                labels.add(scrub.getText());
            });
        }
        robot.interact(() -> model.train().pause());
        assertTrue(labels.size() > 2, "the label changed as training went on: " + labels);
        assertEquals(1, tops.size(), "the charts' top moved while training: " + tops);
    }

    @Test
    void presentationsCaptionNamesTheDataSetOnTheTrainTab(FxRobot robot) {
        robot.interact(() -> {
            model.train().draft().set(TrainCatalog.DATASET, DatasetId.MOONS);
            model.view().tabProperty().set(ViewTab.TRAIN);
            model.presentation().setControlsHidden(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String caption = robot.lookup("#present-caption").queryAs(Label.class).getText();
        assertTrue(caption.contains("moons"), caption);
        robot.interact(() -> model.view().tabProperty().set(ViewTab.SINGLE));
        caption = robot.lookup("#present-caption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith(model.view().strategyProperty().get().label()), caption);
    }

    @Test
    void theBatchAccuracyBoxIsAViewOptionThatSurvivesInAPreset(FxRobot robot) throws Exception {
        robot.interact(() -> model.view().tabProperty().set(ViewTab.TRAIN));
        robot.clickOn("#train-batch-accuracy");
        assertTrue(model.view().batchAccuracyProperty().get());
        var read = app.initscope.export.Preset.parse(model.toPreset().toJson());
        assertTrue(read.view().get(app.initscope.render.ViewCatalog.BATCH_ACCURACY));
    }
}
