package app.initscope.cli;

import static app.initscope.cli.RunCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.cli.RunCommandTest.Outcome;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Range;
import app.initscope.export.Preset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliPresetTest {

    /** A small preset far from the defaults, with a fixed range for z. */
    private static final Preset SMALL = new Preset("small", null, ExperimentConfig.builder()
            .strategies(List.of(Strategy.XAVIER, Strategy.HE)).activation(Activation.RELU).fanIn(64).samples(50)
            .width(32).depth(2).seed(7).bins(20).ranges(Map.of(TensorKind.Z, new Range(-4, 4))).build(),
            Preset.ViewState.DEFAULT);

    private static JsonNode config(Outcome o) throws Exception {
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(o.out()).get("config");
    }

    private static JsonNode firstLayer(Outcome o, String tensor) throws Exception {
        return new ObjectMapper().readTree(o.out()).get("results").get(0).get("layers").get(0).get(tensor);
    }

    @Test
    void runUsesThePresetsConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.json");
        SMALL.write(file);
        Outcome o = run("run", "--preset", file.toString(), "--format", "json");
        JsonNode c = config(o);
        assertEquals("[\"xavier\",\"he\"]", c.get("strategies").toString());
        assertEquals("relu", c.get("activation").asText());
        assertEquals(64, c.get("fanIn").asInt());
        assertEquals(50, c.get("samples").asInt());
        assertEquals(32, c.get("width").asInt());
        assertEquals(2, c.get("depth").asInt());
        assertEquals(7, c.get("seed").asLong());
        assertEquals(20, c.get("bins").asInt());
        JsonNode z = firstLayer(o, "z").get("histogram");
        assertEquals(-4.0, z.get("lo").asDouble());
        assertEquals(4.0, z.get("hi").asDouble());
    }

    @Test
    void anOptionGivenOnTheCommandLineOverridesOnlyThatValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.json");
        SMALL.write(file);
        Outcome o = run("run", "--preset", file.toString(), "--fan-in", "48", "--range", "delta=-1:1",
                "--format", "json");
        JsonNode c = config(o);
        assertEquals(48, c.get("fanIn").asInt());
        assertEquals(32, c.get("width").asInt(), "the preset's width, not the fan-in");
        assertEquals("relu", c.get("activation").asText());
        assertEquals(2, c.get("depth").asInt());
        assertEquals(7, c.get("seed").asLong());
        assertEquals(20, c.get("bins").asInt());
        assertEquals(2, c.get("strategies").size());
        assertEquals(-4.0, firstLayer(o, "z").get("histogram").get("lo").asDouble(), "the preset's z range stays");
        assertEquals(-1.0, firstLayer(o, "delta").get("histogram").get("lo").asDouble());
    }

    @Test
    void optionsEqualToTheirDefaultsStillOverrideThePreset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.json");
        SMALL.write(file);
        JsonNode c = config(run("run", "--preset", file.toString(), "--seed", "42", "--activation", "tanh",
                "--format", "json"));
        assertEquals(42, c.get("seed").asLong());
        assertEquals("tanh", c.get("activation").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "missing file | | file not found",
        "not JSON | {\"initscope-preset\": 1,, } | not valid JSON",
        "fanIn 0 | FANIN0 | 'config.fanIn' must be between 1 and 65536, got 0",
        "newer | NEWER | written by a newer InitScope",
    })
    void aBadPresetExitsTwoWithOneLineNamingTheFile(String label, String content, String expected,
                                                    @TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad preset.json");
        if (content != null) {
            String json = SMALL.toJson();
            Files.writeString(file, switch (content) {
                case "FANIN0" -> json.replace("\"fanIn\": 64", "\"fanIn\": 0");
                case "NEWER" -> json.replace("\"initscope-preset\": 1", "\"initscope-preset\": 2");
                default -> content;
            });
        }
        Outcome o = run("run", "--preset", file.toString(), "--samples", "10");
        assertEquals(2, o.code(), o.err());
        assertEquals("", o.out());
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("initscope run: --preset " + file + ": "), lines.get(0));
        assertTrue(lines.get(0).contains(expected), label + ": " + lines.get(0));
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    void everyShippedPresetRunsFromTheCommandLine() throws Exception {
        for (String name : Preset.bundledNames()) {
            Path file = Path.of("assets/presets", name + ".json");
            JsonNode c = config(run("run", "--preset", file.toString(), "--samples", "20", "--format", "json"));
            Preset p = Preset.read(file);
            assertEquals(p.config().strategies().size(), c.get("strategies").size(), name);
            assertEquals(p.config().depth(), c.get("depth").asInt(), name);
            assertEquals(20, c.get("samples").asInt(), name);
        }
    }

    @Test
    void helpDescribesThePresetOption() {
        Outcome h = run("run", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--preset=FILE"), h.out());
        assertTrue(h.out().contains("--preset lecture.json"), h.out());
    }
}
