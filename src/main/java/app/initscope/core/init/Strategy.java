package app.initscope.core.init;

import app.initscope.core.settings.Ids;
import java.util.List;

/**
 * The initialization strategies, by CLI id. W is fanIn × fanOut.
 *
 * <p>A note on names: the seed experiment's "Xavier" is N(0, 1/fan_in), which is LeCun's normal
 * initialization. Glorot and Bengio's (2010) Xavier uses 2/(fan_in + fan_out), and the two agree only for a
 * square layer (fan_in = fan_out). We keep the seed's meaning for {@link #XAVIER} and offer Glorot's as
 * {@link #GLOROT_NORMAL} and {@link #GLOROT_UNIFORM}.
 */
public enum Strategy implements Ids.Kebab {

    /** All weights 0. Every unit computes the same thing and gets the same gradient: symmetry is never broken. */
    ZERO("Zero", "w = 0") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Initializer.Constant(0.0);
        }
    },

    /** N(0, 0.0001²): symmetry broken, but the signal shrinks by ~0.0001·√fan_in per layer. */
    SMALL("Small", "w ~ N(0, 0.0001²)") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Initializer.Normal((in, out) -> 1e-4);
        }
    },

    /** N(0, 1): Var(z) = fan_in, so tanh and sigmoid saturate. */
    LARGE("Large", "w ~ N(0, 1)") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Initializer.Normal((in, out) -> 1.0);
        }
    },

    /**
     * The seed's "Xavier": N(0, 1/fan_in), which keeps Var(z) = Var(x). This is LeCun's rule; it equals
     * Glorot and Bengio's (2010) only when fan_in = fan_out.
     */
    XAVIER("Xavier", "w ~ N(0, 1/fan_in)") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Initializer.Normal((in, out) -> Math.sqrt(1.0 / in));
        }
    },

    /**
     * He et al. (2015), "Delving deep into rectifiers": N(0, 2/fan_in), or 2/((1+α²)·fan_in) for leaky ReLU
     * with slope α, as PyTorch's {@code kaiming_normal_}. The factor 2 makes up for ReLU zeroing half the
     * signal.
     */
    HE("He", "w ~ N(0, 2/fan_in)") {
        @Override
        public Initializer initializer(InitOptions o) {
            double g2 = o.heGainSquared();
            return new Initializer.Normal((in, out) -> Math.sqrt(g2 / in));
        }
    },

    /**
     * Glorot and Bengio (2010), "Understanding the difficulty of training deep feedforward neural networks":
     * N(0, 2/(fan_in + fan_out)), a compromise between the forward and the backward pass.
     */
    GLOROT_NORMAL("Glorot normal", "w ~ N(0, 2/(fan_in+fan_out))") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Initializer.Normal((in, out) -> Math.sqrt(2.0 / (in + out)));
        }
    },

    /** Glorot and Bengio (2010), uniform form: U(±√(6/(fan_in + fan_out))), the same variance. */
    GLOROT_UNIFORM("Glorot uniform", "w ~ U(±√(6/(fan_in+fan_out)))") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Initializer.Uniform((in, out) -> Math.sqrt(6.0 / (in + out)));
        }
    },

    /**
     * He et al. (2015), uniform form: U(±√(3·g²/fan_in)) with g² = 2 (or 2/(1+α²) for leaky ReLU), the same
     * variance as {@link #HE}.
     */
    HE_UNIFORM("He uniform", "w ~ U(±√(6/fan_in))") {
        @Override
        public Initializer initializer(InitOptions o) {
            double g2 = o.heGainSquared();
            return new Initializer.Uniform((in, out) -> Math.sqrt(3.0 * g2 / in));
        }
    },

    /**
     * LeCun et al. (1998), "Efficient BackProp": N(0, 1/fan_in), the rule SELU networks assume. Identical to the
     * seed's {@link #XAVIER}.
     */
    LECUN_NORMAL("LeCun normal", "w ~ N(0, 1/fan_in)") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Initializer.Normal((in, out) -> Math.sqrt(1.0 / in));
        }
    },

    /** Saxe et al. (2014): a random orthogonal matrix (see {@link Orthogonal}), gain 1. */
    ORTHOGONAL("Orthogonal", "W = Q from QR of a Gaussian") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Orthogonal(1.0);
        }
    },

    /**
     * Mishkin and Matas (2016), "All you need is a good init" (LSUV, layer-sequential unit-variance): start
     * {@linkplain #ORTHOGONAL orthogonal}, then, layer by layer on the experiment's own input, divide W_l by the
     * measured std of z_l until Var(z_l) is within 1 ± 0.1, at most 10 rounds a layer. This initializer is only
     * the orthogonal start: the rescaling needs forward passes, which {@code core.experiment} runs (see
     * {@link #dataDependent()}).
     */
    LSUV("LSUV", "W = Q, then W /= std(z)") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Orthogonal(1.0);
        }

        @Override
        public boolean dataDependent() {
            return true;
        }
    },

    /** Every weight equal to {@code --constant} (0.01 by default): as symmetric as zero, but not silent. */
    CONSTANT("Constant", "w = c") {
        @Override
        public Initializer initializer(InitOptions o) {
            return new Initializer.Constant(o.constant());
        }
    },

    /** N(0, σ²) with σ = {@code --sigma}: for exploring between the named rules. */
    CUSTOM_NORMAL("Custom normal", "w ~ N(0, σ²)") {
        @Override
        public Initializer initializer(InitOptions o) {
            double s = o.sigma();
            return new Initializer.Normal((in, out) -> s);
        }
    };

    /** The seed experiment's five, in its order. */
    public static final List<Strategy> SEED = List.of(ZERO, SMALL, LARGE, XAVIER, HE);

    private final String label;
    private final String formula;

    Strategy(String label, String formula) {
        this.label = label;
        this.formula = formula;
    }

    /** The initializer for these options. */
    public abstract Initializer initializer(InitOptions options);

    /**
     * Whether the rule looks at the data: its {@link #initializer} is only where it starts, and the runner then
     * adjusts the weights on the input ({@link #LSUV}). The mean-field theory of a fixed rule does not describe it.
     */
    public boolean dataDependent() {
        return false;
    }

    /** A display name, e.g. {@code Glorot uniform}. */
    public String label() {
        return label;
    }

    /** The rule as a short formula, e.g. {@code w ~ N(0, 1/fan_in)}. */
    public String formula() {
        return formula;
    }

    /** Looks a strategy up by its id, case-insensitively. */
    public static Strategy fromId(String id) {
        return Ids.lookup(Strategy.class, id, "strategy");
    }

    /**
     * Parses a comma-separated list of ids, or {@code all}. An empty entry ({@code ,xavier}, {@code xavier,,he})
     * or an id given twice is refused, as a preset refuses it.
     */
    public static List<Strategy> parseList(String list) {
        if (list.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        List<Strategy> result = new java.util.ArrayList<>();
        for (String id : list.split(",", -1)) {
            if (id.isBlank()) {
                throw new IllegalArgumentException("an empty entry in '" + list + "'; valid: " + validIds() + ", all");
            }
            Strategy s = fromId(id.trim());
            if (result.contains(s)) {
                throw new IllegalArgumentException("'" + s.id() + "' is listed twice");
            }
            result.add(s);
        }
        return List.copyOf(result);
    }

    /** The valid ids, comma-separated. */
    public static String validIds() {
        return Ids.valid(Strategy.class);
    }

    @Override
    public String toString() {
        return id();
    }
}
