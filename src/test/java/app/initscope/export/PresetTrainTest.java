package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Optimizer;
import app.initscope.core.train.TrainConfig;
import app.initscope.export.Preset.ViewState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional "train" object of a preset, and the two training presets that ship. */
class PresetTrainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDigitsPresetIsTheSeedsFiveOnDigitsWithTanh() {
        Preset p = Preset.bundled("train-digits-tanh");
        assertEquals(Strategy.SEED, p.config().strategies());
        assertEquals(Activation.TANH, p.config().activation());
        assertEquals(4, p.config().depth());
        assertEquals(256, p.config().width());
        assertEquals(5, p.config().seed());
        assertEquals("train", p.view().tab());
        assertNotNull(p.train());
        assertEquals(DatasetId.DIGITS, p.train().dataset());
    }

    @Test
    void theSpiralPresetComparesXavierAndHeWithRelu() {
        Preset p = Preset.bundled("train-spiral-relu");
        assertEquals(List.of(Strategy.XAVIER, Strategy.HE), p.config().strategies());
        assertEquals(Activation.RELU, p.config().activation());
        assertEquals(DatasetId.SPIRAL, p.train().dataset());
        assertEquals("train", p.view().tab());
    }

    @Test
    void anOldPresetWithoutTrainStillLoadsAndWritesNoTrain() throws Exception {
        Path old = Path.of("assets/presets/deep-relu-xavier-he.json");
        assertTrue(!JSON.readTree(Files.readString(old)).has("train"), "an old preset");
        Preset p = Preset.read(old);
        assertNull(p.train());
        assertTrue(!JSON.readTree(p.toJson()).has("train"));
    }

    @Test
    void aTrainObjectRoundTripsWithTheFullBatchAsTheWord() throws Exception {
        TrainConfig t = TrainConfig.defaults().withDataset(DatasetId.MOONS).withNoise(0.2)
                .withOptimizer(Optimizer.ADAM, 0.003).withBatch(TrainConfig.FULL_BATCH).withSteps(500, 25).withBias(true);
        Preset p = new Preset("n", "d.", ExperimentConfig.defaults(), ViewState.DEFAULT, t);
        JsonNode train = JSON.readTree(p.toJson()).get("train");
        assertEquals("full", train.get("batch").asText());
        assertTrue(train.get("lr").isNumber() && train.get("bias").isBoolean() && train.get("steps").isInt());
        assertEquals("adam", train.get("optimizer").asText());
        assertEquals(p, Preset.parse(p.toJson()));
        Preset rows = new Preset(null, null, ExperimentConfig.defaults(), ViewState.DEFAULT, t.withBatch(32));
        assertEquals(32, JSON.readTree(rows.toJson()).get("train").get("batch").asInt());
        assertEquals(rows, Preset.parse(rows.toJson()));
    }

    @Test
    void aBadTrainObjectIsRefusedNamingTheField() {
        String base = new Preset(ExperimentConfig.defaults(), ViewState.DEFAULT).toJson().trim();
        String withTrain = base.substring(0, base.length() - 1) + ", \"train\": %s}";
        String good = "{\"dataset\": \"digits\", \"noise\": 0.1, \"optimizer\": \"sgd\", \"lr\": 0.1, "
                + "\"batch\": 64, \"steps\": 100, \"evalEvery\": 10, \"bias\": false}";
        assertEquals(DatasetId.DIGITS, assertDoesParse(withTrain.formatted(good)).train().dataset());
        assertMessage(withTrain.formatted(good.replace("\"lr\": 0.1", "\"lr\": 0")), "'train.lr'");
        assertMessage(withTrain.formatted(good.replace("\"batch\": 64", "\"batch\": \"all\"")), "'train.batch'");
        assertMessage(withTrain.formatted(good.replace("\"dataset\": \"digits\", ", "")), "'train.dataset'");
        assertMessage(withTrain.formatted(good.replace("\"dataset\": \"digits\"", "\"dataset\": \"mnist\"")),
                "mnist");
        assertMessage(withTrain.formatted("null"), "'train' is null");
    }

    private static Preset assertDoesParse(String json) {
        try {
            return Preset.parse(json);
        } catch (PresetException e) {
            throw new AssertionError(e.problem(), e);
        }
    }

    private static void assertMessage(String json, String part) {
        PresetException e = assertThrows(PresetException.class, () -> Preset.parse(json));
        assertTrue(e.problem().contains(part), e.problem());
    }
}
