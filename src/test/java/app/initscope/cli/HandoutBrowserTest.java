package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.render.Ticks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handout in a real browser: Debian's Chromium, headless, loads the page from {@code file://} with
 * {@code #selftest}, on which the page presses its own keys (2, →, ←, 1), clicks a strategy and moves the layer
 * slider, and writes what it drew after each step into {@code <pre id="selftest">}; {@code --dump-dom} prints the
 * DOM after the scripts ran. Skipped where {@code /usr/bin/chromium} is missing; .ci/run installs it.
 */
class HandoutBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static JsonNode selftest;
    private static JsonNode report;
    private static String log;

    @BeforeAll
    static void loadThePageInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium): the browser test is skipped");
        Path page = export("--depth 3 --fan-in=64 --samples=60 --width=32 --out " + dir);
        report = HandoutCommandTest.embedded(page, "report-data");
        Path err = dir.resolve("chromium.err");
        selftest = selftest(page, err);
        log = Files.readString(err);
    }

    /** Runs {@code export --format html} with these options and returns the page. */
    private static Path export(String options) {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args("export --format html " + options));
        assertEquals(0, o.code(), o.err());
        return Path.of(o.out().trim());
    }

    /** Loads the page with #selftest in headless Chromium and returns what the page wrote; the log goes to err. */
    private static JsonNode selftest(Path page, Path err) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
                "--virtual-time-budget=2000", "--enable-logging=stderr", "--v=0", "--dump-dom",
                page.toUri() + "#selftest"));
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Chromium did not finish");
        Matcher m = Pattern.compile("<pre id=\"selftest\"[^>]*>(.*?)</pre>", Pattern.DOTALL)
                .matcher(new String(dom, StandardCharsets.UTF_8));
        assertTrue(m.find(), "the page wrote no self-test result; Chromium said:\n" + Files.readString(err));
        return JSON.readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }

    private static JsonNode step(String after) {
        for (JsonNode s : selftest.get("steps")) {
            if (s.get("after").asText().equals(after)) {
                return s;
            }
        }
        throw new AssertionError("no step '" + after + "' in " + selftest);
    }

    /** The std label the window would print for a strategy's z at a layer. */
    private static String std(String strategy, int layer) {
        for (JsonNode r : report.get("results")) {
            if (r.get("strategy").asText().equals(strategy)) {
                return "std " + Ticks.label(r.get("layers").get(layer - 1).get("z").get("std").asDouble());
            }
        }
        throw new AssertionError(strategy);
    }

    @Test
    void thePageLoadsWithNoErrorAndNoRequest() {
        assertEquals(0, selftest.get("problems").size(), "errors or blocked requests: " + selftest.get("problems"));
        assertEquals(0, selftest.get("resources").size(), "requests: " + selftest.get("resources"));
        assertTrue(log.lines().noneMatch(l -> l.contains(":CONSOLE")), "the console said:\n" + log);
    }

    @Test
    void aPageWithTrainingAndThePhaseDiagramDrawsThemAndTheStepSliderMovesTheHistograms() throws Exception {
        Path page = export("--preset " + HandoutCommandTest.shortTrainingPreset(dir) + " --samples 100 --phase-diagram"
                + " --out " + dir);
        Path err = dir.resolve("chromium-train.err");
        JsonNode t = selftest(page, err);
        assertEquals(0, t.get("problems").size(), "errors or blocked requests: " + t.get("problems"));
        assertTrue(Files.readString(err).lines().noneMatch(l -> l.contains(":CONSOLE")), Files.readString(err));
        JsonNode train = t.get("train");
        assertEquals(3, train.get("charts").asInt(), "loss, test accuracy and update:data");
        assertEquals("Pre-activation z at step 0", train.get("before").asText());
        assertEquals("Pre-activation z at step 40", train.get("after").asText());
        assertTrue(t.get("phase").asInt() > 500, "the phase diagram's picture: " + t.get("phase"));
    }

    @Test
    void theDefaultStrategysHistogramIsDrawn() {
        JsonNode load = step("load");
        assertEquals("xavier", load.get("strategy").asText());
        assertEquals("pick-xavier", load.get("pressed").asText());
        assertTrue(load.get("bars").asInt() > 5, "bars drawn: " + load.get("bars"));
        assertTrue(load.get("std").asText().endsWith(std("xavier", 1)), load.get("std").asText());
    }

    @Test
    void pressing2ShowsSmallsHistogramAndStd() {
        JsonNode load = step("load");
        JsonNode two = step("key 2");
        assertEquals("small", two.get("strategy").asText());
        assertEquals("pick-small", two.get("pressed").asText());
        assertTrue(two.get("title").asText().startsWith("Single view: Small"), two.get("title").asText());
        assertTrue(two.get("std").asText().endsWith(std("small", 1)), two.get("std").asText());
        assertNotEquals(load.get("std").asText(), two.get("std").asText());
        assertNotEquals(load.get("svg").asInt(), two.get("svg").asInt(), "the same drawing as before");
    }

    @Test
    void theArrowKeysStepAndAClickPicks() {
        assertEquals("large", step("key ArrowRight").get("strategy").asText());
        assertEquals("small", step("key ArrowLeft").get("strategy").asText());
        assertEquals("zero", step("key 1").get("strategy").asText());
        assertEquals("small", step("click the second strategy").get("strategy").asText());
    }

    @Test
    void theLayerSliderChangesTheLayer() {
        JsonNode moved = step("layer slider to 3");
        assertEquals(3, moved.get("layer").asInt());
        assertEquals("3 of 3", moved.get("layerLabel").asText());
        assertTrue(moved.get("title").asText().endsWith("layer 3 of 3"), moved.get("title").asText());
        assertTrue(moved.get("std").asText().endsWith(std("small", 3)), moved.get("std").asText());
        assertTrue(moved.get("explain").asText().contains("layer 3 of 3"), moved.get("explain").asText());
    }
}
