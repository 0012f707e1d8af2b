package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** --input-correlation reaches the run and its report; 1 and beyond exit 2 with one line. */
class InputCorrelationCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void eachLayerReportsTheMeasuredAndPredictedCorrelation() throws Exception {
        String[] r = run("run", "--format", "json", "--input-correlation", "0.4", "--fan-in", "300", "--samples",
                "60", "--depth", "3", "--strategies", "xavier,zero");
        assertEquals("0", r[0], r[2]);
        JsonNode root = new ObjectMapper().readTree(r[1]);
        assertEquals(0.4, root.get("config").get("inputCorrelation").asDouble());
        JsonNode xavier = root.get("results").get(0).get("layers");
        for (JsonNode layer : xavier) {
            JsonNode c = layer.get("correlation");
            assertEquals(layer.get("theory").get("correlation").asDouble(), c.get("predicted").asDouble());
            assertEquals(c.get("predicted").asDouble(), c.get("measured").asDouble(), 0.06, layer.toString());
        }
        // layer 1 of Xavier without biases keeps c₀: c₁ = σ_w²·c₀/σ_w²
        assertEquals(0.4, xavier.get(0).get("theory").get("correlation").asDouble(), 1e-12);
        // zero weights without biases: every z is 0, so there is neither a direction to measure nor a prediction
        JsonNode zero = root.get("results").get(1).get("layers").get(0).get("correlation");
        assertTrue(zero.get("measured").isNull() && zero.get("predicted").isNull(), zero.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.5", "-0.1"})
    void aCorrelationOutsideZeroToOneExitsTwoWithOneLine(String value) {
        String[] r = run("run", "--input-correlation", value);
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--input-correlation: must be between 0 and 1 (1 excluded), got"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }

    @Test
    void theHelpShowsTheHalfOpenRange() {
        String help = run("run", "--help")[1].replaceAll("\\s+", " ");
        assertTrue(help.contains("--input-correlation=C"), help);
        assertTrue(help.contains("Range 0..1 (1 excluded)."), help);
    }
}
