package app.initscope.core.train;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.MemoryEstimate;
import app.initscope.core.settings.Setting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How much memory training needs, estimated before anything is allocated, term by term: what {@code run}'s
 * {@link MemoryEstimate} is for an experiment. Training keeps the data set, one network at a time (its weights,
 * their gradients and the optimizer's state), the forward and backward buffers of every row count it passes
 * (the batch, the test set, the training set for the final loss, the decision grid of a 2-D set), and, for every
 * strategy and repetition, a record of every step and the statistics and histograms of every evaluation; a JSON or
 * CSV report holds them again as text.
 */
public final class TrainMemory {

    /** A step record, its list and the reference in the trainer's list (compressed references). */
    static final long STEP_BYTES = 96;
    /** One layer of a step record: eight numbers, a header and a reference. */
    static final long LAYER_STEP_BYTES = 96;
    /** One summary of an evaluation (z, a or δ of one layer) without its histogram's counts. */
    static final long SUMMARY_BYTES = 256;
    /** A layer of a step in a report: the JSON tree's nodes or the CSV rows, and the text they become. */
    static final long REPORT_BYTES_PER_LAYER_STEP = 2048;
    /** A report's bytes per histogram bin: as {@link MemoryEstimate#reportBytes}. */
    static final long REPORT_BYTES_PER_BIN = 64;
    /** The rows of the decision grid of a 2-D classification. */
    static final int GRID_ROWS = 64 * 64;
    private static final long OVERHEAD = 32L << 20;

    private TrainMemory() {
    }

    /**
     * One part of the estimate.
     *
     * @param what   what it holds, e.g. "the step records"
     * @param bytes  its bytes
     * @param shrink what makes it smaller, naming the options, e.g. "reduce --steps or --depth"
     */
    public record Term(String what, long bytes, String shrink) {
    }

    private static String reduce(Setting<?>... settings) {
        List<String> flags = java.util.Arrays.stream(settings).map(Setting::flag).toList();
        return "reduce " + String.join(", ", flags.subList(0, flags.size() - 1)) + " or " + flags.getLast();
    }

    /**
     * Every part of what training {@code repeats} times keeps at its peak, the largest first.
     *
     * @param report whether a JSON or CSV report of every record is built
     */
    public static List<Term> terms(ExperimentConfig c, TrainConfig t, int repeats, boolean report) {
        DatasetId id = t.dataset();
        long in = id.inputs(c.fanIn());
        long out = id.outputs(c.outputs());
        long trainRows = id == DatasetId.DIGITS ? Datasets.DIGITS_TRAIN_ROWS : c.samples();
        long testRows = id == DatasetId.DIGITS ? Datasets.DIGITS_ROWS - Datasets.DIGITS_TRAIN_ROWS : c.samples();
        long w = c.width();
        long depth = c.depth();
        long params = in * w + (depth - 1) * w * w + w * out + (t.bias() ? depth * w + out : 0);
        long batch = Math.min(t.rows((int) trainRows), trainRows);
        boolean grid = id != DatasetId.DIGITS && id != DatasetId.TEACHER;

        List<Term> terms = new ArrayList<>();
        String network = id == DatasetId.TEACHER ? reduce(Catalog.WIDTH, Catalog.DEPTH, Catalog.FAN_IN)
                : reduce(Catalog.WIDTH, Catalog.DEPTH);
        long teacher = id == DatasetId.TEACHER ? 2 * (params - (t.bias() ? depth * w + out : 0)) : 0;
        terms.add(new Term("the weights and their gradients", Float.BYTES * (2 * params + teacher + Math.max(
                w * Math.max(in, w), w * out)), network));
        int moments = t.optimizer().stateArrays();
        terms.add(new Term(t.optimizer().id() + "'s state", Float.BYTES * moments * params,
                "use " + TrainCatalog.OPTIMIZER.flag() + " sgd (no state) or momentum (one moment), or "
                        + reduce(Catalog.WIDTH, Catalog.DEPTH)));
        long perRow = 3 * depth * w + w + 2 * out;
        long dataRows = (trainRows + testRows) * (in + out + 1);
        String rows = id == DatasetId.DIGITS ? network : reduce(Catalog.SAMPLES, Catalog.WIDTH, Catalog.DEPTH);
        long passes = (trainRows + testRows + (batch < trainRows ? batch : 0) + (grid ? GRID_ROWS : 0)) * perRow;
        terms.add(new Term("the data set and the activations of its rows", Float.BYTES * (passes + dataRows
                + batch * (in + out)), rows));

        long runs = (long) repeats * c.strategies().size();
        long steps = t.steps();
        long stepBytes = runs * steps * (STEP_BYTES + depth * (LAYER_STEP_BYTES + (report
                ? REPORT_BYTES_PER_LAYER_STEP : 0)));
        terms.add(new Term("the step records", stepBytes, reduce(TrainCatalog.STEPS, Catalog.DEPTH)));
        long evals = steps / t.evalEvery() + 2;
        long histogram = c.bins() * (Long.BYTES + (report ? REPORT_BYTES_PER_BIN : 0));
        terms.add(new Term("the evaluations' histograms", runs * evals * depth * 3 * (SUMMARY_BYTES + histogram),
                "raise " + TrainCatalog.EVAL_EVERY.flag() + ", or " + reduce(Catalog.BINS, TrainCatalog.STEPS)));
        terms.sort(Comparator.comparingLong(Term::bytes).reversed());
        return terms;
    }

    /** The bytes training needs at its peak: every {@linkplain #terms term} and a fixed overhead. */
    public static long bytes(ExperimentConfig c, TrainConfig t, int repeats, boolean report) {
        return terms(c, t, repeats, report).stream().mapToLong(Term::bytes).sum() + OVERHEAD;
    }

    /**
     * Refuses training that needs more than {@link MemoryEstimate#HEAP_SHARE} of {@code maxHeapBytes}, in one line
     * that names the largest term and the option that shrinks it.
     *
     * @throws InvalidConfigException with the parameter {@code memory}
     */
    public static void check(ExperimentConfig c, TrainConfig t, int repeats, boolean report, long maxHeapBytes) {
        long need = bytes(c, t, repeats, report);
        long limit = (long) (maxHeapBytes * MemoryEstimate.HEAP_SHARE);
        if (need > limit) {
            Term largest = terms(c, t, repeats, report).get(0);
            throw new InvalidConfigException("memory", String.format(Locale.ROOT,
                    "training needs about %s but at most %s may be used (75%% of the %s heap); the largest part is "
                            + "%s (%s): %s", MemoryEstimate.human(need), MemoryEstimate.human(limit),
                    MemoryEstimate.human(maxHeapBytes), largest.what(), MemoryEstimate.human(largest.bytes()), largest.shrink()));
        }
    }
}
