package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
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
    void theFileMenuWritesAHandoutOfTheShownResultOpeningOnTheShownStrategyAndLayer(FxRobot robot,
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
        robot.interact(() -> window.view().exporter().writeHandout("Lecture 3", "Look at the tails.", true, target,
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
        assertTrue(data.get("phase").get("image").asText().startsWith("data:image/png;base64,"));
        String alt = data.get("phase").get("alt").asText();
        assertTrue(alt.matches(".*Xavier: σ_w² = 1, χ₁ ≈ [0-9.]+ \\(critical\\).*"), alt);
    }
}
