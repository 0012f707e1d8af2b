package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input that a fuzzer found accepted, or refused for the wrong reason: each is now one clear line, exit 2. */
class InputEdgesTest {

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertRefused(Outcome o, String option) {
        assertEquals(Cli.USAGE, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(option), () -> "names " + option + ": " + o.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--strategies; xavier,xavier", "--strategies; ',xavier'", "--strategies; 'xavier,,he'",
        "--range; z=1:1", "--range; z=-1e308:1e308", "--range; z=2:1",
        "--fan-in; +5", "--fan-in; 0x10", "--leaky-slope; 0x1p-3", "--leaky-slope; 0.2f", "--samples; ５"})
    void aBadValueIsRefusedInOneLineNamingItsOption(String option, String value) {
        assertRefused(run("run", "--fan-in", "8", "--samples", "8", option, value), option);
    }

    @Test
    void aRangeGivenTwiceIsRefusedRatherThanSilentlyReplaced() {
        assertRefused(run("run", "--fan-in", "8", "--samples", "8", "--range", "z=-1:1", "--range", "z=-2:2"),
                "--range");
    }

    @Test
    void theWidthsLimitIsTheOneTheHelpStates() {
        String help = run("run", "--help").out();
        assertTrue(help.contains("Range 1..46340"), help);
        ExperimentConfig widest = ExperimentConfig.builder().fanIn(1).samples(1).width(46340).build();
        assertEquals(46340, widest.width(), "the documented maximum is accepted");
        Outcome over = run("run", "--fan-in", "1", "--samples", "1", "--width", "46341");
        assertRefused(over, "--width");
        assertTrue(over.err().contains("between 1 and 46340"), over.err());
    }

    @Test
    void aPresetWithANullViewOrADegenerateRangeIsRefused(@TempDir Path dir) throws Exception {
        String seed = new String(InputEdgesTest.class.getResourceAsStream("/app/initscope/presets/seed-experiment.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Path nullView = dir.resolve("null-view.json");
        Files.writeString(nullView, seed.replaceFirst("\"view\": \\{[^}]*\\}", "\"view\": null"));
        assertRefused(run("run", "--preset", nullView.toString()), "'view'");
        Path flat = dir.resolve("flat.json");
        Files.writeString(flat, seed.replaceFirst("\"input\": \"normal\"", "\"input\": \"normal\", \"ranges\": {\"z\": [1, 1]}"));
        assertRefused(run("run", "--preset", flat.toString()), "lo < hi");
    }

    @Test
    void aFifoAsPresetIsRefusedAtOnceInsteadOfBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("preset.json");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no mkfifo on this system");
            return;
        }
        Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> run("run", "--preset", fifo.toString()));
        Outcome o = result.get(20, TimeUnit.SECONDS);
        assertRefused(o, "--preset");
        assertTrue(o.err().contains("not a regular file"), o.err());
    }
}
