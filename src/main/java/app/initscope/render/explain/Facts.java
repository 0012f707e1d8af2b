package app.initscope.render.explain;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Summary;
import app.initscope.render.Plots;
import java.util.List;
import java.util.Objects;

/**
 * Everything the paragraphs of one layer need, computed once: above all the layer's {@link Verdict}, which the
 * headline and every paragraph quote instead of classifying the numbers again.
 *
 * @param inputSecondMoment E[x²] of the layer's input: the data's for layer 1, the previous activations' after
 * @param previousStdZ      std z of the layer before, NaN for layer 1
 * @param sigmaW2           σ_w² = fan_in · Var(w) of the layer's measured weights
 * @param gain              the layer's {@linkplain Verdict#gain gain}
 */
record Facts(ExperimentConfig config, StrategyResult result, LayerResult layer, Strategy strategy,
             Activation activation, double inputSecondMoment, double previousStdZ, double sigmaW2, double gain,
             Verdict verdict,
             List<Finding> findings) {

    static Facts of(ExperimentConfig config, StrategyResult result, int layer) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(result, "result");
        int depth = result.layers().size();
        if (layer < 1 || layer > depth) {
            throw new IllegalArgumentException("layer must be between 1 and " + depth + ", got " + layer);
        }
        LayerResult l = result.layer(layer);
        double ex2;
        double previousStdZ = Double.NaN;
        if (layer == 1) {
            ex2 = config.input().secondMoment();
        } else {
            ex2 = secondMoment(result.layer(layer - 1).activation());
            previousStdZ = result.layer(layer - 1).z().std();
        }
        Strategy s = result.strategy();
        double sigmaW2 = l.fanIn() * l.weightStd() * l.weightStd();
        // weights of a non-zero mean add up coherently, and z is no longer centred: no σ_w² rule describes them,
        // so the gain is what the layer measurably hands on
        double gain = zeroMean(s, config) ? Verdict.gain(sigmaW2, config.activation(), config.leakySlope())
                : secondMoment(l.activation()) / ex2;
        // with a normalization φ takes N(z), whose scale the normalization sets whatever the weights do: the
        // verdict is then about N(z), and its gain 1
        Verdict verdict = l.normalized() != null ? Verdict.of(l.normalized().std(), 1)
                : Verdict.of(l.z().std(), gain);
        return new Facts(config, result, l, s, config.activation(), ex2, previousStdZ, sigmaW2, gain, verdict,
                Finding.of(l, config.activation(), verdict));
    }

    /** What φ takes: N(z) with a normalization, else z. */
    Summary phiInput() {
        return layer.normalized() != null ? layer.normalized() : layer.z();
    }

    /** "std z 1.002", or "std BN(z) 0.7054" with a normalization. */
    String stdPhiInput() {
        return "std " + (layer.normalized() != null ? Plots.normalizedLabel(config.norm()) : "z") + " "
                + Explanation.num(phiInput().std());
    }

    /** Whether the layer is a plain one, z_l = φ(z_{l−1})·W_l: no normalization and no residual branch. */
    boolean plain() {
        return !Architecture.applies(config);
    }

    /** The dominant finding. */
    Finding first() {
        return findings.getFirst();
    }

    /** Whether the layer is the network's last. */
    boolean last() {
        return layer.layer() >= config.depth();
    }

    /** E[a²] of this layer's activations: what it hands on. */
    double handedOn() {
        return secondMoment(layer.activation());
    }

    /**
     * The layer's gain in words, e.g. "σ_w² = fan_in · Var(w) = 2, about 2 times the 1 that preserves the
     * variance".
     */
    String weights() {
        if (!zeroMean(strategy, config)) {
            return "E[a²]/E[x²] = " + Gradients.factor(gain) + ", where weights of mean 0 and the right variance "
                    + "would keep 1";
        }
        String preserving = Explanation.num(1 / Verdict.kept(activation, config.leakySlope()));
        String ratio = Gradients.factor(gain);
        return "σ_w² = fan_in · Var(w) = " + Explanation.num(sigmaW2) + (ratio.equals("1")
                ? ", the " + preserving + " that preserves the variance"
                : ", about " + ratio + " times the " + preserving + " that preserves the variance");
    }

    /** Whether the strategy draws weights of mean 0 (LSUV's rotation too). */
    private static boolean zeroMean(Strategy s, ExperimentConfig config) {
        return s.dataDependent() || s.initializer(config.initOptions()).mean() == 0;
    }

    /** E[v²] = mean² + std². */
    static double secondMoment(Summary v) {
        return v.mean() * v.mean() + v.std() * v.std();
    }
}
