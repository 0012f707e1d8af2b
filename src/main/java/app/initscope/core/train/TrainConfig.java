package app.initscope.core.train;

import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.settings.Setting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A validated set of training settings, keyed by the entries of {@link TrainCatalog} as
 * {@link app.initscope.core.experiment.ExperimentConfig} is keyed by the experiment's catalog; immutable. A new
 * training setting is one entry in the catalog: this class, the window's draft, the presets and the preferences
 * all loop over {@link TrainCatalog#ALL}.
 */
public final class TrainConfig {

    /** The batch that stands for the whole training set, whatever its size ({@code --batch full}). */
    public static final int FULL_BATCH = 0;

    private static final TrainConfig DEFAULTS = of(Setting::defaultValue);

    private final Map<Setting<?>, Object> values;

    private TrainConfig(Map<Setting<?>, Object> values) {
        this.values = values;
    }

    /**
     * A configuration with each setting's value as {@code values} gives it.
     *
     * @throws InvalidConfigException naming the setting when a value is missing or out of its range
     */
    public static TrainConfig of(Function<Setting<?>, Object> values) {
        Map<Setting<?>, Object> checked = new LinkedHashMap<>();
        for (Setting<?> s : TrainCatalog.ALL) {
            Object v = s.cast(values.apply(s));
            String problem = s.problem(v);
            if (problem == null && v instanceof Double d && !Double.isFinite(d)) {
                problem = "must be finite, got " + d;
            }
            if (problem != null) {
                throw new InvalidConfigException(s, problem);
            }
            checked.put(s, v);
        }
        return new TrainConfig(Collections.unmodifiableMap(checked));
    }

    /** Every setting at its default. */
    public static TrainConfig defaults() {
        return DEFAULTS;
    }

    /** The value of one of {@link TrainCatalog#ALL}. @throws IllegalArgumentException for another setting */
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException("not a training setting: " + setting.id());
        }
        return setting.cast(values.get(setting));
    }

    /**
     * This configuration with one setting changed.
     *
     * @throws IllegalArgumentException      for a setting that is not a training setting
     * @throws InvalidConfigException        when the value is missing or out of range
     */
    public TrainConfig with(Setting<?> setting, Object value) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException("not a training setting: " + setting.id());
        }
        return of(s -> s == setting ? value : values.get(s));
    }

    public DatasetId dataset() {
        return get(TrainCatalog.DATASET);
    }

    /** The std of the noise of the teacher's targets and of the 2-D sets' points. */
    public double noise() {
        return get(TrainCatalog.NOISE);
    }

    public Optimizer optimizer() {
        return get(TrainCatalog.OPTIMIZER);
    }

    public double lr() {
        return get(TrainCatalog.LEARNING_RATE);
    }

    /** Rows per step; {@link #FULL_BATCH} or the training set's size means full batch. */
    public int batch() {
        return get(TrainCatalog.BATCH);
    }

    public int steps() {
        return get(TrainCatalog.STEPS);
    }

    /** Steps between test evaluations. */
    public int evalEvery() {
        return get(TrainCatalog.EVAL_EVERY);
    }

    /** Whether the layers and the readout have trained biases, initialized to 0. */
    public boolean bias() {
        return get(TrainCatalog.BIAS);
    }

    /** The rows per step on a training set of {@code trainingRows} rows. */
    public int rows(int trainingRows) {
        return batch() == FULL_BATCH ? trainingRows : batch();
    }

    public TrainConfig withDataset(DatasetId v) {
        return with(TrainCatalog.DATASET, v);
    }

    public TrainConfig withNoise(double v) {
        return with(TrainCatalog.NOISE, v);
    }

    public TrainConfig withOptimizer(Optimizer v, double learningRate) {
        return with(TrainCatalog.OPTIMIZER, v).with(TrainCatalog.LEARNING_RATE, learningRate);
    }

    public TrainConfig withBatch(int v) {
        return with(TrainCatalog.BATCH, v);
    }

    public TrainConfig withSteps(int v, int every) {
        return with(TrainCatalog.STEPS, v).with(TrainCatalog.EVAL_EVERY, every);
    }

    public TrainConfig withBias(boolean v) {
        return with(TrainCatalog.BIAS, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TrainConfig[");
        values.forEach((k, v) -> s.append(s.length() > 12 ? ", " : "").append(k.id()).append('=')
                .append(k.text(v)));
        return s.append(']').toString();
    }
}
