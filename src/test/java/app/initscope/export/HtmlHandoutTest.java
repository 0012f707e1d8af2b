package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.render.Palette;
import app.initscope.render.explain.Explanation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout page's content: its data, its names and colours, its text, and that it asks for nothing. */
class HtmlHandoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExperimentResult result;
    private static String html;

    @BeforeAll
    static void writeThePage() {
        ExperimentConfig config = ExperimentConfig.builder().fanIn(48).samples(40).width(24).depth(3)
                .strategies(List.of(Strategy.ZERO, Strategy.SMALL, Strategy.LARGE, Strategy.XAVIER, Strategy.HE,
                        Strategy.ORTHOGONAL)).build();
        result = TestRunners.run(config);
        html = HtmlHandout.html(content("A <b>bold</b> name", "It shows </script> safely."));
    }

    private static HtmlHandout.Content content(String name, String description) {
        return new HtmlHandout.Content(name, description, result,
                new HtmlHandout.View(Strategy.HE, 2, TensorKind.DELTA, false, true), "9.9-test", List.of(12.5), null, null);
    }

    @Test
    void theEmbeddedDataIsTheJsonReportOfTheSameResult() throws Exception {
        JsonNode embedded = HandoutPages.embedded(html, "report-data");
        JsonNode report = JSON.readTree(JsonReport.toJson(result, "9.9-test", List.of(12.5)));
        assertEquals(report, embedded);
    }

    @Test
    void thePageNamesEveryStrategyWithTheWindowsNameAndColourAndExplainsEveryLayer() throws Exception {
        JsonNode page = HandoutPages.embedded(html, "page-data");
        JsonNode strategies = page.get("strategies");
        assertEquals(result.results().size(), strategies.size());
        for (int i = 0; i < result.results().size(); i++) {
            StrategyResult r = result.results().get(i);
            Strategy s = r.strategy();
            assertEquals(s.id(), strategies.get(i).get("id").asText());
            assertEquals(s.label(), strategies.get(i).get("name").asText());
            assertEquals(Palette.of(s).hex(), strategies.get(i).get("color").asText());
            JsonNode layers = page.get("explain").get(s.id());
            assertEquals(3, layers.size(), s.id());
            for (int layer = 1; layer <= 3; layer++) {
                JsonNode e = layers.get(layer - 1);
                assertEquals(Explanation.headline(result.config(), r, layer), e.get("headline").asText());
                assertEquals(Explanation.of(result.config(), r, layer).getLast().text(),
                        e.get("paragraphs").get(2).get("text").asText());
            }
        }
        assertEquals("a-b-bold-b-name.json", page.get("dataFile").asText(), "the download's file name");
        assertEquals("he", page.get("view").get("strategy").asText());
        assertEquals(2, page.get("view").get("layer").asInt());
        assertEquals(List.of("z", "activation", "delta"),
                page.get("tensors").findValuesAsText("id"));
    }

    @Test
    void theNamesAndColoursAreNotRepeatedInTheScript() {
        String script = HtmlHandout.resourceText("handout.js");
        for (Strategy s : Strategy.values()) {
            assertFalse(script.contains("'" + s.label() + "'"), s.label());
            assertFalse(script.toLowerCase(java.util.Locale.ROOT).contains(Palette.of(s).hex()), s.label());
        }
    }

    @Test
    void thePageAsksForNoUrl() {
        List<String> remote = new ArrayList<>();
        Matcher m = Pattern.compile("(?i)(?:\\b(?:src|href)\\s*=\\s*[\"']?|url\\(\\s*[\"']?)\\s*(https?:|ftp:|//)")
                .matcher(html);
        while (m.find()) {
            remote.add(m.group(0));
        }
        assertTrue(remote.isEmpty(), "references to another place: " + remote);
        assertFalse(html.contains("http://") || html.contains("https://"), "a URL in the page");
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }

    @Test
    void textFromThePresetCannotBreakThePage() throws Exception {
        assertTrue(html.contains("<title>InitScope: A &lt;b&gt;bold&lt;/b&gt; name</title>"));
        assertEquals(4 + 1, html.split("</script>", -1).length, "only the page's own four scripts end");
        JsonNode page = HandoutPages.embedded(html, "page-data");
        assertEquals("It shows </script> safely.", page.get("description").asText());
    }

    @Test
    void withoutANameTheTitleIsTheConfigAndTheFileIsNamedForIt(@TempDir Path dir) throws Exception {
        Path file = HtmlHandout.write(content(null, null), dir);
        assertEquals(dir.resolve("initscope-handout.html"), file);
        assertTrue(Files.readString(file).contains("<title>InitScope: tanh · fan_in 48 · samples 40"));
        assertEquals("seed-experiment.html", HtmlHandout.fileName("Seed experiment"));
        assertEquals("deep-relu-xavier-vs-he.html", HtmlHandout.fileName("Deep ReLU: Xavier vs He"));
    }

    @Test
    void anUnknownPlaceholderInTheTemplateIsAnError() {
        assertEquals("a1b", HtmlHandout.fill("a{{X}}b", Map.of("X", "1")));
        assertEquals("{{Y}}", HtmlHandout.fill("{{X}}", Map.of("X", "{{Y}}")));
        assertThrows(IllegalStateException.class, () -> HtmlHandout.fill("a{{Z}}b", Map.of("X", "1")));
    }
}
