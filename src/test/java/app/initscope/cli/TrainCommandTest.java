package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.settings.Setting;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.Datasets;
import app.initscope.core.train.Mlp;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;
import app.initscope.export.TrainCsvReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code initscope train}: the JSON contract, the CSV and table, bad input, divergence and repeats. */
class TrainCommandTest {

    /** A small teacher: 80 training rows of 12 inputs, width 10. */
    private static final String SMALL = "--fan-in 12 --samples 80 --width 10 --outputs 2 --threads 2";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunCommandTest.Outcome train(String line) {
        return RunCommandTest.run(RunCommandTest.args("train " + line));
    }

    private static JsonNode json(String line) throws Exception {
        RunCommandTest.Outcome o = train(line + " --format json");
        assertEquals(0, o.code(), o.err());
        return JSON.readTree(o.out());
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        JsonNode root = json("--strategies xavier,he --depth 2 --steps 7 --eval-every 3 " + SMALL);
        assertEquals(List.of("initscope", "config", "results", "timing"), keys(root));
        assertTrue(root.get("initscope").isTextual());
        JsonNode config = root.get("config");
        List<String> expected = new ArrayList<>(Catalog.ALL.stream().map(Setting::id).toList());
        expected.add("train");
        assertEquals(expected, keys(config), "run's config keys, then train");
        assertEquals(TrainCatalog.ALL.stream().map(Setting::id).toList(), keys(config.get("train")));
        assertEquals(List.of("dataset", "noise", "optimizer", "lr", "batch", "steps", "evalEvery", "bias"),
                keys(config.get("train")));
        assertEquals("teacher", config.get("train").get("dataset").asText());
        assertEquals(64, config.get("train").get("batch").asInt());
        assertTrue(config.get("train").get("bias").isBoolean());
        assertEquals(12, config.get("fanIn").asInt());

        JsonNode results = root.get("results");
        assertEquals(2, results.size());
        assertEquals("xavier", results.get(0).get("strategy").asText());
        assertEquals("he", results.get(1).get("strategy").asText());
        for (JsonNode r : results) {
            assertEquals(List.of("strategy", "repeat", "steps", "evals", "final", "divergedAt"), keys(r));
            assertEquals(1, r.get("repeat").asInt());
            assertTrue(r.get("divergedAt").isNull());
            JsonNode steps = r.get("steps");
            assertEquals(7, steps.size());
            for (int i = 0; i < steps.size(); i++) {
                JsonNode s = steps.get(i);
                assertEquals(List.of("step", "loss", "layers"), keys(s), "no accuracy for the teacher");
                assertEquals(i, s.get("step").asInt());
                assertTrue(s.get("loss").isNumber());
                assertEquals(2, s.get("layers").size());
                for (int l = 0; l < 2; l++) {
                    JsonNode layer = s.get("layers").get(l);
                    assertEquals(List.of("layer", "weightStd", "gradToData", "updateToData", "activationStd",
                            "saturatedFraction", "zeroFraction", "distinctUnits"), keys(layer));
                    assertEquals(l + 1, layer.get("layer").asInt());
                    assertTrue(layer.get("distinctUnits").asInt() >= 1 && layer.get("distinctUnits").asInt() <= 10);
                }
            }
            JsonNode evals = r.get("evals");
            List<Integer> at = new ArrayList<>();
            evals.forEach(e -> at.add(e.get("step").asInt()));
            assertEquals(List.of(0, 3, 6, 7), at, "step 0, every 3, and after the last update");
            for (JsonNode e : evals) {
                assertEquals(List.of("step", "testLoss", "layers"), keys(e));
                assertEquals(2, e.get("layers").size());
                JsonNode layer = e.get("layers").get(1);
                assertEquals(List.of("layer", "z", "activation", "delta"), keys(layer));
                for (String tensor : List.of("z", "activation", "delta")) {
                    JsonNode stats = layer.get(tensor);
                    assertEquals(List.of("count", "mean", "std", "min", "max", "nonFinite", "zeroFraction",
                            "saturatedFraction", "histogram"), keys(stats), tensor);
                    assertEquals(80 * 10, stats.get("count").asLong(), "test rows × width");
                    JsonNode h = stats.get("histogram");
                    assertEquals(config.get("bins").asInt(), h.get("counts").size());
                    long total = h.get("underflow").asLong() + h.get("overflow").asLong();
                    for (JsonNode c : h.get("counts")) {
                        total += c.asLong();
                    }
                    assertEquals(stats.get("count").asLong() - stats.get("nonFinite").asLong(), total, tensor);
                }
                assertTrue(layer.get("activation").get("saturatedFraction").isNumber(), "tanh saturates");
                assertTrue(layer.get("z").get("saturatedFraction").isNull());
            }
            assertEquals(List.of("loss", "testLoss"), keys(r.get("final")));
            assertEquals(evals.get(3).get("testLoss").asDouble(), r.get("final").get("testLoss").asDouble());
        }
        assertEquals(List.of("computeMillis", "stepsPerSecond"), keys(root.get("timing")));
        assertEquals(1, root.get("timing").get("computeMillis").size());
        assertTrue(root.get("timing").get("stepsPerSecond").asDouble() > 0);
    }

