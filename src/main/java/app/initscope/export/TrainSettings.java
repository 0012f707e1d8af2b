package app.initscope.export;

import app.initscope.core.settings.Setting;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * A {@link TrainConfig} by the entries of {@link TrainCatalog#ALL}: each setting's value, a config made from values,
 * and the {@code "train"} JSON object of a preset (numbers as numbers, the batch's {@code "full"} as the word,
 * choices as ids, the bias as a boolean).
 */
public final class TrainSettings {

    private TrainSettings() {
    }

    /** A setting's value in a config. */
    public static Object value(TrainConfig c, Setting<?> s) {
        if (s == TrainCatalog.DATASET) {
            return c.dataset();
        } else if (s == TrainCatalog.NOISE) {
            return c.noise();
        } else if (s == TrainCatalog.OPTIMIZER) {
            return c.optimizer();
        } else if (s == TrainCatalog.LEARNING_RATE) {
            return c.lr();
        } else if (s == TrainCatalog.BATCH) {
            return c.batch();
        } else if (s == TrainCatalog.STEPS) {
            return c.steps();
        } else if (s == TrainCatalog.EVAL_EVERY) {
            return c.evalEvery();
        } else if (s == TrainCatalog.BIAS) {
            return c.bias();
        }
        throw new IllegalArgumentException("not a training setting: " + s.id());
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

    /** The config as a preset's {@code "train"} object, its keys in catalog order. */
    public static ObjectNode json(TrainConfig c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Setting<?> s : TrainCatalog.ALL) {
            Object v = value(c, s);
            if (s.isWord(v)) {
                o.put(s.id(), s.word());
            } else if (v instanceof Integer i) {
                o.put(s.id(), i);
            } else if (v instanceof Double d) {
                o.put(s.id(), d);
            } else if (v instanceof Boolean b) {
                o.put(s.id(), b);
            } else {
                o.put(s.id(), s.text(v));
            }
        }
        return o;
    }
}
