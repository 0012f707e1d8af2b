package app.initscope.render.explain;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import java.util.Arrays;

/**
 * The paragraph on a normalization before φ and residual connections, with the live numbers: what N(z) does to
 * the scale that φ sees (and what it cannot do for identical units), BatchNorm's gradient growth going back, and
 * how skips make the variance add up instead of multiply.
 */
final class Architecture {

    private Architecture() {
    }

    /** Whether the config has either, so that the paragraph has something to say. */
    static boolean applies(ExperimentConfig config) {
        return config.norm() != Norm.NONE || (config.residual().on() && config.depth() > 1);
    }

    static String text(ExperimentConfig config, StrategyResult result, int layer) {
        StringBuilder s = new StringBuilder();
        LayerResult l = result.layer(layer);
        Norm norm = config.norm();
        if (norm != Norm.NONE && l.normalized() != null) {
            String name = norm == Norm.BATCH ? "BatchNorm" : "LayerNorm";
            s.append(name).append(" rescales z before φ takes it: here z has std ")
                    .append(Explanation.num(l.z().std())).append(" and N(z) has std ")
                    .append(Explanation.num(l.normalized().std()));
            double varZ = l.z().std() * l.z().std();
            if (varZ > 0 && varZ < 100 * Norm.EPSILON) {
                s.append(". Var(z) = ").append(Explanation.num(varZ)).append(" is close to ε = 10⁻⁵, so N(z)'s ")
                        .append("variance is Var(z)/(Var(z) + ε) = ")
                        .append(Explanation.num(norm.normalizedVariance(varZ))).append(", not 1");
            }
            s.append(". So φ sees about the same scale whatever the weights' scale: a too-small or too-large start ")
                    .append("no longer fades or saturates the signal. The gradients are not blind to it: ∂L/∂W ")
                    .append("shrinks as the weights grow, so the effective learning rate scales as 1/‖W‖².");
            if (l.distinctUnits() == 1) {
                s.append(" It cannot break symmetry: normalizing identical units leaves them identical, and all ")
                        .append(l.fanOut()).append(" units here are still one.");
            }
            if (norm == Norm.BATCH && result.layers().size() >= 3) {
                s.append(" Going back through the layers, std ∂L/∂W grows ×")
                        .append(Explanation.num(growth(result))).append(" per layer (the median): ")
                        .append("BatchNorm makes the gradients explode at initialization in deep networks, ")
                        .append("about ×1.21 per layer for ReLU.");
            }
        }
        Residual residual = config.residual();
        if (residual.on() && config.depth() > 1) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            int depth = result.layers().size();
            LayerResult first = result.layer(1);
            LayerResult last = result.layer(depth);
            double alpha = residual.alpha(config.depth());
            s.append("Each layer after the first adds α·(its branch) to the layer before, with α = ")
                    .append(Explanation.num(alpha)).append(residual.sqrtDepth() ? " = 1/√(depth − 1)" : "")
                    .append(", so the variance adds up instead of multiplying: std z goes from ")
                    .append(Explanation.num(first.z().std())).append(" at layer 1 to ")
                    .append(Explanation.num(last.z().std())).append(" at layer ").append(depth);
            if (Double.isFinite(last.theory().stdZ()) && Double.isFinite(first.theory().stdZ())) {
                s.append(" (theory ×").append(Explanation.num(last.theory().stdZ() / first.theory().stdZ()))
                        .append(')');
            }
            s.append(residual.sqrtDepth() ? ". With α = 1/√(depth − 1) the sum stays bounded: the variance grows "
                    + "at most e-fold however deep." : alpha >= 1 ? ". At α = 1 each block adds about as much as it "
                    + "receives; scaling α by 1/√(depth − 1) keeps the total bounded." : ".");
        }
        return s.toString();
    }

    /** The median over layers of std(∂L/∂W_l)/std(∂L/∂W_{l+1}). */
    static double growth(StrategyResult result) {
        int depth = result.layers().size();
        double[] ratios = new double[depth - 1];
        for (int l = 1; l < depth; l++) {
            ratios[l - 1] = result.layer(l).weightGradient().std() / result.layer(l + 1).weightGradient().std();
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }
}
