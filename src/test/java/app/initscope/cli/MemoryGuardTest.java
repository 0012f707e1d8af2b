package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.MemoryEstimate;
import app.initscope.core.init.Strategy;
import app.initscope.core.theory.GridMemory;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Optimizer;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainMemory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory guards, in a JVM of their own with a 256 MiB heap: a request just under the estimate finishes, one
 * just over it is refused with exit 2 and one line before any work, naming the largest part and the option that
 * shrinks it.
 */
class MemoryGuardTest {

    private static final long HEAP = 256L << 20;
    private static final long LIMIT = (long) (HEAP * MemoryEstimate.HEAP_SHARE);

    private record Outcome(int code, String err) {
    }

    private static Outcome launch(Path dir, List<String> args) throws Exception {
        List<String> command = ExportCommandTest.launcher("-Xmx256m");
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator")).collect(Collectors.joining("\n"));
        return new Outcome(p.waitFor(), err);
    }

    /** The largest n in [1, hi] whose estimate stays under {@code share} of the limit. */
    private static int largestUnder(IntFunction<Long> bytes, double share, int hi) {
        int lo = 1;
        while (lo < hi) {
            int mid = (int) (((long) lo + hi + 1) / 2);
            if (bytes.apply(mid) <= share * LIMIT) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static void assertRefused(Outcome o, String largest, String option, Path dir) throws Exception {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("the largest part is " + largest) && o.err().contains(option), o.err());
        assertEquals(List.of(), Files.list(dir).toList(), "nothing written");
    }

    /** The step records (and the JSON report of them) of a long training of a tiny network. */
    @Test
    void trainingWithManyStepsFinishesJustUnderTheEstimateAndIsRefusedJustOver(@TempDir Path dir) throws Exception {
        ExperimentConfig c = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER)).samples(4).width(1)
                .depth(1).build();
        IntFunction<Long> bytes = steps -> TrainMemory.bytes(c, TrainConfig.defaults().withDataset(DatasetId.XOR)
                .withBatch(1).withSteps(steps, 10_000_000), 1, true);
        int under = largestUnder(bytes, 0.97, 10_000_000);
        int over = largestUnder(bytes, 1.03, 10_000_000) + 1;
        IntFunction<List<String>> line = steps -> List.of("train", "--dataset", "xor", "--samples", "4", "--width",
                "1", "--depth", "1", "--strategies", "xavier", "--batch", "1", "--eval-every", "10000000",
                "--steps", Integer.toString(steps), "--threads", "1", "--format", "json", "-o", "t.json");
        Outcome ok = launch(dir, line.apply(under));
        assertEquals(0, ok.code(), under + " steps: " + ok.err());
        Files.delete(dir.resolve("t.json"));
        assertRefused(launch(dir, line.apply(over)), "the step records", "--steps", dir);
    }

    /** Adam's two moments beside the weights: run's estimate of the same network would let it through. */
    @Test
    void trainingAWideNetworkWithAdamFinishesJustUnderTheEstimateAndIsRefusedJustOver(@TempDir Path dir)
            throws Exception {
        IntFunction<ExperimentConfig> config = width -> ExperimentConfig.builder().strategies(List.of(
                Strategy.XAVIER)).fanIn(100).samples(20).width(width).depth(3).build();
        TrainConfig train = TrainConfig.defaults().withOptimizer(Optimizer.ADAM, 0.001).withBatch(10)
                .withSteps(2, 1);
        IntFunction<Long> bytes = width -> TrainMemory.bytes(config.apply(width), train, 1, false);
        int under = largestUnder(bytes, 0.97, 46_340);
        int over = largestUnder(bytes, 1.03, 46_340) + 1;
        assertTrue(MemoryEstimate.bytes(config.apply(over)) < LIMIT, "run's estimate alone lets it through");
        IntFunction<List<String>> line = width -> List.of("train", "--fan-in", "100", "--samples", "20", "--width",
                Integer.toString(width), "--depth", "3", "--strategies", "xavier", "--optimizer", "adam", "--lr",
                "0.001", "--batch", "10", "--steps", "2", "--eval-every", "1", "--threads", "1");
        Outcome ok = launch(dir, line.apply(under));
        assertEquals(0, ok.code(), "width " + under + ": " + ok.err());
        assertRefused(launch(dir, line.apply(over)), "the weights", "--width", dir);
    }

    /** The digits fix the inputs: the estimate must not take them from --fan-in, nor skip a set that is not the teacher. */
    @Test
    void trainingOnTheDigitsIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Outcome o = launch(dir, List.of("train", "--dataset", "digits", "--width", "46340", "--depth", "100",
                "--steps", "1"));
        assertRefused(o, "the weights", "--width", dir);
    }

    /** The phase grid's points and its CSV: with a 64 MB heap a grid of 1000 used to end in a raw OutOfMemoryError. */
    @Test
    void thePhaseGridFinishesJustUnderTheEstimateAndIsRefusedJustOver(@TempDir Path dir) throws Exception {
        int under = largestUnder(GridMemory::bytes, 0.97, 1000);
        int over = largestUnder(GridMemory::bytes, 1.03, 1000) + 1;
        Outcome ok = launch(dir, List.of("theory", "--grid", "--grid-size", Integer.toString(under), "-o", "g.csv"));
        assertEquals(0, ok.code(), "size " + under + ": " + ok.err());
        Files.delete(dir.resolve("g.csv"));
        Outcome refused = launch(dir, List.of("theory", "--grid", "--grid-size", Integer.toString(over), "-o",
                "g.csv"));
        assertEquals(2, refused.code(), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("--grid-size: a grid of " + over), refused.err());
        assertEquals(List.of(), Files.list(dir).toList(), "nothing written");
    }
}
