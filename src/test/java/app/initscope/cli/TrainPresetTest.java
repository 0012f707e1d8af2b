package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.train.TrainConfig;
import app.initscope.export.Preset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code initscope train --preset}: the preset's "train" object is the base, and the options given override it. */
class TrainPresetTest {

    private static RunCommandTest.Outcome train(String line) {
        return RunCommandTest.run(RunCommandTest.args("train " + line));
    }

    private static JsonNode trainConfig(RunCommandTest.Outcome o) throws Exception {
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(o.out()).get("config").get("train");
    }

    private static Path preset(Path dir, int samples, TrainConfig train) throws Exception {
        Path file = dir.resolve("p.json");
        new Preset("p", null, ExperimentConfig.builder().strategies(List.of(Strategy.HE)).fanIn(6).samples(samples)
                .width(5).depth(1).build(), Preset.ViewState.DEFAULT, train).write(file);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"train-digits-tanh", "train-spiral-relu"})
    void aShippedTrainingPresetTrainsOnItsOwnDataSet(String name) throws Exception {
        Preset p = Preset.read(Path.of("assets/presets/" + name + ".json"));
        JsonNode train = trainConfig(train("--preset assets/presets/" + name + ".json --steps 2 --width 8 "
                + "--strategies he --threads 1 --format json"));
        assertEquals(p.train().dataset().id(), train.get("dataset").asText());
        assertEquals(p.train().lr(), train.get("lr").asDouble());
        assertEquals(2, train.get("steps").asInt(), "the option given overrides the preset");
    }

    @Test
    void thePresetsBatchIsUsedAndAnOptionOverridesIt(@TempDir Path dir) throws Exception {
        Path file = preset(dir, 32, TrainConfig.defaults().withBatch(8).withSteps(3, 1));
        JsonNode train = trainConfig(train("--preset " + file + " --threads 1 --format json"));
        assertEquals(8, train.get("batch").asInt());
        assertEquals(3, train.get("steps").asInt());
        assertEquals(4, trainConfig(train("--preset " + file + " --batch 4 --threads 1 --format json"))
                .get("batch").asInt());
    }

    @Test
    void aPresetsBatchTooLargeIsBlamedOnThePresetNotOnAnOptionNeverGiven(@TempDir Path dir) throws Exception {
        Path file = preset(dir, 32, TrainConfig.defaults().withBatch(40).withSteps(3, 1));
        RunCommandTest.Outcome o = train("--preset " + file + " --threads 1");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("--preset " + file + ": 'train.batch' must be at most"), o.err());
        assertFalse(o.err().contains("--batch:"), o.err());
    }

    @Test
    void theDefaultBatchTooLargeDoesNotBlameAnOptionNeverGiven() {
        RunCommandTest.Outcome o = train("--fan-in 6 --samples 32 --width 5 --depth 1 --strategies he --steps 2");
        assertEquals(2, o.code(), o.err());
        assertFalse(o.err().contains("--batch:"), o.err());
        assertTrue(o.err().contains("the default batch must be at most"), o.err());
    }
}
