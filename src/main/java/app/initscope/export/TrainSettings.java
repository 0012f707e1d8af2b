package app.initscope.export;

import app.initscope.core.settings.Setting;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * A {@link TrainConfig} by the entries of {@link TrainCatalog#ALL} for the window and the presets: each setting's
 * value, a config made from values, and the {@code "train"} JSON object of a preset, written as
 * {@code initscope train} writes its config (numbers as numbers, the batch's {@code "full"} as the word, choices as
 * ids, the bias as a boolean).
 */
public final class TrainSettings {

    private TrainSettings() {
    }

    /** A setting's value in a config. */
    public static Object value(TrainConfig c, Setting<?> s) {
        return c.get(s);
    }

    /**
     * A config of the given values.
     *
     * @throws app.initscope.core.experiment.InvalidConfigException naming a setting whose value is out of range
     */
    public static TrainConfig of(Function<Setting<?>, Object> values) {
        return new TrainConfig(TrainCatalog.DATASET.cast(values.apply(TrainCatalog.DATASET)),
                TrainCatalog.NOISE.cast(values.apply(TrainCatalog.NOISE)),
                TrainCatalog.OPTIMIZER.cast(values.apply(TrainCatalog.OPTIMIZER)),
                TrainCatalog.LEARNING_RATE.cast(values.apply(TrainCatalog.LEARNING_RATE)),
                TrainCatalog.BATCH.cast(values.apply(TrainCatalog.BATCH)),
                TrainCatalog.STEPS.cast(values.apply(TrainCatalog.STEPS)),
                TrainCatalog.EVAL_EVERY.cast(values.apply(TrainCatalog.EVAL_EVERY)),
                TrainCatalog.BIAS.cast(values.apply(TrainCatalog.BIAS)));
    }

    /** The config as a preset's {@code "train"} object: the same as {@code initscope train}'s JSON config. */
    public static ObjectNode json(TrainConfig c) {
        return TrainJsonReport.train(c);
    }
}
