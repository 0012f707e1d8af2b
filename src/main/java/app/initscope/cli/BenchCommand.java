package app.initscope.cli;

import app.initscope.core.experiment.RunListener;
import app.initscope.engine.Bench;
import app.initscope.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code initscope bench}: whether this machine is fast enough for a lecture's sizes, in a few seconds, in the
 * spirit of {@code 7z b}. {@link Bench} measures; this command formats a table with a verdict, or JSON:
 * <pre>
 *   {"kernel", "threads", "gemmMillis", "gemmGflops", "pipelineMillis", "trainStepMillis", "trainStepRestMillis",
 *    "smallTrainStepsPerSecond"}
 * </pre>
 */
@Command(name = "bench",
        description = {"Measure in a few seconds whether this machine is fast enough for a lecture's sizes: after a "
                + "warm-up, the median of a few runs of a 1000 × 1000 × 1000 float32 matrix product (ms and "
                + "GFLOP/s), the seed experiment (run's default: five strategies, tanh, 1000 × 1000), a training "
                + "step at the seed size (the teacher set, full batch, SGD) and that step without its matrix "
                + "products, and training steps per second at the Playground's size (the train-spiral-relu preset's "
                + "eight ReLU layers of 64).",
            "Each part has its own time, so the whole takes well under 20 s; the table ends with a verdict on the "
                + "sizes that are comfortable."},
        footer = {"", "Examples:",
                "  initscope bench",
                "  initscope bench --threads 1",
                "  initscope bench --format json --output bench.json"})
public final class BenchCommand extends CliCommand {

    /** Output formats. */
    enum Format { table, json }

    /** The seed experiment's time under which a slider change feels live, in ms. */
    static final double LIVE_MILLIS = 500;
    /** The seed experiment's time over which a change is a wait, in ms. */
    static final double WAIT_MILLIS = 2000;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    OutputOptions target;           // first, as in run's and train's help

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        int threadCount = target.checkedThreads(this);     // and the output, before the computation
        long start = System.nanoTime();
        RunListener progress = Progress.onTerminal(err(), 1);
        Bench.Result result;
        try (Engine engine = new Engine(threadCount)) {
            result = new Bench(engine).run(Bench.Plan.LECTURE, progress);
        } finally {
            if (progress instanceof Progress p) {
                p.finish();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        target.write(format == Format.json ? json(result) : table(result, seconds), out(), err());
        return 0;
    }

    /** The JSON object: exactly the result's eight fields. */
    static String json(Bench.Result r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kernel", r.kernel());
        n.put("threads", r.threads());
        n.put("gemmMillis", r.gemmMillis());
        n.put("gemmGflops", r.gemmGflops());
        n.put("pipelineMillis", r.pipelineMillis());
        n.put("trainStepMillis", r.trainStepMillis());
        n.put("trainStepRestMillis", r.trainStepRestMillis());
        n.put("smallTrainStepsPerSecond", r.smallTrainStepsPerSecond());
        try {
            return MAPPER.writeValueAsString(n) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** The table: a row per part, then the verdict and how long the bench took. */
    static String table(Bench.Result r, double seconds) {
        String[][] rows = {
            {"matrix product 1000³, float32", ms(r.gemmMillis()), String.format(Locale.ROOT, "%.1f GFLOP/s",
                    r.gemmGflops())},
            {"seed experiment (5 strategies, 1000 × 1000)", ms(r.pipelineMillis()), ""},
            {"training step, seed size (full batch)", ms(r.trainStepMillis()), "of which " + ms(r.trainStepRestMillis())
                    + " not in matrix products"},
            {"training, Playground size (spiral, 8 × 64)", String.format(Locale.ROOT, "%.0f steps/s",
                    r.smallTrainStepsPerSecond()), ""},
        };
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "InitScope bench: %s, %d thread%s%n%n",
                r.kernel(), r.threads(), r.threads() == 1 ? "" : "s"));
        int first = 0;
        int second = 0;
        for (String[] row : rows) {
            first = Math.max(first, row[0].length());
            second = Math.max(second, row[1].length());
        }
        for (String[] row : rows) {
            String line = String.format(Locale.ROOT, "  %-" + first + "s  %" + second + "s  %s", row[0], row[1],
                    row[2]);
            s.append(line.stripTrailing()).append(System.lineSeparator());
        }
        s.append(System.lineSeparator()).append(wrap(verdict(r), 100));
        s.append(String.format(Locale.ROOT, "(medians of a few runs after a warm-up; %.1f s in all)%n", seconds));
        return s.toString();
    }

    /**
     * One line on what is comfortable: the window recomputes on every change, and a change feels live under
     * {@value #LIVE_MILLIS} ms. The experiment's cost grows with samples × fan-in × width, so the seed's time gives
     * the square size that takes {@value #LIVE_MILLIS} ms: 1000 · (LIVE / pipelineMillis)^⅓.
     */
    static String verdict(Bench.Result r) {
        double t = r.pipelineMillis();
        long live = Math.round(1000 * Math.cbrt(LIVE_MILLIS / t) / 100) * 100;
        String size = String.format(Locale.ROOT, "up to about %d samples × %d features × %d units per layer", live,
                live, live);
        if (t <= LIVE_MILLIS) {
            return String.format(Locale.ROOT, "Verdict: comfortable. The seed experiment recomputes in %.2f s, so the "
                    + "sliders feel live %s; a 10-layer preset takes about ten times as long.", t / 1000, size);
        }
        if (t <= WAIT_MILLIS) {
            return String.format(Locale.ROOT, "Verdict: usable. The seed experiment takes %.1f s after each change; "
                    + "for live sliders stay %s.", t / 1000, size);
        }
        return String.format(Locale.ROOT, "Verdict: slow. The seed experiment takes %.1f s; prepare the figures "
                + "beforehand (initscope export), or stay %s.", t / 1000, size);
    }

    /** The text in lines of at most {@code width} characters, broken at spaces, each ending in a line separator. */
    static String wrap(String text, int width) {
        StringBuilder s = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                s.append(line).append(System.lineSeparator());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        return s.append(line).append(System.lineSeparator()).toString();
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
    }
}
