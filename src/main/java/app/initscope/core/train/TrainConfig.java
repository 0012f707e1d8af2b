package app.initscope.core.train;

import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.settings.Setting;

/**
 * A validated set of training settings (see {@link TrainCatalog}); immutable.
 *
 * @param noise     the std of the noise of the teacher's targets and of the 2-D sets' points
 * @param batch     rows per step; {@link #FULL_BATCH} or the training set's size means full batch
 * @param evalEvery steps between test evaluations
 * @param bias      whether the layers and the readout have trained biases, initialized to 0
 */
public record TrainConfig(DatasetId dataset, double noise, Optimizer optimizer, double lr, int batch, int steps,
                          int evalEvery, boolean bias) {

    /** @throws InvalidConfigException naming the setting when a value is out of its range */
    public TrainConfig {
        check(TrainCatalog.DATASET, dataset);
        check(TrainCatalog.NOISE, noise);
        check(TrainCatalog.OPTIMIZER, optimizer);
        check(TrainCatalog.LEARNING_RATE, lr);
        check(TrainCatalog.BATCH, batch);
        check(TrainCatalog.STEPS, steps);
        check(TrainCatalog.EVAL_EVERY, evalEvery);
    }

    /** The batch that stands for the whole training set, whatever its size ({@code --batch full}). */
    public static final int FULL_BATCH = 0;

    /** The rows per step on a training set of {@code trainingRows} rows. */
    public int rows(int trainingRows) {
        return batch == FULL_BATCH ? trainingRows : batch;
    }

    /** Every setting at its default. */
    public static TrainConfig defaults() {
        return new TrainConfig(TrainCatalog.DATASET.defaultValue(), TrainCatalog.NOISE.defaultValue(),
                TrainCatalog.OPTIMIZER.defaultValue(), TrainCatalog.LEARNING_RATE.defaultValue(),
                TrainCatalog.BATCH.defaultValue(), TrainCatalog.STEPS.defaultValue(),
                TrainCatalog.EVAL_EVERY.defaultValue(), TrainCatalog.BIAS.defaultValue());
    }

    public TrainConfig withDataset(DatasetId v) {
        return new TrainConfig(v, noise, optimizer, lr, batch, steps, evalEvery, bias);
    }

    public TrainConfig withOptimizer(Optimizer v, double learningRate) {
        return new TrainConfig(dataset, noise, v, learningRate, batch, steps, evalEvery, bias);
    }

    public TrainConfig withBatch(int v) {
        return new TrainConfig(dataset, noise, optimizer, lr, v, steps, evalEvery, bias);
    }

    public TrainConfig withSteps(int v, int every) {
        return new TrainConfig(dataset, noise, optimizer, lr, batch, v, every, bias);
    }

    public TrainConfig withBias(boolean v) {
        return new TrainConfig(dataset, noise, optimizer, lr, batch, steps, evalEvery, v);
    }

    /** The value of one of {@link TrainCatalog#ALL}. @throws IllegalArgumentException for another setting */
    public Object get(Setting<?> setting) {
        if (setting == TrainCatalog.DATASET) {
            return dataset;
        } else if (setting == TrainCatalog.NOISE) {
            return noise;
        } else if (setting == TrainCatalog.OPTIMIZER) {
            return optimizer;
        } else if (setting == TrainCatalog.LEARNING_RATE) {
            return lr;
        } else if (setting == TrainCatalog.BATCH) {
            return batch;
        } else if (setting == TrainCatalog.STEPS) {
            return steps;
        } else if (setting == TrainCatalog.EVAL_EVERY) {
            return evalEvery;
        } else if (setting == TrainCatalog.BIAS) {
            return bias;
        }
        throw new IllegalArgumentException("not a training setting: " + setting.id());
    }

    /**
     * This config with one setting of {@link TrainCatalog#ALL} changed, checked as the constructor checks.
     *
     * @throws InvalidConfigException naming the setting when the value is out of its range
     * @throws IllegalArgumentException for another setting
     */
    public TrainConfig with(Setting<?> setting, Object value) {
        if (!TrainCatalog.ALL.contains(setting)) {
            throw new IllegalArgumentException("not a training setting: " + setting.id());
        }
        Object v = setting.cast(value);
        if (v == null) {
            throw new InvalidConfigException(setting, setting.problem(null));
        }
        return new TrainConfig(
                setting == TrainCatalog.DATASET ? (DatasetId) v : dataset,
                setting == TrainCatalog.NOISE ? (Double) v : noise,
                setting == TrainCatalog.OPTIMIZER ? (Optimizer) v : optimizer,
                setting == TrainCatalog.LEARNING_RATE ? (Double) v : lr,
                setting == TrainCatalog.BATCH ? (Integer) v : batch,
                setting == TrainCatalog.STEPS ? (Integer) v : steps,
                setting == TrainCatalog.EVAL_EVERY ? (Integer) v : evalEvery,
                setting == TrainCatalog.BIAS ? (Boolean) v : bias);
    }

    private static void check(Setting<?> setting, Object value) {
        String problem = setting.problem(value);
        if (problem == null && value instanceof Double d && !Double.isFinite(d)) {
            problem = "must be finite, got " + d;
        }
        if (problem != null) {
            throw new InvalidConfigException(setting, problem);
        }
    }
}