    /**
     * Step 0 is the network before any update: its loss on the full batch is the loss of the freshly initialized
     * network on the whole training set, computed here with a plain forward pass in double.
     */
    @Test
    void stepZeroIsTheInitialNetworkOnTheFullBatch() throws Exception {
        JsonNode root = json("--strategies xavier,large --depth 1 --batch full --steps 3 " + SMALL);
        assertEquals("full", root.get("config").get("train").get("batch").asText());
        ExperimentConfig config = ExperimentConfig.builder().fanIn(12).samples(80).width(10).outputs(2).depth(1)
                .activation(Activation.TANH).build();
        Parallel seq = Parallel.sequential();
        Dataset data = Datasets.of(config, TrainConfig.defaults(), Kernels.best(seq), seq);
        for (int k = 0; k < 2; k++) {
            Strategy strategy = k == 0 ? Strategy.XAVIER : Strategy.LARGE;
            Mlp mlp = new Mlp(12, 10, 1, 2, false, Activation.TANH.function(config.leakySlope()), Kernels.best(seq),
                    seq);
            mlp.initialize(strategy.initializer(config.initOptions()), new RandomStreams(config.seed()));
            double expected = mseOneHiddenLayer(data.train(), mlp.weights(1), mlp.weights(2), 12, 10, 2);
            JsonNode steps = root.get("results").get(k).get("steps");
            double first = steps.get(0).get("loss").asDouble();
            assertEquals(expected, first, 1e-5 * expected, strategy.id());
            assertTrue(steps.get(1).get("loss").asDouble() != first, "the first update changed the loss");
        }
    }

    /** L = Σ(y − T)²/(2·rows) with y = tanh(X·W1)·W2, W row-major fanIn × fanOut. */
    private static double mseOneHiddenLayer(Dataset.Split set, float[] w1, float[] w2, int in, int width,
                                            int outs) {
        double sum = 0;
        for (int r = 0; r < set.rows(); r++) {
            double[] a = new double[width];
            for (int j = 0; j < width; j++) {
                double z = 0;
                for (int i = 0; i < in; i++) {
                    z += (double) set.x()[r * in + i] * w1[i * width + j];
                }
                a[j] = Math.tanh(z);
            }
            for (int o = 0; o < outs; o++) {
                double y = 0;
                for (int j = 0; j < width; j++) {
                    y += a[j] * w2[j * outs + o];
                }
                double d = y - set.targets()[r * outs + o];
                sum += d * d;
            }
        }
        return sum / (2.0 * set.rows());
    }

    /** Digits is a classification: accuracies everywhere; from Small the logits are ≈ 0, so the loss is ln 10. */
    @Test
    void digitsReportsAccuraciesAndStartsAtLnTenFromSmall() throws Exception {
        JsonNode root = json("--dataset digits --strategies small --depth 2 --width 16 --steps 2 --eval-every 1");
        JsonNode r = root.get("results").get(0);
        JsonNode first = r.get("steps").get(0);
        assertEquals(List.of("step", "loss", "accuracy", "layers"), keys(first));
        assertEquals(Math.log(10), first.get("loss").asDouble(), 1e-3);
        double acc = first.get("accuracy").asDouble();
        assertTrue(acc >= 0 && acc <= 1, "accuracy is a fraction: " + acc);
        for (JsonNode e : r.get("evals")) {
            assertEquals(List.of("step", "testLoss", "testAccuracy", "layers"), keys(e));
            assertEquals(297 * 16, e.get("layers").get(0).get("z").get("count").asLong(), "297 test rows");
        }
        assertEquals(List.of("loss", "testLoss", "testAccuracy"), keys(r.get("final")));
    }

