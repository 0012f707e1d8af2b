package app.initscope.render;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Initializer;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.theory.MeanField;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mean-field numbers the figures and the explanation quote (a strategy's χ₁ and ξ_c, the critical σ_w² of a
 * σ_b²), computed ahead by {@link #prepare} off the FX thread and only looked up while drawing: building the maps
 * takes 50–200 ms and one analysis at criticality 20–80 ms, far too long for a frame. A number not prepared yet
 * is absent (null), and the drawing leaves it out until it is. Thread-safe.
 */
public final class TheoryCache {

    private record Maps(Activation activation, double slope) {
    }

    private record Key(Maps maps, double sigmaW2, double sigmaB2) {
    }

    private static final int MAX_ENTRIES = 2000;
    private static final int MAX_MAPS = 4;
    private static final Map<Maps, MeanField> MAPS = new ConcurrentHashMap<>();
    private static final Map<Key, MeanField.Point> POINTS = new ConcurrentHashMap<>();
    private static final Map<Key, Double> CRITICAL = new ConcurrentHashMap<>();

    private TheoryCache() {
    }

    private static Maps maps(ExperimentConfig c) {
        return new Maps(c.activation(), c.activation() == Activation.LEAKY_RELU ? c.leakySlope() : 0);
    }

    /** The σ_w² of a strategy's rule with fan_in and fan_out as given, or NaN where the theory does not apply. */
    public static double sigmaW2(ExperimentConfig c, Strategy s, int fanIn, int fanOut) {
        Initializer init = s.initializer(c.initOptions());
        if (init.mean() != 0.0 || s.dataDependent()) {
            return Double.NaN;
        }
        return fanIn * init.secondMoment(fanIn, fanOut);
    }

    /** The analysis at (σ_w², σ_b²) for the config's activation, or null when not prepared. */
    public static MeanField.Point point(ExperimentConfig c, double sigmaW2, double sigmaB2) {
        return POINTS.get(new Key(maps(c), sigmaW2, sigmaB2));
    }

    /** The critical σ_w² at σ_b² for the config's activation (NaN: none), or null when not prepared. */
    public static Double critical(ExperimentConfig c, double sigmaB2) {
        return CRITICAL.get(new Key(maps(c), Double.NaN, sigmaB2));
    }

    /** Beyond this σ_w² the quadrature of {@link MeanField#analyse} loses χ₁ of tanh-like activations. */
    public static final double RELIABLE_SIGMA_W2 = 10;

    /**
     * Whether {@link MeanField#analyse} is accurate at this σ_w² for the config's activation: always for the closed
     * forms (ReLU, leaky ReLU, linear); for the quadrature activations up to {@link #RELIABLE_SIGMA_W2}, where q*
     * stays small enough for its 160-node rule (measured against a fine trapezoid sum for tanh: χ₁ is within 10⁻³
     * at σ_w² = 10, 9 % off at 30, and at 300 it even falls below 1, in the wrong phase).
     */
    public static boolean reliable(ExperimentConfig c, double sigmaW2) {
        Activation a = c.activation();
        boolean closed = a == Activation.RELU || a == Activation.LEAKY_RELU || a == Activation.LINEAR;
        return closed || sigmaW2 <= RELIABLE_SIGMA_W2;
    }

    /**
     * Computes what the views of a config quote for these strategies: each one's analysis at its first-layer
     * σ_w² (fan_in·Var(w)) and its hidden layers' (width·Var(w)), at the map's right edge for one too far right to
     * trust, and the critical σ_w² at the config's σ_b². Slow: call it off the FX thread.
     */
    public static void prepare(ExperimentConfig c, List<Strategy> strategies) {
        if (POINTS.size() > MAX_ENTRIES) {
            POINTS.clear();
            CRITICAL.clear();
        }
        if (MAPS.size() > MAX_MAPS) {
            MAPS.clear();       // about 200 kB each (a 160 × 160 Hermite table): a leaky slope per drag step adds up
        }
        Maps m = maps(c);
        MeanField maps = MAPS.computeIfAbsent(m, k -> new MeanField(k.activation(), k.slope()));
        double b2 = Catalog.sigmaB2(c);
        CRITICAL.computeIfAbsent(new Key(m, Double.NaN, b2), k -> maps.criticalSigmaW2(b2));
        for (Strategy s : strategies) {
            for (double w2 : new double[] {sigmaW2(c, s, c.fanIn(), c.width()), sigmaW2(c, s, c.width(), c.width())}) {
                if (w2 > 0) {
                    double at = reliable(c, w2) ? w2 : MeanField.GRID_W2_HI;
                    POINTS.computeIfAbsent(new Key(m, at, b2), k -> maps.analyse(at, b2));
                }
            }
        }
    }
}
