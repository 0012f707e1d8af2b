package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.settings.Setting;
import app.initscope.export.Preset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting of the catalog reaches every place that is derived from it, with no second list. */
class CatalogCoverageTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /** A value other than the default for each setting, valid for a small run. */
    private static String other(Setting<?> s) {
        return switch (s.id()) {
            case "strategies" -> "he,xavier";
            case "activation" -> "relu";
            case "input" -> "uniform";
            case "norm" -> "batch";
            case "residual" -> "0.5";
            default -> switch (s.kind()) {
                case INTEGER -> s.id().equals("depth") ? "2" : s.id().equals("bins") ? "17" : "13";
                case WHOLE -> "99";
                case NUMBER -> "0.375";
                default -> throw new AssertionError(s.id());
            };
        };
    }

    @Test
    void everySettingHasACommandLineOptionWithItsHelpAndRange() {
        for (String command : List.of("run", "export", "explain")) {
            String help = run(command, "--help")[1];
            for (Setting<?> s : Catalog.ALL) {
                assertTrue(help.contains(s.flag() + "=" + s.paramLabel()), command + " --help lacks " + s.flag());
            }
            assertTrue(help.contains("Range 1..65536"), help);
        }
    }

    @Test
    void everySettingGivenOnTheCommandLineReachesTheJsonReport() throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--format", "json", "--fan-in", "13", "--samples", "13"));
        for (Setting<?> s : Catalog.ALL) {
            if (!s.id().equals("fanIn") && !s.id().equals("samples")) {
                args.add(s.flag());
                args.add(other(s));
            }
        }
        String[] r = run(args.toArray(String[]::new));
        assertEquals("0", r[0], r[2]);
        JsonNode config = new ObjectMapper().readTree(r[1]).get("config");
        List<String> keys = new ArrayList<>();
        config.fieldNames().forEachRemaining(keys::add);
        assertEquals(Catalog.ALL.stream().map(Setting::id).toList(), keys, "the config's keys, in catalog order");
        for (Setting<?> s : Catalog.ALL) {
            String expected = s.id().equals("fanIn") || s.id().equals("samples") ? "13" : other(s);
            String actual = config.get(s.id()).isArray()
                    ? String.join(",", new ObjectMapper().convertValue(config.get(s.id()), String[].class))
                    : config.get(s.id()).asText();
            assertEquals(s.text(s.parse(expected)), s.text(s.parse(actual)), s.id());
        }
    }

    @Test
    void everySettingRoundTripsThroughAPresetFile(@TempDir Path dir) throws Exception {
        ExperimentConfig.Builder b = ExperimentConfig.builder();
        for (Setting<?> s : Catalog.ALL) {
            set(b, s, other(s));
        }
        ExperimentConfig config = b.build();
        Path file = dir.resolve("p.json");
        new Preset(config, Preset.ViewState.DEFAULT).write(file);
        assertEquals(config, Preset.read(file).config());
        String[] r = run("run", "--format", "json", "--preset", file.toString(), "--depth", "3");
        assertEquals("0", r[0], r[2]);
        JsonNode c = new ObjectMapper().readTree(r[1]).get("config");
        assertEquals(3, c.get("depth").asInt(), "the command line overrides the preset");
        assertEquals(0.375, c.get("leakySlope").asDouble(), "the preset's other values stay");
    }

    private static <T> void set(ExperimentConfig.Builder b, Setting<T> s, String text) {
        b.set(s, s.parse(text));
    }

    @Test
    void anOutOfRangeValueNamesTheFlagAndTheRange() {
        for (Setting<?> s : Catalog.ALL) {
            if (s.isNumeric() && s.max() < Double.POSITIVE_INFINITY && s.kind() != Setting.Kind.WHOLE) {
                String tooLarge = s.kind() == Setting.Kind.NUMBER ? "1e9" : Long.toString((long) s.max() + 1);
                String[] r = run("run", s.flag(), tooLarge);
                assertEquals("2", r[0], s.id());
                assertTrue(r[2].contains(s.flag() + ": must be between"), r[2]);
                assertEquals(1, r[2].strip().lines().count(), r[2]);
            }
        }
    }

    @Test
    void aPresetFromBeforeASettingExistedReadsWithItsDefault(@TempDir Path dir) throws Exception {
        String json = new Preset(ExperimentConfig.defaults(), Preset.ViewState.DEFAULT).toJson();
        for (Setting<?> s : Catalog.ALL) {
            if (s.optionalInFiles()) {
                com.fasterxml.jackson.databind.node.ObjectNode tree =
                        (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(json);
                ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("config")).remove(s.id());
                String without = tree.toString();
                assertTrue(!without.contains("\"" + s.id() + "\""), without);
                Path file = dir.resolve(s.id() + ".json");
                Files.writeString(file, without);
                assertEquals(ExperimentConfig.defaults().get(s), Preset.read(file).config().get(s), s.id());
            }
        }
    }
}