    @Test
    void aDivergingRunIsAResult() throws Exception {
        String line = "--strategies large,xavier --depth 2 --lr 1000 --steps 40 " + SMALL;
        JsonNode root = json(line);
        JsonNode large = root.get("results").get(0);
        assertTrue(large.get("divergedAt").isInt(), large.get("divergedAt").toString());
        int at = large.get("divergedAt").asInt();
        JsonNode steps = large.get("steps");
        assertEquals(at + 1, steps.size(), "training stops at the step it diverged");
        assertTrue(steps.get(at).get("loss").isNull(), "a non-finite loss is null");
        assertEquals(0, steps.get(at).get("layers").size());
        assertTrue(large.get("final").get("loss").isNull());
        assertTrue(large.get("final").get("testLoss").isNull());

        RunCommandTest.Outcome table = train(line);
        assertEquals(0, table.code(), table.err());
        String row = table.out().lines().filter(l -> l.startsWith("large")).findFirst().orElseThrow();
        assertTrue(row.endsWith("diverged at step " + at), row);

        RunCommandTest.Outcome csv = train(line + " --format csv");
        String fin = csv.out().lines().filter(l -> l.startsWith("1,large,final,")).findFirst().orElseThrow();
        assertTrue(fin.endsWith("," + at), fin);
    }

    @Test
    void repeatListsEveryRunAndTheyAreIdentical() throws Exception {
        JsonNode root = json("--strategies zero,he --depth 2 --steps 5 --eval-every 2 --repeat 2 " + SMALL);
        JsonNode results = root.get("results");
        assertEquals(4, results.size());
        assertEquals(List.of("zero", "he", "zero", "he"), results.findValuesAsText("strategy"));
        assertEquals(List.of(1, 1, 2, 2), results.findValues("repeat").stream().map(JsonNode::asInt).toList());
        for (int i = 0; i < 2; i++) {
            ObjectNode a = results.get(i).deepCopy();
            ObjectNode b = results.get(i + 2).deepCopy();
            a.remove("repeat");
            b.remove("repeat");
            assertEquals(a, b, "the same seed gives the same training");
        }
        assertEquals(2, root.get("timing").get("computeMillis").size());
    }

    @Test
    void csvHasARowPerStepLayerAndEvalTensorMatchingTheJson() throws Exception {
        String line = "--strategies xavier --depth 2 --steps 4 --eval-every 2 " + SMALL;
        JsonNode root = json(line);
        RunCommandTest.Outcome o = train(line + " --format csv");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(TrainCsvReport.HEADER, lines.get(0));
        List<String> header = List.of(lines.get(0).split(","));
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        rows.forEach(r -> assertEquals(header.size(), r.length));
        int record = header.indexOf("record");
        assertEquals(4 * 2, rows.stream().filter(r -> r[record].equals("step")).count(), "steps × layers");
        assertEquals(3 * 2 * 3, rows.stream().filter(r -> r[record].equals("eval")).count(),
                "evals (0, 2, 4) × layers × tensors");
        assertEquals(1, rows.stream().filter(r -> r[record].equals("final")).count());
        JsonNode step2 = root.get("results").get(0).get("steps").get(2);
        String[] csvStep2 = rows.stream().filter(r -> r[record].equals("step") && r[header.indexOf("step")]
                .equals("2") && r[header.indexOf("layer")].equals("2")).findFirst().orElseThrow();
        assertEquals(step2.get("loss").asDouble(), Double.parseDouble(csvStep2[header.indexOf("loss")]));
        assertEquals(step2.get("layers").get(1).get("updateToData").asDouble(),
                Double.parseDouble(csvStep2[header.indexOf("updateToData")]));
        assertEquals("", csvStep2[header.indexOf("accuracy")], "no accuracy for a regression");
        String[] delta = rows.stream().filter(r -> r[header.indexOf("tensor")].equals("delta")
                && r[header.indexOf("step")].equals("4") && r[header.indexOf("layer")].equals("1")).findFirst()
                .orElseThrow();
        JsonNode jsonDelta = root.get("results").get(0).get("evals").get(2).get("layers").get(0).get("delta");
        assertEquals(jsonDelta.get("std").asDouble(), Double.parseDouble(delta[header.indexOf("std")]));
    }

