package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bias σ_b reaches the command line, the report and presets from its one catalog entry. */
class SigmaBCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /**
     * Layer 1 of tanh with Xavier: q₁ = fan_in·Var(w)·E[x²] + σ_b² = 1 + 0.25. The measured Var(z₁) carries the
     * sampling error of the {@code width} biases' mean square, relative √(2/width)·σ_b²/q₁ ≈ 1% here (the
     * weights' is smaller), so std z may be off by about half that: 2% is four standard errors.
     */
    @Test
    void sigmaBReachesTheReportAndLayerOnesStdZ() throws Exception {
        String[] r = run("run", "--format", "json", "--sigma-b", "0.5", "--fan-in", "400", "--samples", "200",
                "--strategies", "xavier");
        assertEquals("0", r[0], r[2]);
        JsonNode root = new ObjectMapper().readTree(r[1]);
        assertEquals(0.5, root.get("config").get("sigmaB").asDouble(), 0.0);
        JsonNode layer = root.get("results").get(0).get("layers").get(0);
        double q1 = 400 * (1.0 / 400) * 1.0 + 0.25;
        assertEquals(Math.sqrt(q1), layer.get("theory").get("stdZ").asDouble(), 1e-12);
        assertEquals(Math.sqrt(q1), layer.get("z").get("std").asDouble(), 0.02 * Math.sqrt(q1));
        String[] without = run("run", "--format", "json", "--fan-in", "400", "--samples", "200",
                "--strategies", "xavier");
        JsonNode plain = new ObjectMapper().readTree(without[1]);
        assertEquals(0.0, plain.get("config").get("sigmaB").asDouble(), 0.0, "the default is no biases");
        assertEquals(1.0, plain.get("results").get(0).get("layers").get(0).get("z").get("std").asDouble(), 0.02);
    }

    @Test
    void theHelpNamesTheOptionAndANegativeSigmaBExitsTwo() {
        String help = run("run", "--help")[1];
        assertTrue(help.contains("--sigma-b=S"), help);
        assertTrue(help.contains("Range 0..100"), help);
        String[] r = run("run", "--sigma-b", "-0.5");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--sigma-b"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }

    @Test
    void aPresetWithSigmaBRunsWithIt(@TempDir Path dir) throws Exception {
        Path preset = dir.resolve("bias.json");
        // a preset must hold every key of the catalog (PresetReader requires each one)
        Files.writeString(preset, "{\"initscope-preset\": 1, \"config\": {\"strategies\": [\"he\"], "
                + "\"activation\": \"relu\", \"fanIn\": 30, \"samples\": 20, \"width\": 30, \"depth\": 1, "
                + "\"outputs\": 10, \"seed\": 42, \"leakySlope\": 0.01, \"constant\": 0.01, \"sigma\": 0.01, "
                + "\"bins\": 60, \"input\": \"normal\", \"sigmaB\": 1.5}}");
        String[] r = run("run", "--format", "json", "--preset", preset.toString());
        assertEquals("0", r[0], r[2]);
        JsonNode root = new ObjectMapper().readTree(r[1]);
        assertEquals(1.5, root.get("config").get("sigmaB").asDouble(), 0.0);
        assertEquals(Math.sqrt(2 + 2.25), root.get("results").get(0).get("layers").get(0).get("theory")
                .get("stdZ").asDouble(), 1e-12);
    }
}
