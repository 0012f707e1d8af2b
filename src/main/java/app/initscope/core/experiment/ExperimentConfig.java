package app.initscope.core.experiment;

import app.initscope.core.init.InitOptions;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Range;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A validated, immutable experiment: which strategies, which network, which input.
 *
 * <p>The network is an MLP with {@code depth} hidden layers of {@code width} units, no biases, and a linear
 * readout to {@code outputs}; the defaults reproduce the seed experiment (one hidden tanh layer, 1000 samples
 * of 1000 features).
 *
 * @param strategies the strategies to compare, in order; not empty, no repeats
 * @param ranges     fixed histogram ranges by tensor; a tensor without one uses its finite min and max
 */
public record ExperimentConfig(List<Strategy> strategies, Activation activation, int fanIn, int samples, int width,
                               int depth, int outputs, long seed, double leakySlope, double constant, double sigma,
                               int bins, InputDistribution input, Map<TensorKind, Range> ranges) {

    /** The largest fan-in, width and sample count accepted. */
    public static final int MAX_DIMENSION = 1 << 16;
    /** The largest sample count accepted. */
    public static final int MAX_SAMPLES = 1_000_000;
    /** The largest depth accepted. */
    public static final int MAX_DEPTH = 100;
    /** The largest number of outputs accepted. */
    public static final int MAX_OUTPUTS = 10_000;
    /** The most elements one tensor may have: a Java array's limit. */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 16;
    /** The largest number of histogram bins accepted. */
    public static final int MAX_BINS = 10_000;

    /** Validates every field; the message of the exception names the parameter and what is allowed. */
    public ExperimentConfig {
        if (strategies == null || strategies.isEmpty()) {
            throw new InvalidConfigException("strategies", "at least one strategy is needed; valid: "
                    + Strategy.validIds());
        }
        if (strategies.stream().distinct().count() != strategies.size()) {
            throw new InvalidConfigException("strategies", "a strategy is listed twice: " + strategies);
        }
        strategies = List.copyOf(strategies);
        if (activation == null) {
            throw new InvalidConfigException("activation", "is required; valid: " + Activation.validIds());
        }
        if (input == null) {
            throw new InvalidConfigException("input", "is required; valid: normal, uniform");
        }
        checkRange("fan-in", fanIn, 1, MAX_DIMENSION);
        checkRange("samples", samples, 1, MAX_SAMPLES);
        checkRange("width", width, 1, MAX_DIMENSION);
        checkRange("depth", depth, 1, MAX_DEPTH);
        checkRange("outputs", outputs, 1, MAX_OUTPUTS);
        checkRange("bins", bins, 1, MAX_BINS);
        if (!(leakySlope >= 0 && leakySlope <= 1)) {
            throw new InvalidConfigException("leaky-slope", "must be between 0 and 1, got " + leakySlope);
        }
        if (!(Math.abs(constant) <= 1000)) {
            throw new InvalidConfigException("constant", "must be between -1000 and 1000, got " + constant);
        }
        if (!(sigma >= 0 && sigma <= 1000)) {
            throw new InvalidConfigException("sigma", "must be between 0 and 1000, got " + sigma);
        }
        long widest = Math.max(fanIn, width);
        if ((long) samples * widest > MAX_ARRAY_LENGTH || widest * width > MAX_ARRAY_LENGTH) {
            throw new InvalidConfigException("size", String.format(java.util.Locale.ROOT,
                    "a %d × %d tensor has more than %d elements, the most one array holds; reduce samples, "
                            + "width or fan-in", (long) samples * widest > MAX_ARRAY_LENGTH ? samples : widest,
                    widest, MAX_ARRAY_LENGTH));
        }
        ranges = ranges == null || ranges.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ranges));
    }

    private static void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(name, "must be between " + min + " and " + max + ", got " + value);
        }
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
        return new Builder().strategies(strategies).activation(activation).fanIn(fanIn).samples(samples)
                .width(width).depth(depth).outputs(outputs).seed(seed).leakySlope(leakySlope).constant(constant)
                .sigma(sigma).bins(bins).input(input).ranges(ranges);
    }

    /** The options the initializers need. */
    public InitOptions initOptions() {
        return new InitOptions(activation, leakySlope, constant, sigma);
    }

    /** The fan-in of hidden layer l (1-based). */
    public int layerFanIn(int layer) {
        return layer == 1 ? fanIn : width;
    }

    /** The number of multiply-adds of one strategy's forward and backward pass. */
    public double multiplyAdds() {
        double s = samples;
        double total = s * fanIn * width * 2;                 // z_1 and dW_1
        total += (depth - 1) * s * width * width * 3.0;       // z_l, dW_l, g_{l−1} for l ≥ 2
        total += s * width * outputs * 2.0;                   // readout and its gradient
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
        double perRow = multiplyAdds() / samples;
        double rows = Math.floor(maxMultiplyAdds / perRow);
        return (int) Math.min(samples, Math.max(10, rows));
    }

    /** A mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private List<Strategy> strategies = Strategy.SEED;
        private Activation activation = Activation.TANH;
        private int fanIn = 1000;
        private int samples = 1000;
        private Integer width;
        private int depth = 1;
        private int outputs = 10;
        private long seed = 42;
        private double leakySlope = 0.01;
        private double constant = 0.01;
        private double sigma = 0.01;
        private int bins = 60;
        private InputDistribution input = InputDistribution.NORMAL;
        private Map<TensorKind, Range> ranges = Map.of();

        private Builder() {
        }

        public Builder strategies(List<Strategy> v) {
            strategies = v;
            return this;
        }

        public Builder activation(Activation v) {
            activation = v;
            return this;
        }

        public Builder fanIn(int v) {
            fanIn = v;
            return this;
        }

        public Builder samples(int v) {
            samples = v;
            return this;
        }

        /** The width; when never set, it equals the fan-in. */
        public Builder width(int v) {
            width = v;
            return this;
        }

        public Builder depth(int v) {
            depth = v;
            return this;
        }

        public Builder outputs(int v) {
            outputs = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder leakySlope(double v) {
            leakySlope = v;
            return this;
        }

        public Builder constant(double v) {
            constant = v;
            return this;
        }

        public Builder sigma(double v) {
            sigma = v;
            return this;
        }

        public Builder bins(int v) {
            bins = v;
            return this;
        }

        public Builder input(InputDistribution v) {
            input = v;
            return this;
        }

        public Builder ranges(Map<TensorKind, Range> v) {
            ranges = v;
            return this;
        }

        /** Validates and builds. */
        public ExperimentConfig build() {
            return new ExperimentConfig(strategies, activation, fanIn, samples, width == null ? fanIn : width, depth,
                    outputs, seed, leakySlope, constant, sigma, bins, input, ranges);
        }
    }
}
