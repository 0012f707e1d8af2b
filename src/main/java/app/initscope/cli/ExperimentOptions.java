package app.initscope.cli;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.InputDistribution;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Range;
import app.initscope.export.Preset;
import app.initscope.export.PresetException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that describe an experiment, shared by the commands. With {@code --preset FILE} the preset's config
 * is the base and only the options given on the command line change it; without it, every option's default
 * applies.
 */
public final class ExperimentOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Start from the experiment in a preset file (JSON, see the README). The options below "
                    + "that are given override the preset's values; the others keep them, not their defaults.")
    Path preset;

    /** The preset read from {@link #preset}, once. */
    private Preset loaded;

    @Option(names = "--strategies", paramLabel = "LIST", defaultValue = "zero,small,large,xavier,he",
            description = "Comma-separated strategies, or 'all' (default: ${DEFAULT-VALUE}). Valid: zero, small, "
                    + "large, xavier, he, glorot-normal, glorot-uniform, he-uniform, lecun-normal, orthogonal, "
                    + "constant, custom-normal.")
    String strategies;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "tanh",
            description = "tanh, sigmoid, relu, leaky-relu, linear, selu or gelu (tanh form) "
                    + "(default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--fan-in", paramLabel = "N", defaultValue = "1000",
            description = "Input features, 1..65536 (default: ${DEFAULT-VALUE}).")
    int fanIn;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000",
            description = "Rows of the synthetic input, 1..1000000 (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--width", paramLabel = "N", description = "Units per hidden layer, 1..65536 (default: the "
            + "fan-in, or the preset's width).")
    Integer width;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "1",
            description = "Hidden layers, 1..100 (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--outputs", paramLabel = "N", defaultValue = "10",
            description = "Outputs of the linear readout, 1..10000 (default: ${DEFAULT-VALUE}).")
    int outputs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--leaky-slope", paramLabel = "A", defaultValue = "0.01",
            description = "Slope of leaky ReLU for z < 0, 0..1 (default: ${DEFAULT-VALUE}).")
    double leakySlope;

    @Option(names = "--constant", paramLabel = "C", defaultValue = "0.01",
            description = "The weight of the 'constant' strategy (default: ${DEFAULT-VALUE}).")
    double constant;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "0.01",
            description = "The std of the 'custom-normal' strategy (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "60",
            description = "Histogram bins, 1..10000 (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--input", paramLabel = "DIST", defaultValue = "normal",
            description = "Input distribution: normal N(0,1) or uniform U(-√3,√3) (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--range", paramLabel = "TENSOR=LO:HI",
            description = "Fix a histogram's range, e.g. --range z=-3:3 (tensors: z, activation, localGradient, "
                    + "delta, weightGradient). Default: each tensor's finite min and max.")
    Map<String, String> ranges = new LinkedHashMap<>();

    /**
     * Builds and validates the config: the preset's, if any, with the options given on the command line applied
     * on top (a {@code --range} replaces the preset's range of that tensor only). A bad value becomes a usage
     * error naming the option.
     */
    public ExperimentConfig toConfig() {
        Preset base = preset().orElse(null);
        try {
            Map<TensorKind, Range> fixed = new EnumMap<>(TensorKind.class);
            if (base != null) {
                fixed.putAll(base.config().ranges());
            }
            for (Map.Entry<String, String> e : ranges.entrySet()) {
                fixed.put(parse("range", () -> TensorKind.fromId(e.getKey())),
                        parse("range", () -> Range.parse(e.getValue())));
            }
            ExperimentConfig.Builder b = base == null ? ExperimentConfig.builder() : base.config().toBuilder();
            apply("--strategies", parse("strategies", () -> Strategy.parseList(strategies)), b::strategies);
            apply("--activation", parse("activation", () -> Activation.fromId(activation)), b::activation);
            apply("--input", parse("input", () -> InputDistribution.fromId(input)), b::input);
            apply("--fan-in", fanIn, b::fanIn);
            apply("--samples", samples, b::samples);
            apply("--depth", depth, b::depth);
            apply("--outputs", outputs, b::outputs);
            apply("--seed", seed, b::seed);
            apply("--leaky-slope", leakySlope, b::leakySlope);
            apply("--constant", constant, b::constant);
            apply("--sigma", sigma, b::sigma);
            apply("--bins", bins, b::bins);
            if (width != null) {
                b.width(width);
            }
            return b.ranges(fixed).build();
        } catch (InvalidConfigException e) {
            if (e.parameter().equals("size")) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            throw usage(e.parameter(), e.getMessage().substring(e.parameter().length() + 2));
        }
    }

    /**
     * The preset of {@code --preset}, read once, or empty without the option.
     *
     * @throws CommandLine.ParameterException when the file cannot be read or is not a valid preset: one line,
     *                                        {@code --preset FILE: PROBLEM}
     */
    Optional<Preset> preset() {
        if (preset == null) {
            return Optional.empty();
        }
        if (loaded == null) {
            try {
                loaded = Preset.read(preset);
            } catch (PresetException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--preset " + preset + ": " + e.problem());
            }
        }
        return Optional.of(loaded);
    }

    /** Sets an option's value: always without a preset, else only when it was given on the command line. */
    private <T> void apply(String option, T value, Consumer<T> setter) {
        if (preset == null || spec.commandLine().getParseResult().hasMatchedOption(option)) {
            setter.accept(value);
        }
    }

    /** A usage error about one option. */
    CommandLine.ParameterException usage(String option, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), "--" + option + ": " + problem);
    }

    private <T> T parse(String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(option, e.getMessage());
        }
    }
}
