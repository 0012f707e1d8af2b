package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.TrainCatalog;
import app.initscope.export.HandoutPages;
import app.initscope.export.JsonReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File ▸ Export handout…: the window writes the same page as {@code export --format html}, of what it shows. */
@ExtendWith(ApplicationExtension.class)
class HandoutWindowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    void theFileMenuWritesAHandoutOfTheShownResultOpeningOnTheShownStrategy(FxRobot robot,
            @TempDir Path dir) throws Exception {
        MenuItem[] item = new MenuItem[1];
        robot.interact(() -> {
            MenuBar bar = (MenuBar) window.view().lookup(".menu-bar");
            Menu file = bar.getMenus().stream().filter(m -> m.getText().equals("File")).findFirst().orElseThrow();
            item[0] = file.getItems().stream().filter(i -> "Export handout…".equals(i.getText())).findFirst()
                    .orElse(null);
        });
        assertTrue(item[0] != null, "no File ▸ Export handout…");
        window.awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> window.model().view().strategyProperty().set(Strategy.HE));
        CompletableFuture<Path> written = new CompletableFuture<>();
        Path target = dir.resolve("lecture.html");
        robot.interact(() -> window.view().exporter().writeHandout(new ExportController.HandoutChoice("Lecture 3", "Look at the tails.", true, true), target,
                written::complete, written::completeExceptionally));
        String page = Files.readString(written.get(60, TimeUnit.SECONDS));
        var result = window.model().resultProperty().get();
        JsonNode expected = JSON.readTree(JsonReport.toJson(result, app.initscope.Version.get(), List.of()));
        assertEquals(expected, HandoutPages.embedded(page, "report-data"));
        JsonNode data = HandoutPages.embedded(page, "page-data");
        assertEquals("Lecture 3", data.get("name").asText());
        assertEquals("Look at the tails.", data.get("description").asText());
        assertEquals("he", data.get("view").get("strategy").asText());
        assertEquals(result.results().size(), data.get("strategies").size());
        assertTrue(data.get("train") == null, "no training has run, so the page has none");
        assertTrue(data.get("phase").get("image").asText().startsWith("data:image/png;base64,"));
        String alt = data.get("phase").get("alt").asText();
        assertTrue(alt.matches(".*Xavier: σ_w² = 1, χ₁ ≈ [0-9.]+ \\(critical\\).*"), alt);
    }

    @Test
    void afterAFinishedTrainingTheHandoutHasItsCurves(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            TrainDraft d = window.model().train().draft();
            d.set(TrainCatalog.DATASET, DatasetId.MOONS);
            d.set(TrainCatalog.BATCH, 32);
            d.set(TrainCatalog.STEPS, 40);
            d.set(TrainCatalog.EVAL_EVERY, 10);
            window.view().showView(4);
        });
        robot.clickOn("#train-play");
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.model().train().service().stateProperty().get() == TrainService.State.DONE);
        window.awaitComplete(r -> true);
        CompletableFuture<Path> written = new CompletableFuture<>();
        robot.interact(() -> window.view().exporter().writeHandout(
                new ExportController.HandoutChoice("", "", false, true), dir.resolve("trained.html"),
                written::complete, written::completeExceptionally));
        JsonNode data = HandoutPages.embedded(Files.readString(written.get(60, TimeUnit.SECONDS)), "page-data");
        var run = window.model().train().latest();
        JsonNode results = data.get("train").get("results");
        assertEquals(run.results().size(), results.size());
        assertEquals(run.results().getFirst().strategy().id(), results.get(0).get("strategy").asText());
        assertEquals(run.results().getFirst().steps().size(), results.get(0).get("steps").size());
        assertTrue(results.get(0).get("evals").get(0).has("testAccuracy"), "moons is a classification");
        assertTrue(data.get("name").isNull(), "a blank title is left out");
    }
}
