package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.Parallel;
import app.initscope.engine.Bench;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code initscope bench}: its JSON, its table and verdict, and its bad input. No test here asserts a time. */
class BenchCommandTest {

    private static final List<String> KEYS = List.of("kernel", "threads", "gemmMillis", "gemmGflops",
            "pipelineMillis", "trainStepMillis", "trainStepRestMillis", "smallTrainStepsPerSecond");

    /** The lecture's sizes, measured once: a few seconds. */
    @Test
    void theJsonHasExactlyTheEightKeysWithPositiveNumbersAndTheKernelInUse() throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.run("bench", "--format", "json", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        JsonNode root = new ObjectMapper().readTree(o.out());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(KEYS, keys);
        assertEquals(Kernels.best(Parallel.sequential()).name(), root.get("kernel").asText());
        assertEquals(2, root.get("threads").asInt());
        for (String key : KEYS.subList(2, KEYS.size())) {
            JsonNode v = root.get(key);
            assertTrue(v.isNumber() && Double.isFinite(v.asDouble()) && v.asDouble() > 0, key + ": " + v);
        }
        assertTrue(root.get("trainStepRestMillis").asDouble() < root.get("trainStepMillis").asDouble(), o.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bench --threads 0|--threads",
        "bench --threads many|--threads",
        "bench --format csv|--format",
        "bench --output /no/such/folder/bench.json|--output",
        "bench --fan-in 10|--fan-in"})
    void badInputExitsTwoWithOneLineNamingTheOption(String line, String option) {
        RunCommandTest.assertBadInput(line, option);
    }

    @Test
    void theTableHasARowPerPartAndTheVerdict() {
        String table = BenchCommand.table(new Bench.Result("vector-api 256-bit", 2, 14.2, 140.8, 250, 60, 15, 850),
                9.5);
        assertTrue(table.startsWith("InitScope bench: vector-api 256-bit, 2 threads"), table);
        for (String row : List.of("14.2 ms  140.8 GFLOP/s", "250.0 ms", "60.0 ms  of which 15.0 ms not in matrix",
                "850 steps/s", "Verdict: comfortable", "9.5 s in all")) {
            assertTrue(table.contains(row), row + " in\n" + table);
        }
        assertTrue(table.lines().allMatch(l -> l.length() <= 100), table);
    }

    /** Live sliders want the seed experiment in half a second; its cost grows with the cube of a square size. */
    @ParameterizedTest
    @CsvSource({"250, comfortable, 1300", "500, comfortable, 1000", "1000, usable, 800", "4000, slow, 500"})
    void theVerdictFollowsTheSeedExperimentsTime(double millis, String word, int size) {
        String verdict = BenchCommand.verdict(new Bench.Result("k", 1, 1, 1, millis, 1, 0.5, 1));
        assertTrue(verdict.startsWith("Verdict: " + word), verdict);
        assertTrue(verdict.contains("up to about " + size + " samples"), verdict);
    }
}
