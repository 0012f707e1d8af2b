package app.initscope.core.experiment;

import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import app.initscope.core.settings.Setting;
import java.util.List;

/**
 * Every setting of an experiment, each described once. {@link ExperimentConfig} validates against these entries;
 * the command line's options, the preset and report JSON, the window's editors and tooltips, the saved
 * preferences and the guided tour are all derived from them. A new setting is a new entry in {@link #ALL} and
 * the code that uses its value ({@link ExperimentConfig#get}).
 *
 * <p>The order of {@link #ALL} is the order of the JSON {@code "config"} object.
 */
public final class Catalog {

    /** The largest fan-in (a fan-in × width weight array must still fit in one Java array). */
    public static final int MAX_DIMENSION = 1 << 16;
    /** The largest width: a width × width weight array fits in one Java array up to 46340² elements. */
    public static final int MAX_WIDTH = 46_340;

    public static final Setting<List<Strategy>> STRATEGIES = Setting.list("strategies", "--strategies", "strategy",
                    Strategy.SEED, Strategy::parseList, Strategy::fromId, Strategy::id, Strategy.validIds() + ", all")
            .help("The strategies to compare, comma-separated, or 'all'.")
            .build();

    public static final Setting<Activation> ACTIVATION = Setting.choice("activation", "--activation",
                    Activation.TANH, Activation::fromId, Activation::id, Activation.validIds())
            .help("The nonlinearity φ after every hidden layer. Xavier suits tanh and sigmoid; He suits ReLU, which "
                    + "zeroes half its inputs.")
            .build();

    public static final Setting<Integer> FAN_IN = Setting.integer("fanIn", "--fan-in", 1000)
            .range(1, MAX_DIMENSION).window(1, 4096).log().label("fan_in")
            .help("Inputs per unit of the first layer. Var(z) grows with it unless the weights shrink as 1/fan_in.")
            .build();

    public static final Setting<Integer> SAMPLES = Setting.integer("samples", "--samples", 1000)
            .range(1, 1_000_000).window(10, 20_000).log().unit("rows")
            .help("Rows of the synthetic input: more rows give smoother histograms, fewer run faster.")
            .build();

    public static final Setting<Integer> WIDTH = Setting.integer("width", "--width", 1000)
            .range(1, MAX_WIDTH).window(1, 4096).log().defaultsTo(FAN_IN).unit("units")
            .help("Units per hidden layer (the fan-in of the layers after the first).")
            .build();

    public static final Setting<Integer> DEPTH = Setting.integer("depth", "--depth", 1)
            .range(1, 100).window(1, 30).unit("layers")
            .help("Hidden layers: depth multiplies whatever one layer does to the signal.")
            .build();

    public static final Setting<Integer> OUTPUTS = Setting.integer("outputs", "--outputs", 10)
            .range(1, 10_000).window(1, 100)
            .help("Outputs of the linear readout that the loss compares with random targets.")
            .build();

    public static final Setting<Long> SEED = Setting.whole("seed", "--seed", 42)
            .help("The random seed of the input, the targets and the weights: the same seed always redraws the "
                    + "same picture.")
            .build();

    public static final Setting<Double> LEAKY_SLOPE = Setting.number("leakySlope", "--leaky-slope", 0.01)
            .range(0, 1).window(0, 1).label("slope").paramLabel("A")
            .help("Leaky ReLU's slope for negative inputs: 0 is plain ReLU; a small slope keeps a trickle of "
                    + "gradient flowing through units that are off. He's gain becomes 2/(1+slope²).")
            .build();

    public static final Setting<Double> CONSTANT = Setting.number("constant", "--constant", 0.01)
            .range(-1000, 1000).paramLabel("C")
            .help("The weight of the 'constant' strategy.")
            .build();

    public static final Setting<Double> SIGMA = Setting.number("sigma", "--sigma", 0.01)
            .range(0, 1000).paramLabel("S")
            .help("The std of the 'custom-normal' strategy.")
            .build();

    public static final Setting<Integer> BINS = Setting.integer("bins", "--bins", 60)
            .range(1, 10_000).window(10, 200)
            .help("Histogram bins: more show finer shape, fewer are less noisy.")
            .build();

