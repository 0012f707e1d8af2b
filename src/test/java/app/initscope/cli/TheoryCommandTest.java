package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TheoryCommandTest {

    private static RunCommandTest.Outcome run(String line) {
        return RunCommandTest.run(RunCommandTest.args(line));
    }

    private static JsonNode json(RunCommandTest.Outcome o) throws Exception {
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(o.out());
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        JsonNode n = json(run("theory --activation tanh --sigma-w2 2.5 --sigma-b2 0.05 --format json"));
        assertEquals(List.of("activation", "sigmaW2", "sigmaB2", "qStar", "chi1", "phase", "cStar", "chiC", "xiQ",
                "xiC", "trainableDepth"), fieldNames(n));
        assertEquals("tanh", n.get("activation").asText());
        assertEquals(2.5, n.get("sigmaW2").asDouble());
        assertEquals("chaotic", n.get("phase").asText());
        assertTrue(n.get("cStar").asDouble() < 1);
        assertEquals(6 * n.get("xiC").asDouble(), n.get("trainableDepth").asDouble(), 1e-12);
        assertEquals(-1 / Math.log(n.get("chiC").asDouble()), n.get("xiC").asDouble(), 1e-9);
    }

    @Test
    void reluAtHeIsCriticalWithInfiniteDepthScalesAsNull() throws Exception {
        JsonNode n = json(run("theory --activation relu --sigma-w2 2 --format json"));
        assertEquals("critical", n.get("phase").asText());
        assertEquals(1.0, n.get("chi1").asDouble(), 1e-15);
        assertTrue(n.get("xiC").isNull());
        assertTrue(n.get("trainableDepth").isNull());
    }

    @Test
    void xavierWithTanhIsOrderedJustBelowTheLineOnlyWithBiases() throws Exception {
        assertEquals("critical", json(run("theory --sigma-w2 1 --format json")).get("phase").asText());
        assertEquals("ordered", json(run("theory --sigma-w2 1 --sigma-b2 0.1 --format json")).get("phase")
                .asText());
    }

    @Test
    void criticalPrintsTheSigmaW2WhereChi1IsOne() throws Exception {
        JsonNode n = json(run("theory --critical --activation leaky-relu --leaky-slope 0.5 --sigma-b2 0.2 "
                + "--format json"));
        assertEquals(List.of("activation", "sigmaB2", "criticalSigmaW2"), fieldNames(n));
        assertEquals(2 / 1.25, n.get("criticalSigmaW2").asDouble(), 1e-9);
        JsonNode tanh = json(run("theory --critical --sigma-b2 0.2 --format json"));
        double w2 = tanh.get("criticalSigmaW2").asDouble();
        assertTrue(w2 > 1);
        JsonNode at = json(run("theory --sigma-w2 " + w2 + " --sigma-b2 0.2 --format json"));
        assertEquals(1.0, at.get("chi1").asDouble(), 1e-6);
    }

    @Test
    void gridPrintsEveryPointAsCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("phase.csv");
        RunCommandTest.Outcome o = run("theory --grid --grid-size 4 --output " + file);
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals("sigmaW2,sigmaB2,qStar,chi1,cStar,xiC", lines.get(0));
        assertEquals(1 + 16, lines.size());
        assertTrue(lines.get(1).startsWith("0.5,0.0,"), lines.get(1));
        assertTrue(lines.get(16).startsWith("5.0,0.5,"), lines.get(16));
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(6, line.split(",", -1).length, line);
        }
    }

    @Test
    void tableNamesEveryQuantity() {
        RunCommandTest.Outcome o = run("theory --sigma-w2 2");
        assertEquals(0, o.code(), o.err());
        for (String key : List.of("qStar", "chi1", "phase", "cStar", "xiC", "trainableDepth")) {
            assertTrue(o.out().contains(key), key + " in " + o.out());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "theory --sigma-w2 0|--sigma-w2",
            "theory --sigma-w2 -1|--sigma-w2",
            "theory --sigma-w2 abc|--sigma-w2",
            "theory --sigma-b2 -0.1|--sigma-b2",
            "theory --sigma-w2 30|--sigma-w2",
            "theory --sigma-b2 0.6|--sigma-b2",
            "theory --activation nope|--activation",
            "theory --leaky-slope 2|--leaky-slope",
            "theory --grid --format json|--format",
            "theory --format csv|--format",
            "theory --grid --grid-size 1|--grid-size",
            "theory --grid --sigma-w2 2|--sigma-w2",
            "theory --critical --sigma-w2 2|--sigma-w2",
            "theory --critical --grid|--grid"})
    void badInputExitsTwoWithOneLineNamingTheOption(String line, String option) {
        RunCommandTest.Outcome o = run(line);
        assertEquals(2, o.code(), o.out());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(option), o.err());
        assertEquals("", o.out());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** At the critical point the depth scales are infinite, as the README says: null, never 10¹² layers. */
    @Test
    void theDepthScalesAtTheCriticalPointAreInfinite() throws Exception {
        RunCommandTest.Outcome o = run("theory --format json");
        assertEquals(0, o.code(), o.err());
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(o.out());
        assertEquals("critical", n.get("phase").asText());
        for (String key : new String[] {"xiQ", "xiC", "trainableDepth"}) {
            assertTrue(n.get(key).isNull(), key + ": " + n);
        }
    }
}
