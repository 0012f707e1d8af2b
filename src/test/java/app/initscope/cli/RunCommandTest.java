package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {

    private static final String SMALL = "--fan-in=64 --samples=50 --width=32";

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    static String[] args(String line) {
        return line.trim().split("\\s+");
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        Outcome o = run(args("run --format json --depth 2 --strategies xavier,he --repeat 2 " + SMALL));
        assertEquals(0, o.code(), o.err());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertTrue(root.get("initscope").isTextual());
        JsonNode config = root.get("config");
        for (String key : List.of("strategies", "activation", "fanIn", "samples", "width", "depth", "outputs",
                "seed", "leakySlope", "bins", "input")) {
            assertTrue(config.has(key), "config." + key);
        }
        assertEquals(64, config.get("fanIn").asInt());
        JsonNode results = root.get("results");
        assertEquals(2, results.size());
        assertEquals("xavier", results.get(0).get("strategy").asText());
        assertTrue(results.get(0).get("loss").isNumber());
        JsonNode layers = results.get(1).get("layers");
        assertEquals(2, layers.size());
        JsonNode layer = layers.get(1);
        for (String key : List.of("layer", "fanIn", "fanOut", "weightStd", "distinctUnits", "theory")) {
            assertTrue(layer.has(key), "layer." + key);
        }
        assertEquals(32, layer.get("fanIn").asInt());
        for (String tensor : List.of("z", "activation", "localGradient", "delta", "weightGradient")) {
            JsonNode stats = layer.get(tensor);
            for (String key : List.of("count", "mean", "std", "min", "max", "nonFinite", "zeroFraction",
                    "saturatedFraction", "histogram")) {
                assertTrue(stats.has(key), tensor + "." + key);
            }
            JsonNode h = stats.get("histogram");
            assertEquals(60, h.get("counts").size());
            long total = h.get("underflow").asLong() + h.get("overflow").asLong();
            for (JsonNode c : h.get("counts")) {
                total += c.asLong();
            }
            assertEquals(stats.get("count").asLong() - stats.get("nonFinite").asLong(), total, tensor);
        }
        assertTrue(layer.get("activation").get("saturatedFraction").isNumber());
        assertTrue(layer.get("z").get("saturatedFraction").isNull());
        assertEquals(2, root.get("timing").get("computeMillis").size());
    }

    @Test
    void tableHasARowPerStrategyAndLayer() {
        Outcome o = run(args("run --depth 3 --strategies zero,xavier " + SMALL));
        assertEquals(0, o.code(), o.err());
        long rows = o.out().lines().filter(l -> l.startsWith("zero ") || l.startsWith("xavier ")).count();
        assertEquals(6, rows, o.out());
        assertTrue(o.out().contains("theory std z"));
        assertTrue(o.out().contains("1/32"), "zero init shows one distinct unit of 32:\n" + o.out());
    }

    @Test
    void csvHasARowPerStrategyLayerAndTensor() {
        Outcome o = run(args("run --format csv --depth 2 --strategies small,large,he " + SMALL));
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(1 + 3 * 2 * 5, lines.size());
        assertTrue(lines.get(0).startsWith("strategy,layer,tensor,"));
        assertEquals(lines.get(0).split(",").length, lines.get(1).split(",", -1).length);
    }

    @Test
    void outputFileIsWrittenAndNothingIsPrinted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        Outcome o = run(args("run --format json --output " + file + " " + SMALL));
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.out());
        assertTrue(new ObjectMapper().readTree(file.toFile()).has("results"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run --strategies xavier,kaiming | --strategies",
        "run --strategies xavier,kaiming | glorot-uniform",
        "run --fan-in 0 | --fan-in",
        "run --fan-in 0 | between 1 and 65536",
        "run --fan-in abc | --fan-in",
        "run --depth 1000 | --depth",
        "run --samples -3 | --samples",
        "run --activation swish | --activation",
        "run --activation swish | leaky-relu",
        "run --format xml | --format",
        "run --fanin 10 | --fanin",
        "run --threads 0 | --threads",
        "run --repeat 0 | --repeat",
        "run --bins 0 | --bins",
        "run --input cauchy | --input",
        "run --range q=0:1 | --range",
        "run --sigma -1 | --sigma",
        "run --samples 1000000 --fan-in 65536 --width 40000 | more than 2147483631 elements",
        "run --samples 20000 --fan-in 4096 --depth 20 | needs about",
        "launch | launch",
    })
    void badInputExitsTwoWithOneLineNamingTheProblem(String line, String expected) {
        assertBadInput(line, expected);
    }

    /** Asserts that a command line is bad input: exit 2, nothing printed, one line on stderr with the text. */
    static void assertBadInput(String line, String expected) {
        Outcome o = run(args(line));
        assertEquals(2, o.code(), o.err());
        assertEquals("", o.out());
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + o.err());
        assertTrue(lines.get(0).contains(expected.trim()), lines.get(0));
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
    }

    @Test
    void anUnwritableOutputIsBadInputFoundBeforeTheComputation(@TempDir Path dir) {
        // a folder that does not exist is known before the run: exit 2 naming --output, not 1 after the work
        Outcome o = run(args("run --output " + dir.resolve("missing/run.txt") + " " + SMALL));
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("initscope run: --output: the folder "), o.err());
        assertEquals(1, o.err().lines().count());
    }

    @Test
    void versionAndHelpExitZero() {
        Outcome v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("InitScope "), v.out());
        assertTrue(v.out().contains("Matrix kernel: " + app.initscope.core.linalg.Kernels.best(
                app.initscope.core.linalg.Parallel.sequential()).name()), "says which kernel: " + v.out());
        assertEquals(v, run("-V"), "the short form");
        var picocli = new java.io.StringWriter();
        new picocli.CommandLine(new Cli()).printVersionHelp(new java.io.PrintWriter(picocli, true));
        assertEquals(picocli.toString().strip(), v.out().strip(), "the quick answer is picocli's");
        Outcome h = run("run", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--strategies") && h.out().contains("Examples"), h.out());
    }

    @Test
    void aJavaFxWithoutFontsIsExplainedInOneLine() {
        // what JavaFX 26 throws when fontconfig lists no fonts
        var npe = new NullPointerException("Cannot invoke \"com.sun.javafx.font.FontResource.getDefaultAAMode()\" "
                + "because the return value of \"com.sun.javafx.font.LogicalFont.getSlot0Resource()\" is null");
        String message = Cli.describe(npe);
        assertTrue(message.startsWith("no fonts found"), message);
        assertTrue(message.contains("fonts-dejavu-core"), message);
        assertEquals("disk full", Cli.describe(new java.io.IOException("disk full")));
    }
}
