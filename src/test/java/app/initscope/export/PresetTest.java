package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.InputDistribution;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Range;
import app.initscope.export.Preset.ViewState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PresetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A preset that uses every field, with values away from the defaults. */
    private static final Preset FULL = new Preset("Lecture 3", "Deep leaky ReLU with fixed ranges.",
            ExperimentConfig.builder().strategies(List.of(Strategy.HE, Strategy.ORTHOGONAL, Strategy.CUSTOM_NORMAL))
                    .activation(Activation.LEAKY_RELU).fanIn(64).samples(50).width(32).depth(4).outputs(3)
                    .seed(-7).leakySlope(0.2).constant(-0.5).sigma(0.125).bins(25).input(InputDistribution.UNIFORM)
                    .ranges(Map.of(TensorKind.Z, new Range(-3, 3), TensorKind.DELTA, new Range(-1e-3, 2.5e-3)))
                    .build(),
            new ViewState("orthogonal", 3, "weightGradient", true, false, true, "compare"));

    /** The seed preset's JSON with one change. */
    private static String seedWith(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(seedJson());
            change.accept(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String seedJson() {
        return new Preset(ExperimentConfig.defaults(), ViewState.DEFAULT).toJson();
    }

    private static ObjectNode config(ObjectNode root) {
        return (ObjectNode) root.get("config");
    }

    private static ObjectNode view(ObjectNode root) {
        return (ObjectNode) root.get("view");
    }

    @Test
    void roundTripKeepsConfigViewStateRangesAndTexts() throws Exception {
        Preset back = Preset.parse(FULL.toJson());
        assertEquals(FULL, back);
        assertEquals(new Range(-1e-3, 2.5e-3), back.config().ranges().get(TensorKind.DELTA));
        assertEquals(FULL.toJson(), back.toJson(), "the same preset gives the same text");
    }

    @Test
    void jsonHasTheDocumentedShapeInAFixedOrder() throws Exception {
        var root = JSON.readTree(FULL.toJson());
        assertEquals(List.of("initscope-preset", "name", "description", "config", "view"),
                iterable(root.fieldNames()));
        assertEquals(1, root.get("initscope-preset").asInt());
        assertEquals(List.of("strategies", "activation", "fanIn", "samples", "width", "depth", "outputs", "seed",
                "leakySlope", "constant", "sigma", "bins", "input", "sigmaB", "inputCorrelation", "norm", "residual",
                "ranges"), iterable(root.get("config")
                .fieldNames()));
        assertEquals("[-3.0,3.0]", root.get("config").get("ranges").get("z").toString());
        assertEquals(List.of("strategy", "layer", "gradient", "logY", "showTheory", "lockAxes", "tab"),
                iterable(root.get("view").fieldNames()));
        assertTrue(FULL.toJson().endsWith("}\n"));
        assertFalse(FULL.toJson().contains("\r"));
    }

    @Test
    void withoutNameDescriptionAndRangesThoseKeysAreLeftOut() throws Exception {
        Preset bare = new Preset(ExperimentConfig.defaults(), ViewState.DEFAULT);
        var root = JSON.readTree(bare.toJson());
        assertFalse(root.has("name") || root.has("description") || root.get("config").has("ranges"));
        assertEquals(bare, Preset.parse(bare.toJson()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void everyBundledPresetParsesValidatesAndIsListed() throws Exception {
        List<Preset> bundled = Preset.bundled();
        assertEquals(Preset.bundledNames().size(), bundled.size());
        for (int i = 0; i < bundled.size(); i++) {
            Preset p = bundled.get(i);
            String name = Preset.bundledNames().get(i);
            assertTrue(p.name() != null && !p.name().isBlank(), name);
            assertTrue(p.description() != null && p.description().endsWith("."), name);
            assertTrue(p.view().layer() <= p.config().depth(), name);
            assertEquals(p.config(), p.config().toBuilder().build(), name + " validates");
            assertTrue(p.config().multiplyAdds() * p.config().strategies().size() < 1e11,
                    name + " computes in about a second");
            assertEquals(p, Preset.read(Path.of("assets/presets", name + ".json")), name + " is the shipped file");
        }
        try (Stream<Path> files = Files.list(Path.of("assets/presets"))) {
            assertEquals(Preset.bundledNames().stream().sorted().toList(), files.map(f -> f.getFileName()
                    .toString().replaceFirst("\\.json$", "")).sorted().toList(), "every shipped file is listed");
        }
    }

    @Test
    void theSeedPresetIsTheSeedExperiment() {
        Preset seed = Preset.bundled("seed-experiment");
        assertEquals(ExperimentConfig.defaults(), seed.config());
        assertEquals(ViewState.DEFAULT, seed.view());
    }

    @Test
    void anUnknownBundledNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preset.bundled("nope"));
        assertTrue(e.getMessage().contains("seed-experiment"), e.getMessage());
    }

    static Stream<Arguments> badPresets() {
        String seed = seedJson();
        return Stream.of(
                Arguments.of("invalid JSON", "{\"initscope-preset\": 1,,}", "not valid JSON (line 1, column"),
                Arguments.of("truncated", seed.substring(0, seed.length() / 2), "truncated"),
                Arguments.of("empty", "", "empty"),
                Arguments.of("blank", " \n\t", "empty"),
                Arguments.of("top-level array", "[" + seed + "]", "a JSON object {...} at the top, got an array"),
                Arguments.of("top-level null", "null", "a JSON object {...} at the top, got null"),
                Arguments.of("trailing text", seed + "x", "not valid JSON"),
                Arguments.of("key given twice", seed.replace("\"seed\":", "\"bins\": 60, \"seed\":"),
                        "not valid JSON"),
                Arguments.of("future version", seedWith(r -> r.put("initscope-preset", 2)),
                        "written by a newer InitScope (format 2; this one reads 1)"),
                Arguments.of("version 0", seedWith(r -> r.put("initscope-preset", 0)), "must be 1, got 0"),
                Arguments.of("no version", seedWith(r -> r.remove("initscope-preset")),
                        "missing 'initscope-preset'"),
                Arguments.of("a run report", "{\"initscope\": \"0.1.0\", \"config\": {}, \"results\": []}",
                        "missing 'initscope-preset'"),
                Arguments.of("missing config", seedWith(r -> r.remove("config")), "missing 'config'"),
                Arguments.of("config not an object", seedWith(r -> r.putArray("config")),
                        "'config' must be an object {...}, got an array"),
                Arguments.of("missing width", seedWith(r -> config(r).remove("width")), "missing 'config.width'"),
                Arguments.of("unknown activation", seedWith(r -> config(r).put("activation", "foo")),
                        "unknown activation 'foo'; valid: tanh"),
                Arguments.of("unknown input", seedWith(r -> config(r).put("input", "cauchy")),
                        "unknown input 'cauchy'"),
                Arguments.of("unknown strategy", seedWith(r -> config(r).putArray("strategies").add("xavier")
                        .add("kaiming")), "unknown strategy 'kaiming'; valid: zero"),
                Arguments.of("strategies a string", seedWith(r -> config(r).put("strategies", "xavier,he")),
                        "'config.strategies' must be an array"),
                Arguments.of("no strategies", seedWith(r -> config(r).putArray("strategies")),
                        "'config.strategies' must list at least one strategy"),
                Arguments.of("a strategy twice", seedWith(r -> config(r).putArray("strategies").add("he").add("HE")),
                        "'config.strategies' lists 'he' twice"),
                Arguments.of("fanIn 0", seedWith(r -> config(r).put("fanIn", 0)),
                        "'config.fanIn' must be between 1 and 65536, got 0"),
                Arguments.of("fanIn 10^9", seedWith(r -> config(r).put("fanIn", 1_000_000_000)),
                        "'config.fanIn' must be between 1 and 65536, got 1000000000"),
                Arguments.of("fanIn 10^12", seedWith(r -> config(r).put("fanIn", 1_000_000_000_000L)),
                        "'config.fanIn' is out of range, got 1000000000000"),
                Arguments.of("fanIn 10.5", seedWith(r -> config(r).put("fanIn", 10.5)),
                        "'config.fanIn' must be a whole number, got 10.5"),
                Arguments.of("fanIn a string", seedWith(r -> config(r).put("fanIn", "1000")),
                        "'config.fanIn' must be a number, got the string \"1000\""),
                Arguments.of("depth 1000", seedWith(r -> config(r).put("depth", 1000)),
                        "'config.depth' must be between 1 and 100"),
                Arguments.of("too large", seedWith(r -> config(r).put("samples", 1_000_000).put("fanIn", 65536)
                        .put("width", 40000)), "'config' is too large"),
                Arguments.of("seed \"NaN\"", seedWith(r -> config(r).put("seed", "NaN")),
                        "'config.seed' must be a number, got the string \"NaN\""),
                Arguments.of("seed 1e400", seed.replace("\"seed\": 42", "\"seed\": 1e400"),
                        "'config.seed' must be a finite number, got Infinity"),
                Arguments.of("leakySlope \"NaN\"", seedWith(r -> config(r).put("leakySlope", "NaN")),
                        "'config.leakySlope' must be a number, got the string \"NaN\""),
                Arguments.of("leakySlope NaN literal", seed.replace("\"leakySlope\": 0.01", "\"leakySlope\": NaN"),
                        "not valid JSON"),
                Arguments.of("leakySlope 1e400", seed.replace("\"leakySlope\": 0.01", "\"leakySlope\": 1e400"),
                        "'config.leakySlope' must be a finite number, got Infinity"),
                Arguments.of("leakySlope 2", seedWith(r -> config(r).put("leakySlope", 2)),
                        "'config.leakySlope' must be between 0 and 1, got 2.0"),
                Arguments.of("sigma null", seedWith(r -> config(r).putNull("sigma")),
                        "'config.sigma' must be a number, got null"),
                Arguments.of("unknown range tensor", seedWith(r -> config(r).putObject("ranges").putArray("q")
                        .add(0).add(1)), "'config.ranges': unknown tensor 'q'"),
                Arguments.of("range of one number", seedWith(r -> config(r).putObject("ranges").putArray("z")
                        .add(1)), "'config.ranges.z' must be [lo, hi]"),
                Arguments.of("range upside down", seedWith(r -> config(r).putObject("ranges").putArray("z")
                        .add(3).add(-3)), "'config.ranges.z': a range needs finite lo ≤ hi"),
                Arguments.of("layer deeper than depth", seedWith(r -> {
                    config(r).put("depth", 10);
                    view(r).put("layer", 12);
                }), "'view.layer' 12 is deeper than 'config.depth' 10"),
                Arguments.of("layer 0", seedWith(r -> view(r).put("layer", 0)), "'view.layer' must be between 1 and 100, got 0"),
                Arguments.of("unknown view strategy", seedWith(r -> view(r).put("strategy", "kaiming")),
                        "'view.strategy': unknown strategy 'kaiming'"),
                Arguments.of("unknown gradient", seedWith(r -> view(r).put("gradient", "z")),
                        "'view.gradient': unknown gradient 'z'; valid: delta, weightGradient, localGradient"),
                Arguments.of("unknown tab", seedWith(r -> view(r).put("tab", "table")),
                        "'view.tab': unknown view 'table'; valid: single, compare, depth, explain, train, phase"),
                Arguments.of("logY a string", seedWith(r -> view(r).put("logY", "true")),
                        "'view.logY' must be true or false, got the string \"true\""),
                Arguments.of("missing tab", seedWith(r -> view(r).remove("tab")), "missing 'view.tab'"),
                Arguments.of("name a number", seedWith(r -> r.put("name", 3)), "'name' must be a string, got 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPresets")
    void aBadPresetIsRejectedWithOneLineNamingTheProblem(String label, String json, String expected) {
        PresetException e = assertThrows(PresetException.class, () -> Preset.parse(json));
        assertTrue(e.getMessage().startsWith("preset: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), label + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(e.getMessage(), "preset: " + e.problem());
    }

    @Test
    void everyCutOfAPresetIsReportedAsTruncatedOrEmpty() {
        String json = FULL.toJson();
        for (int end = 0; end <= json.lastIndexOf('}'); end++) {
            String cut = json.substring(0, end);
            String problem = assertThrows(PresetException.class, () -> Preset.parse(cut)).problem();
            assertTrue(problem.startsWith("file is truncated") || problem.equals("file is empty"),
                    "cut at " + end + ": " + problem);
        }
    }

    @Test
    void aBrokenValueInsideTheFileIsNotMistakenForTruncation() {
        for (String broken : List.of("{\"initscope-preset\": tru}", "{\"initscope-preset\": 1 \"name\": \"x\"}",
                "{\"initscope-preset\": 1} x", "{\"initscope-preset\": 0.}")) {
            String problem = assertThrows(PresetException.class, () -> Preset.parse(broken)).problem();
            assertTrue(problem.startsWith("not valid JSON"), broken + ": " + problem);
        }
    }

    @Test
    void wholeNumbersWrittenWithADecimalPointOrExponentAreAccepted() throws Exception {
        Preset p = Preset.parse(seedWith(r -> config(r).put("fanIn", 64.0).put("samples", 1e3)));
        assertEquals(64, p.config().fanIn());
        assertEquals(1000, p.config().samples());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        String json = seedWith(r -> {
            r.put("author", "someone").putObject("future").put("x", 1);
            config(r).put("dropout", 0.5);
            view(r).put("zoom", 2);
        });
        assertEquals(Preset.parse(seedJson()), Preset.parse(json));
    }

    @Test
    void viewNameAndDescriptionAreOptional() throws Exception {
        Preset p = Preset.parse(seedWith(r -> {
            r.remove("view");
            r.putNull("name");
        }));
        assertEquals(ViewState.DEFAULT, p.view());
        assertNull(p.name());
        assertNull(p.description());
    }

    @Test
    void viewStateNormalizesIdsAndRejectsBadOnesNamingTheField() {
        ViewState v = new ViewState(" HE ", 2, "WEIGHTGRADIENT", false, true, false, "Depth");
        assertEquals("he", v.strategy());
        assertEquals("weightGradient", v.gradient());
        assertEquals("depth", v.tab());
        assertEquals(new ViewState("xavier", 1, "delta", false, true, false, "single"), ViewState.DEFAULT);
        for (var bad : Map.of("'view.strategy'", (Runnable) () -> new ViewState("all", 1, "delta", false, true,
                        false, "single"),
                "'view.layer'", () -> new ViewState("he", 0, "delta", false, true, false, "single"),
                "'view.gradient'", () -> new ViewState("he", 1, null, false, true, false, "single"),
                "'view.tab'", () -> new ViewState("he", 1, "delta", false, true, false, "charts")).entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad.getValue()::run);
            assertTrue(e.getMessage().startsWith(bad.getKey()), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Preset(ExperimentConfig.defaults(),
                new ViewState("he", 2, "delta", false, true, false, "single")));
    }

    @Test
    void readSaysWhenTheFileIsMissingAFolderHugeTruncatedOrNotUtf8(@TempDir Path dir) throws Exception {
        assertEquals("file not found", assertThrows(PresetException.class,
                () -> Preset.read(dir.resolve("missing.json"))).problem());
        assertTrue(assertThrows(PresetException.class, () -> Preset.read(dir)).problem().contains("folder"));
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, seedJson() + " ".repeat(2 << 20));
        assertTrue(assertThrows(PresetException.class, () -> Preset.read(huge)).problem().contains("larger"));
        Path truncated = dir.resolve("truncated.json");
        byte[] bytes = seedJson().getBytes(StandardCharsets.UTF_8);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(assertThrows(PresetException.class, () -> Preset.read(truncated)).problem()
                .contains("truncated"));
        Path bom = dir.resolve("bom.json");
        Files.writeString(bom, "\uFEFF" + FULL.toJson());
        assertEquals(FULL, Preset.read(bom), "a byte order mark is fine");
        Path latin1 = dir.resolve("latin1.json");
        Files.writeString(latin1, FULL.toJson().replace("Lecture", "Vorlesung für"), StandardCharsets.ISO_8859_1);
        assertEquals("not UTF-8 text", assertThrows(PresetException.class, () -> Preset.read(latin1)).problem());
    }

    @Test
    void writeReplacesTheFileWholeAndLeavesNoTempFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lecture.json");
        Preset.bundled("deep-relu-xavier-he").write(file);
        FULL.write(file);
        assertEquals(FULL.toJson(), Files.readString(file));
        assertEquals(FULL, Preset.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aWriteThatFailsThrowsNamingTheFileAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        // The move fails even for root: a file cannot replace a folder that holds something.
        Path taken = Files.createDirectory(dir.resolve("taken.json"));
        Files.writeString(taken.resolve("keep.txt"), "x");
        IOException e = assertThrows(IOException.class, () -> FULL.write(taken));
        assertTrue(e.getMessage().contains("taken.json"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(taken), files.toList(), "no temp file left");
        }
        assertEquals("x", Files.readString(taken.resolve("keep.txt")));

        // A read-only folder; root writes there anyway, so then this half has nothing to show (not an assumption:
        // a skipped test would warn in every build run as root).
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        assertTrue(readOnly.toFile().setWritable(false));
        try {
            if (!Files.isWritable(readOnly)) {
                e = assertThrows(IOException.class, () -> FULL.write(readOnly.resolve("lecture.json")));
                assertTrue(e.getMessage().contains("lecture.json"), e.getMessage());
                try (Stream<Path> files = Files.list(readOnly)) {
                    assertEquals(0, files.count());
                }
            }
        } finally {
            assertTrue(readOnly.toFile().setWritable(true));
        }
    }
}
