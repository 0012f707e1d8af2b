package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** run --jacobian and the lsuv strategy in the report. */
class JacobianLsuvCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void jacobianAndLsuvRoundsReachTheJson() throws Exception {
        String[] r = run("run", "--format", "json", "--jacobian", "--activation", "linear", "--fan-in", "60",
                "--samples", "20", "--depth", "3", "--strategies", "orthogonal,lsuv,xavier", "--bins", "12");
        assertEquals("0", r[0], r[2]);
        JsonNode results = new ObjectMapper().readTree(r[1]).get("results");
        for (JsonNode s : results) {
            JsonNode j = s.get("jacobian");
            assertEquals(4, j.get("inputs").asInt());
            JsonNode h = j.get("singularValues");
            long total = h.get("underflow").asLong() + h.get("overflow").asLong();
            for (JsonNode c : h.get("counts")) {
                total += c.asLong();
            }
            assertEquals(12, h.get("counts").size());
            assertEquals(4 * 60, total, "every input's 60 singular values");
            for (String key : new String[] {"meanSquaredSingular", "eigenVariance", "maxSingular", "minSingular"}) {
                assertTrue(j.get(key).isNumber(), key);
            }
        }
        // a linear orthogonal network is an isometry; LSUV rescales it towards Var(z) = 1, which it already has
        assertEquals(1.0, results.get(0).get("jacobian").get("minSingular").asDouble(), 1e-4);
        assertFalse(results.get(0).has("lsuvRounds"));
        assertEquals(3, results.get(1).get("lsuvRounds").size());
        assertFalse(results.get(2).has("lsuvRounds"));
    }

    @Test
    void withoutTheFlagThereIsNoJacobianAndTheTableShowsIt() throws Exception {
        String[] r = run("run", "--format", "json", "--fan-in", "30", "--samples", "10", "--strategies", "xavier");
        assertFalse(new ObjectMapper().readTree(r[1]).get("results").get(0).has("jacobian"));
        String[] table = run("run", "--jacobian", "--fan-in", "30", "--samples", "10", "--strategies", "he,lsuv");
        assertEquals("0", table[0], table[2]);
        assertTrue(table[1].contains("Jacobian he (4 inputs): mean σ²"), table[1]);
        assertTrue(table[1].contains("LSUV rounds per layer: ["), table[1]);
    }

    /**
     * A Jacobian far from 1 is a result, as the run without --jacobian is: each number is there or null, and the
     * table says why one is missing. Both runs used to end with exit 1, "the SVD of the Jacobian did not converge".
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "--fan-in 64 --width 64 --depth 60 --strategies large --activation relu",
        "--fan-in 64 --width 64 --depth 30 --strategies constant --constant 1000 --activation linear"})
    void aJacobianThatExplodesIsAResultWithNullsNotAFailure(String line) throws Exception {
        String[] args = ("run --jacobian --samples 20 --threads 2 " + line).split(" ");
        String[] json = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--format", "json")).toArray(String[]::new));
        assertEquals("0", json[0], json[2]);
        JsonNode j = new ObjectMapper().readTree(json[1]).get("results").get(0).get("jacobian");
        boolean missing = false;
        for (String key : new String[] {"meanSquaredSingular", "eigenVariance", "maxSingular", "minSingular"}) {
            assertTrue(j.get(key).isNull() || j.get(key).isNumber() && j.get(key).asDouble() >= 0, key + ": " + j);
            missing |= j.get(key).isNull();
        }
        String[] table = run(args);
        assertEquals("0", table[0], table[2]);
        assertEquals(missing, table[1].contains("the number does not exist"), table[1]);
    }

    /** Entries of 1e30 are no trouble once J is rescaled: the singular values come back at their own scale. */
    @Test
    void aJacobianWithHugeEntriesHasItsSingularValuesAtTheirOwnScale() {
        float[] m = new float[3 * 3];
        m[0] = 3e30f;
        m[4] = 2e30f;
        m[8] = 1e30f;
        double[] sigma = app.initscope.core.experiment.JacobianSpectrum.singularValues(m, 3, 3, 3);
        java.util.Arrays.sort(sigma);
        assertEquals(1e30, sigma[0], 1e24);
        assertEquals(3e30, sigma[2], 3e24);
    }
}
