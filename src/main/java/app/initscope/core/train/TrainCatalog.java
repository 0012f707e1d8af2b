package app.initscope.core.train;

import app.initscope.core.settings.Setting;
import java.util.List;

/**
 * The settings of training, each described once, apart from the experiment's {@code Catalog} (whose list is the
 * {@code run} command's JSON config). The network itself (activation, depth, width, strategies, seed) comes from
 * the experiment's settings. The order of {@link #ALL} is the order of the JSON {@code "train"} object.
 */
public final class TrainCatalog {

    public static final Setting<DatasetId> DATASET = Setting.choice("dataset", "--dataset", DatasetId.TEACHER,
                    DatasetId::fromId, DatasetId::id, DatasetId.validIds())
            .help("What to learn: 'teacher' fits the seed's input to a fixed random network's outputs (MSE); "
                    + "'digits' classifies 8×8 handwritten digits; the 2-D sets are small classification puzzles. "
                    + java.util.Arrays.stream(DatasetId.values()).map(DatasetId::facts)
                    .collect(java.util.stream.Collectors.joining("; ")) + ".")
            .build();

    public static final Setting<Double> NOISE = Setting.number("noise", "--noise", 0.1)
            .range(0, 10).window(0, 1).paramLabel("S")
            .help("The std of the Gaussian noise added to the teacher's targets and to the 2-D sets' points.")
            .build();

    public static final Setting<Optimizer> OPTIMIZER = Setting.choice("optimizer", "--optimizer", Optimizer.SGD,
                    Optimizer::fromId, Optimizer::id, Optimizer.validIds())
            .help("The update rule: plain SGD, SGD with momentum 0.9, or Adam with the paper's defaults.")
            .build();

    public static final Setting<Double> LEARNING_RATE = Setting.number("lr", "--lr", 0.1)
            .range(1e-12, 1e6).window(1e-5, 10).log().label("lr").paramLabel("LR")
            .help("The learning rate: the step size of every update.")
            .build();

    public static final Setting<Integer> BATCH = Setting.integer("batch", "--batch", 64)
            .range(1, 1_000_000).window(1, 4096).log().unit("rows").word("full", TrainConfig.FULL_BATCH)
            .paramLabel("N|full")
            .help("Rows per step, drawn from the training set with replacement; 'full' (or the training set's "
                    + "size) uses every row once, in order (full batch).")
            .build();

    public static final Setting<Integer> STEPS = Setting.integer("steps", "--steps", 1000)
            .range(1, 10_000_000).window(1, 100_000).log()
            .help("Updates to make.")
            .build();

    public static final Setting<Integer> EVAL_EVERY = Setting.integer("evalEvery", "--eval-every", 50)
            .range(1, 10_000_000).window(1, 10_000).log().label("eval every").unit("steps")
            .help("Steps between evaluations on the test set.")
            .build();

    public static final Setting<Boolean> BIAS = Setting.bool("bias", "--bias", false)
            .help("Whether every layer and the readout get biases, initialized to 0 and trained.")
            .build();

    /** Every training setting, in the order of the JSON {@code "train"} object. */
    public static final List<Setting<?>> ALL = List.of(DATASET, NOISE, OPTIMIZER, LEARNING_RATE, BATCH, STEPS,
            EVAL_EVERY, BIAS);

    private TrainCatalog() {
    }
}
