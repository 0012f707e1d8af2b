package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.export.HandoutPages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code initscope export --format html}: one page, whose data is {@code run --format json}'s. */
class HandoutCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMALL = "--fan-in=64 --samples=60 --width=32";

    /** The page's embedded JSON element with this id, parsed. */
    static JsonNode embedded(Path page, String id) throws Exception {
        return HandoutPages.embedded(Files.readString(page), id);
    }

    @Test
    void thePresetsPageHoldsRunsJsonForTheSameOptionsAndIsTheOnlyFileWritten(@TempDir Path dir) throws Exception {
        String options = "--preset assets/presets/seed-experiment.json " + SMALL + " --depth 2 --seed 7";
        RunCommandTest.Outcome page = RunCommandTest.run(RunCommandTest.args(
                "export --format html --out " + dir + " " + options));
        assertEquals(0, page.code(), page.err());
        Path file = Path.of(page.out().trim());
        assertEquals(dir.resolve("seed-experiment.html"), file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        RunCommandTest.Outcome run = RunCommandTest.run(RunCommandTest.args("run --format json " + options));
        assertEquals(0, run.code(), run.err());
        ObjectNode expected = (ObjectNode) JSON.readTree(run.out());
        ObjectNode actual = (ObjectNode) embedded(file, "report-data");
        expected.remove("timing");                      // the compute times differ from run to run
        actual.remove("timing");
        assertEquals(expected, actual);
        JsonNode data = embedded(file, "page-data");
        assertEquals("Seed experiment", data.get("name").asText());
        assertTrue(data.get("description").asText().startsWith("One hidden tanh layer"));
        assertEquals(List.of("zero", "small", "large", "xavier", "he"),
                data.get("strategies").findValuesAsText("id"));
        assertTrue(data.get("phase") == null, "the seed preset does not open on the Phase tab");
    }

    /** The bundled spiral training preset made quick: two layers of 16, 40 steps, an evaluation every 20. */
    static Path shortTrainingPreset(Path dir) throws Exception {
        ObjectNode preset = (ObjectNode) JSON.readTree(Path.of("assets/presets/train-spiral-relu.json").toFile());
        ((ObjectNode) preset.get("config")).put("depth", 2).put("width", 16);
        ((ObjectNode) preset.get("view")).put("layer", 2);
        ((ObjectNode) preset.get("train")).put("steps", 40).put("evalEvery", 20).put("batch", 16);
        Path file = dir.resolve("short-training.json");
        JSON.writeValue(file.toFile(), preset);
        return file;
    }

    @Test
    void aPresetWithTrainingPutsItsCurvesInThePage(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome page = RunCommandTest.run(RunCommandTest.args(
                "export --format html --preset " + shortTrainingPreset(dir) + " --samples 100 --out " + dir));
        assertEquals(0, page.code(), page.err());
        JsonNode train = embedded(Path.of(page.out().trim()), "page-data").get("train");
        assertTrue(train != null && train.get("results").size() > 0, "no training in the page");
        JsonNode first = train.get("results").get(0);
        assertEquals(0, first.get("steps").get(0).get("step").asInt());
        assertTrue(first.get("evals").size() > 1, "the step slider needs evaluations");
    }

    @Test
    void theViewOptionsSetHowThePageOpens(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome page = RunCommandTest.run(RunCommandTest.args("export --format html --depth 3 "
                + "--strategy he --layer 3 --gradient weightGradient --log-y --no-theory --phase-diagram --out " + dir
                + " "
                + SMALL));
        assertEquals(0, page.code(), page.err());
        Path file = Path.of(page.out().trim());
        assertEquals(dir.resolve("initscope-handout.html"), file);
        JsonNode view = embedded(file, "page-data").get("view");
        assertEquals("he", view.get("strategy").asText());
        assertEquals(3, view.get("layer").asInt());
        assertTrue(view.get("logY").asBoolean());
        assertTrue(!view.get("theory").asBoolean());
        assertEquals("weightGradient", embedded(file, "page-data").get("tensors").get(2).get("id").asText());
        String phase = embedded(file, "page-data").get("phase").get("alt").asText();
        assertTrue(phase.startsWith("Phase diagram of tanh") && phase.contains("He: σ_w² = 2, χ₁ ≈ "), phase);
    }

    @Test
    void aStrategyGivenButNotListedIsAddedToTheRunAsForTheOtherViews(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome page = RunCommandTest.run(RunCommandTest.args(
                "export --format html --strategies zero,he --strategy small --out " + dir + " " + SMALL));
        assertEquals(0, page.code(), page.err());
        JsonNode data = embedded(Path.of(page.out().trim()), "page-data");
        assertEquals(List.of("small", "zero", "he"), data.get("strategies").findValuesAsText("id"));
        assertEquals("small", data.get("view").get("strategy").asText());
        RunCommandTest.Outcome byDefault = RunCommandTest.run(RunCommandTest.args(
                "export --format html --strategies zero,he --out " + dir + " " + SMALL));
        assertEquals(0, byDefault.code(), byDefault.err());
        JsonNode first = embedded(Path.of(byDefault.out().trim()), "page-data");
        assertEquals(List.of("zero", "he"), first.get("strategies").findValuesAsText("id"));
        assertEquals("zero", first.get("view").get("strategy").asText(), "the default xavier is not computed");
    }

    @Test
    void aMissingFolderOrAnUnknownFormatIsAUsageError(@TempDir Path dir) {
        RunCommandTest.Outcome folder = RunCommandTest.run(RunCommandTest.args(
                "export --format html --out " + dir.resolve("missing") + " " + SMALL));
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("--out: folder") && folder.err().contains("does not exist"), folder.err());
        RunCommandTest.Outcome format = RunCommandTest.run(RunCommandTest.args(
                "export --format pdf --out " + dir + " " + SMALL));
        assertEquals(2, format.code());
        assertTrue(format.err().contains("valid: png, svg, csv, html"), format.err());
    }
}