    @Test
    void tableSummarizesEachStrategy() {
        RunCommandTest.Outcome o = train("--dataset xor --samples 64 --strategies xavier,he --steps 3 --depth 1 "
                + "--width 8");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("test acc %"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("xavier")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("he")), o.out());
        assertFalse(o.out().contains("diverged"), o.out());
    }

    @Test
    void outputWritesTheFileAndNothingToStandardOutput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("train.json");
        RunCommandTest.Outcome o = train("--strategies he --depth 1 --steps 2 --format json --output " + file + " "
                + SMALL);
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.out());
        assertTrue(o.err().contains("wrote"), o.err());
        assertEquals(2, JSON.readTree(Files.readString(file)).get("results").get(0).get("steps").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--lr 0                       | --lr",
        "--lr -0.5                    | --lr",
        "--lr 1e999                   | --lr",
        "--lr NaN                     | --lr",
        "--steps 0                    | --steps",
        "--batch 81                   | --batch",
        "--batch some                 | --batch",
        "--dataset mnist              | --dataset",
        "--optimizer rmsprop          | --optimizer",
        "--eval-every 0               | --eval-every",
        "--repeat 0                   | --repeat",
        "--bias maybe                 | --bias",
        "--noise -1                   | --noise",
        "--depth 0                    | --depth",
        "--sigma-b 0.5                | --sigma-b"})
    void badInputExitsTwoWithOneLineNamingTheOption(String option, String flag) {
        String steps = option.startsWith("--steps") ? "" : " --steps 2";
        RunCommandTest.Outcome o = train(option + steps + " --strategies he " + SMALL);
        assertEquals(2, o.code(), o.err());
        assertEquals("", o.out(), "no training output");
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("initscope train: " + flag + ":"), o.err());
    }

    @Test
    void aTeacherTooLargeForTheHeapIsRefusedBeforeTraining() {
        RunCommandTest.Outcome o = train("--fan-in 46000 --samples 46000 --width 8 --steps 1");
        assertEquals(2, o.code(), o.err());
        assertEquals("", o.out());
        assertTrue(o.err().startsWith("initscope train: memory:"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    /** On a terminal the steps move the progress line, and the trainer is asked for no snapshot. */
    @Test
    void stepsReachTheProgressLineWithoutSnapshots() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        Progress p = new Progress(new java.io.PrintWriter(text), now::get, 1);
        now.addAndGet(1_000_000_000L);
        var listener = TrainCommand.steps(p, Strategy.HE, 1, 2, 100);   // the second of two strategies
        now.addAndGet(1_000_000_000L);
        assertFalse(listener.wants(50), "no snapshot is built");
        assertTrue(text.toString().contains(" 75% · he: step 50/100"), text.toString());
        RunCommandTest.Outcome o = train("--strategies he --depth 1 --steps 3 " + SMALL);
        assertFalse(o.err().contains("\r"), "a redirected standard error gets no progress: " + o.err());
    }

    @Test
    void helpListsEveryRunAndTrainOptionWithItsRange() {
        RunCommandTest.Outcome o = train("--help");
        assertEquals(0, o.code());
        for (Setting<?> s : Catalog.ALL) {
            assertTrue(o.out().contains(s.flag() + "=" + s.paramLabel()), s.flag());
        }
        for (Setting<?> s : TrainCatalog.ALL) {
            assertTrue(o.out().contains(s.flag() + "=" + s.paramLabel()), s.flag());
        }
        assertTrue(o.out().contains("--batch=N|full"), o.out());
        assertTrue(o.out().contains("--repeat=N") && o.out().contains("--output=FILE"), o.out());
    }

    /** Every training setting given on the command line reaches the JSON's "train" object. */
    @Test
    void everyTrainSettingReachesTheJson() throws Exception {
        JsonNode train = json("--strategies he --depth 1 --dataset moons --samples 50 --noise 0.25 --optimizer adam "
                + "--lr 0.003 --batch 7 --steps 3 --eval-every 2 --bias true --width 6").get("config").get("train");
        assertEquals("moons", train.get("dataset").asText());
        assertEquals(0.25, train.get("noise").asDouble());
        assertEquals("adam", train.get("optimizer").asText());
        assertEquals(0.003, train.get("lr").asDouble());
        assertEquals(7, train.get("batch").asInt());
        assertEquals(3, train.get("steps").asInt());
        assertEquals(2, train.get("evalEvery").asInt());
        assertTrue(train.get("bias").asBoolean());
    }

    /** The last update can be the one that diverges: the loss after it is NaN or infinite, and that is reported. */
    @Test
    void divergenceAfterTheLastUpdateIsReported() throws Exception {
        String line = "--samples 32 --fan-in 8 --width 8 --steps 2 --eval-every 1 --batch 8 --strategies large "
                + "--activation relu --lr 1000000 --threads 1";
        JsonNode r = json(line).get("results").get(0);
        assertEquals(2, r.get("divergedAt").asInt(), r.toString());
        assertTrue(r.get("final").get("loss").isNull(), r.get("final").toString());
        RunCommandTest.Outcome table = train(line);
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("diverged at step 2"), table.out());
    }
}
