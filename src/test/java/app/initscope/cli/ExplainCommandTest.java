package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.render.Ticks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExplainCommandTest {

    private static final String SMALL = " --fan-in 200 --samples 200 --width 200";

    private static RunCommandTest.Outcome run(String line) {
        return RunCommandTest.run(RunCommandTest.args(line));
    }

    @Test
    void heWithTanhQuotesTheNumbersOfRunAndTheTheory() throws Exception {
        RunCommandTest.Outcome json = run("run --format json --strategies xavier,he --activation tanh" + SMALL);
        assertEquals(0, json.code(), json.err());
        JsonNode he = new ObjectMapper().readTree(json.out()).get("results").get(1);
        assertEquals("he", he.get("strategy").asText());
        double stdZ = he.get("layers").get(0).get("z").get("std").asDouble();
        // Var(z) = fan_in · Var(w) · E[x²] = 200 · (2/200) · 1 = 2
        assertEquals(Math.sqrt(2), stdZ, 0.05 * Math.sqrt(2));

        RunCommandTest.Outcome o = run("explain --strategy he --strategies xavier,he --activation tanh" + SMALL);
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals("Variance grows ×2: std z " + Ticks.label(stdZ), lines.get(0));
        assertEquals("He, tanh, layer 1 of 1", lines.get(1));
        for (String heading : List.of("What you see", "Why", "What to try", "On the phase diagram")) {
            int at = lines.indexOf(heading);
            assertTrue(at > 1, heading + " in:\n" + o.out());
            assertEquals("", lines.get(at - 1), "a blank line before " + heading);
            assertFalse(lines.get(at + 1).isBlank(), "the text follows " + heading);
        }
        assertTrue(o.out().contains("std z " + Ticks.label(stdZ) + " is wider than this layer's input"), o.out());
        assertTrue(o.out().contains("chaotic"), o.out());
        assertFalse(o.out().contains("preserved:"), o.out());
    }

    @Test
    void aStrategyThatIsNotComparedIsAddedToTheRun() {
        RunCommandTest.Outcome o = run("explain --strategies xavier --strategy large --activation relu" + SMALL);
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("Exploding signal: std z "), o.out());
        assertTrue(o.out().contains("Large, ReLU, layer 1 of 1"), o.out());
    }

    @Test
    void aDeepLayerIsExplainedWithItsPosition() {
        RunCommandTest.Outcome o = run("explain --strategy xavier --activation relu --depth 10 --layer 10"
                + " --fan-in 100 --samples 200 --width 100");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().lines().findFirst().orElseThrow().endsWith("(layer 10 of 10)"), o.out());
        assertTrue(o.out().contains("Layer 10 of 10."), o.out());
    }

    @Test
    void aPresetGivesTheStrategyAndLayerThatTheCommandLineDoesNot() {
        String preset = "--preset assets/presets/deep-relu-xavier-he.json --fan-in 100 --samples 100 --width 100";
        RunCommandTest.Outcome fromPreset = run("explain " + preset);
        assertEquals(0, fromPreset.code(), fromPreset.err());
        assertEquals("He, ReLU, layer 1 of 10", fromPreset.out().lines().toList().get(1), "the preset's view: he");
        RunCommandTest.Outcome given = run("explain " + preset + " --strategy xavier --layer 10");
        assertEquals(0, given.code(), given.err());
        assertEquals("Xavier, ReLU, layer 10 of 10", given.out().lines().toList().get(1));
    }

    @Test
    void markdownHasAHeadlineAndASectionPerParagraph() {
        RunCommandTest.Outcome o = run("explain --format markdown --strategy he --activation relu" + SMALL);
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).startsWith("## Scale preserved: E[a²] "), lines.get(0));
        assertEquals("*He, ReLU, layer 1 of 1*", lines.get(2));
        for (String heading : List.of("What you see", "Why", "What to try")) {
            int at = lines.indexOf("### " + heading);
            assertTrue(at > 0, heading + " in:\n" + o.out());
            assertEquals("", lines.get(at + 1));
            assertFalse(lines.get(at + 2).isBlank());
        }
    }

    @Test
    void helpDescribesEveryOwnOption() {
        String help = run("explain --help").out();
        for (String option : List.of("--strategy=ID", "--layer=N", "--format=FMT", "--threads=N", "--output=FILE",
                "--preset=FILE", "--activation=")) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
        assertTrue(help.contains("1..depth"), help);
        assertTrue(run("--help").out().contains("explain"), "the command list names explain");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "explain --depth 3 --layer 4 | --layer: must be 1..3 (the depth), got 4",
        "explain --layer 0 | initscope explain: --layer: must be 1..1 (the depth), got 0",
        "explain --strategy kaiming | --strategy: unknown strategy 'kaiming'; valid: zero,",
        "explain --format pdf | --format",
        "explain --fan-in 0 | --fan-in",
    })
    void badInputExitsTwoWithOneLineNamingTheOption(String line, String expected) {
        RunCommandTest.assertBadInput(line + " --samples 20", expected);
    }
}