    public static final Setting<InputDistribution> INPUT = Setting.choice("input", "--input",
                    InputDistribution.NORMAL, InputDistribution::fromId, InputDistribution::id, "normal, uniform")
            .paramLabel("DIST")
            .help("The input distribution: normal N(0,1) or uniform U(-√3,√3); both have E[x²] = 1.")
            .build();

    public static final Setting<Double> SIGMA_B = Setting.number("sigmaB", "--sigma-b", 0.0)
            .range(0, 100).window(0, 3).label("σ_b").paramLabel("S").optionalInFiles()
            .help("The std of the biases, drawn from N(0, σ_b²) once per unit: every hidden layer adds σ_b² to "
                    + "Var(z), a shift that is the same for every input, so it pulls different inputs towards one "
                    + "another. That pushes the network towards order: with σ_b > 0 a tanh network needs a larger "
                    + "weight variance to stay at the edge of chaos. 0 means no biases.")
            .build();

    public static final Setting<Double> INPUT_CORRELATION = Setting.number("inputCorrelation",
                    "--input-correlation", 0.0)
            .rangeBelow(0, 1).window(0, 0.99).label("c₀").paramLabel("C").optionalInFiles()
            .help("The correlation c₀ between any two input samples: x_i = √c₀·u + √(1−c₀)·e_i, with u shared by "
                    + "all samples and e_i each sample's own. Each layer then reports the measured mean correlation "
                    + "of the samples' z beside the mean-field correlation map's prediction: in the ordered phase "
                    + "inputs pull together towards c* = 1, in the chaotic phase they drift apart, towards c* < 1. "
                    + "0 gives independent samples, the input of every run before this setting.")
            .build();

    public static final Setting<Norm> NORM = Setting.choice("norm", "--norm", Norm.NONE, Norm::fromId, Norm::id,
                    Norm.validIds())
            .paramLabel("NORM").optionalInFiles()
            .help("A normalization of z before φ: batch (BatchNorm: each unit over the samples), layer (LayerNorm: "
                    + "each sample over the units) or none. It rescales every layer's input to φ to unit variance "
                    + "whatever the weights' scale, so a too-small or too-large start no longer fades or saturates "
                    + "the signal; it cannot make identical units differ.")
            .build();

    public static final Setting<Residual> RESIDUAL = Setting.choice("residual", "--residual", Residual.OFF,
                    Residual::parse, Residual::id, "off, sqrt-depth, 0, 0.5, 1")
            .paramLabel("A").optionalInFiles()
            .help("Residual connections: every layer after the first adds α times its branch to the layer before, "
                    + "z_l = z_(l-1) + α·φ(N(z_(l-1)))·W_l. The variance then adds up over the layers instead of "
                    + "multiplying; sqrt-depth takes α = 1/√(depth − 1), which keeps it bounded however deep. Any "
                    + "α ≥ 0 is accepted; off is the plain network.")
            .build();

    /** Every setting, in the order of the JSON {@code "config"} object. */
    public static final List<Setting<?>> ALL = List.of(STRATEGIES, ACTIVATION, FAN_IN, SAMPLES, WIDTH, DEPTH,
            OUTPUTS, SEED, LEAKY_SLOPE, CONSTANT, SIGMA, BINS, INPUT, SIGMA_B, INPUT_CORRELATION, NORM, RESIDUAL);

    private Catalog() {
    }

    /**
     * σ_b², the bias variance that the mean-field theory and the phase diagram take, from {@link #SIGMA_B}, the
     * biases' std that the settings hold. The one place the two meet; {@link #sigmaB} goes back.
     */
    public static double sigmaB2(double sigmaB) {
        return sigmaB * sigmaB;
    }

    /** σ_b² of a config: {@link #sigmaB2(double)} of its {@link #SIGMA_B}. */
    public static double sigmaB2(ExperimentConfig c) {
        return sigmaB2(c.get(SIGMA_B));
    }

    /** The {@link #SIGMA_B} setting, the biases' std, that gives the theory's σ_b² (≥ 0). */
    public static double sigmaB(double sigmaB2) {
        return Math.sqrt(sigmaB2);
    }

    /** The setting with this id, if any. */
    public static java.util.Optional<Setting<?>> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
