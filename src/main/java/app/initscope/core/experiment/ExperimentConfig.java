package app.initscope.core.experiment;

import app.initscope.core.init.InitOptions;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import app.initscope.core.stats.Range;
import app.initscope.core.settings.Setting;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated, immutable experiment: which strategies, which network, which input.
 *
 * <p>The network is an MLP with {@code depth} hidden layers of {@code width} units, biases N(0, σ_b²) (none at
 * σ_b = 0), and a linear readout to {@code outputs}; the defaults reproduce the seed experiment (one hidden tanh
 * layer, no biases, 1000 samples of 1000 features).
 *
 * <p>The config holds one value for every setting of the {@link Catalog}, read with {@link #get}; the named
 * accessors are shorthands. Besides, {@link #ranges()} fixes histogram ranges by tensor; a tensor without one
 * uses its finite min and max. Two configs are equal when every value and range is.
 */
public final class ExperimentConfig {

    /** The most elements one tensor may have: a Java array's limit. */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 16;

    private final Map<Setting<?>, Object> values;
    private final Map<TensorKind, Range> ranges;

    /** Validates every value; the exception's message names the setting and what is allowed. */
    private ExperimentConfig(Map<Setting<?>, Object> values, Map<TensorKind, Range> ranges) {
        Map<Setting<?>, Object> checked = new LinkedHashMap<>();
        for (Setting<?> s : Catalog.ALL) {
            Object v = values.get(s);
            String problem = s.problem(v);
            if (problem != null) {
                throw new InvalidConfigException(s, problem);
            }
            checked.put(s, v instanceof List<?> list ? List.copyOf(list) : v);
        }
        this.values = Collections.unmodifiableMap(checked);
        long widest = Math.max(fanIn(), width());
        long samples = samples();
        long width = width();
        if (samples * widest > MAX_ARRAY_LENGTH || widest * width > MAX_ARRAY_LENGTH) {
            throw new InvalidConfigException("size", String.format(java.util.Locale.ROOT,
                    "a %d × %d tensor has more than %d elements, the most one array holds; reduce samples, "
                            + "width or fan-in", samples * widest > MAX_ARRAY_LENGTH ? samples : widest,
                    widest, MAX_ARRAY_LENGTH));
        }
        this.ranges = ranges == null || ranges.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ranges));
    }

    /** The value of a setting. */
    public <T> T get(Setting<T> setting) {
        return setting.cast(values.get(setting));
    }

    /** The strategies to compare, in order; not empty, no repeats. */
    public List<Strategy> strategies() {
        return get(Catalog.STRATEGIES);
    }

    public Activation activation() {
        return get(Catalog.ACTIVATION);
    }

    public int fanIn() {
        return get(Catalog.FAN_IN);
    }

    public int samples() {
        return get(Catalog.SAMPLES);
    }

    public int width() {
        return get(Catalog.WIDTH);
    }

    public int depth() {
        return get(Catalog.DEPTH);
    }

    public int outputs() {
        return get(Catalog.OUTPUTS);
    }

    public long seed() {
        return get(Catalog.SEED);
    }

    public double leakySlope() {
        return get(Catalog.LEAKY_SLOPE);
    }

    public double constant() {
        return get(Catalog.CONSTANT);
    }

    public double sigma() {
        return get(Catalog.SIGMA);
    }

    public int bins() {
        return get(Catalog.BINS);
    }

    public InputDistribution input() {
        return get(Catalog.INPUT);
    }

    /** The normalization before φ. */
    public Norm norm() {
        return get(Catalog.NORM);
    }

    /** The residual connections. */
    public Residual residual() {
        return get(Catalog.RESIDUAL);
    }

    /** Fixed histogram ranges by tensor; a tensor without one uses its finite min and max. */
    public Map<TensorKind, Range> ranges() {
        return ranges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExperimentConfig c && values.equals(c.values) && ranges.equals(c.ranges);
    }

    @Override
    public int hashCode() {
        return 31 * values.hashCode() + ranges.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ExperimentConfig[");
        values.forEach((s, v) -> b.append(s.id()).append('=').append(s.text(v)).append(", "));
        return b.append("ranges=").append(ranges).append(']').toString();
    }

    /** The seed experiment. */
    public static ExperimentConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.set.addAll(values.keySet());
        return b.ranges(ranges);
    }

    /** The options the initializers need. */
    public InitOptions initOptions() {
        return new InitOptions(activation(), leakySlope(), constant(), sigma());
    }

    /** The fan-in of hidden layer l (1-based). */
    public int layerFanIn(int layer) {
        return layer == 1 ? fanIn() : width();
    }

    /** The number of multiply-adds of one strategy's forward and backward pass. */
    public double multiplyAdds() {
        double s = samples();
        double width = width();
        double total = s * fanIn() * width * 2;               // z_1 and dW_1
        total += (depth() - 1) * s * width * width * 3.0;     // z_l, dW_l, g_{l−1} for l ≥ 2
        total += s * width * outputs() * 2.0;                 // readout and its gradient
        return total;
    }

    /**
     * The number of rows for a {@linkplain ExperimentRunner#preview preview} of one strategy that costs at most
     * about {@code maxMultiplyAdds}: {@link #multiplyAdds()} grows linearly with the rows, so this is the most rows
     * within the budget, but never fewer than 10 nor more than the samples.
     *
     * @param maxMultiplyAdds the budget, ≥ 0 (infinity means every row)
     * @throws IllegalArgumentException when the budget is negative or NaN
     */
    public int previewRows(double maxMultiplyAdds) {
        if (!(maxMultiplyAdds >= 0)) {
            throw new IllegalArgumentException("a multiply-add budget must be ≥ 0, got " + maxMultiplyAdds);
        }
        double perRow = multiplyAdds() / samples();
        double rows = Math.floor(maxMultiplyAdds / perRow);
        return (int) Math.min(samples(), Math.max(10, rows));
    }

    /** A mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final Map<Setting<?>, Object> values = new HashMap<>();
        private final Set<Setting<?>> set = new HashSet<>();
        private Map<TensorKind, Range> ranges = Map.of();

        private Builder() {
            for (Setting<?> s : Catalog.ALL) {
                values.put(s, s.defaultValue());
            }
        }

        /** Sets one setting's value (checked by {@link #build()}). */
        public <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, setting.cast(value));
            set.add(setting);
            return this;
        }

        /** The value this builder holds for a setting (a setting never set that follows another: that one's). */
        public <T> T get(Setting<T> setting) {
            Setting<T> from = setting.defaultsTo();
            return setting.cast(values.get(from != null && !set.contains(setting) ? from : setting));
        }

        public Builder strategies(List<Strategy> v) {
            return set(Catalog.STRATEGIES, v);
        }

        public Builder activation(Activation v) {
            return set(Catalog.ACTIVATION, v);
        }

        public Builder fanIn(int v) {
            return set(Catalog.FAN_IN, v);
        }

        public Builder samples(int v) {
            return set(Catalog.SAMPLES, v);
        }

        /** The width; when never set, it equals the fan-in. */
        public Builder width(int v) {
            return set(Catalog.WIDTH, v);
        }

        public Builder depth(int v) {
            return set(Catalog.DEPTH, v);
        }

        public Builder outputs(int v) {
            return set(Catalog.OUTPUTS, v);
        }

        public Builder seed(long v) {
            return set(Catalog.SEED, v);
        }

        public Builder leakySlope(double v) {
            return set(Catalog.LEAKY_SLOPE, v);
        }

        public Builder constant(double v) {
            return set(Catalog.CONSTANT, v);
        }

        public Builder sigma(double v) {
            return set(Catalog.SIGMA, v);
        }

        public Builder bins(int v) {
            return set(Catalog.BINS, v);
        }

        public Builder input(InputDistribution v) {
            return set(Catalog.INPUT, v);
        }

        public Builder norm(Norm v) {
            return set(Catalog.NORM, v);
        }

        public Builder residual(Residual v) {
            return set(Catalog.RESIDUAL, v);
        }

        public Builder ranges(Map<TensorKind, Range> v) {
            ranges = v;
            return this;
        }

        /** Validates and builds. */
        public ExperimentConfig build() {
            Map<Setting<?>, Object> resolved = new HashMap<>();
            for (Setting<?> s : Catalog.ALL) {
                resolved.put(s, get(s));
            }
            return new ExperimentConfig(resolved, ranges);
        }
    }
}
