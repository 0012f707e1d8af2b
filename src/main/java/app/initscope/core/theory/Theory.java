package app.initscope.core.theory;

import app.initscope.core.init.Initializer;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Phi;
import app.initscope.core.nn.Residual;
import java.util.ArrayList;
import java.util.List;

/**
 * The mean-field recursion for the variance of the pre-activations of a deep network with iid, zero-mean
 * weights and biases drawn from N(0, σ_b²) (Poole et al., 2016; Schoenholz et al., 2017):
 * <pre>
 *   q_1     = fanIn · E[w²] · E[x²] + σ_b²
 *   q_{l+1} = width · E[w²] · E_{z∼N(0, q_l)}[φ(z)²] + σ_b²
 *           = σ_w² · E[φ(√q_l·u)²] + σ_b²                  (σ_w² = width · E[w²], u ∼ N(0, 1))
 * </pre>
 * With σ_b = 0 the bias term adds exactly 0.0, so q is the same number as without biases.
 * The expectations are closed forms for ReLU and leaky ReLU, and Gauss–Hermite sums otherwise.
 */
public final class Theory {

    private Theory() {
    }

    /**
     * Predicts every hidden layer.
     *
     * @param inputSecondMoment E[x²] of the input (1 for both synthetic inputs)
     * @param biasVariance      σ_b², the variance of the biases (0 without biases)
     */
    public static List<LayerTheory> meanField(int depth, int fanIn, int width, double inputSecondMoment,
                                              double biasVariance, Initializer init, Phi phi) {
        return meanField(depth, fanIn, width, inputSecondMoment, biasVariance, init, phi, Norm.NONE, Residual.OFF);
    }

    /**
     * Predicts every hidden layer of a network with a normalization before φ and residual connections:
     * <pre>
     *   q̂_l     = q_l/(q_l + ε) with a normalization (N(z) has unit variance up to ε), q_l without
     *   q_{l+1} = q_l + α²·(σ_w²·E[φ(√q̂_l·u)²] + σ_b²)     with residual connections (α = 1 for depth 1)
     *   q_{l+1} =          σ_w²·E[φ(√q̂_l·u)²] + σ_b²       without
     * </pre>
     * The activation's moments are those of φ(N(z)), z ∼ N(0, q_l), since a = φ(N(z)); γ = 1 and β = 0 at the
     * start. Without normalization and residual connections this is the plain recursion, number for number.
     */
    public static List<LayerTheory> meanField(int depth, int fanIn, int width, double inputSecondMoment,
                                              double biasVariance, Initializer init, Phi phi, Norm norm,
                                              Residual residual) {
        double alpha = residual.alpha(depth);
        GaussHermite gh = GaussHermite.standard();
        List<LayerTheory> layers = new ArrayList<>(depth);
        double q = fanIn * init.secondMoment(fanIn, width) * inputSecondMoment + biasVariance;
        for (int l = 1; l <= depth; l++) {
            if (l > 1 && init.mean() != 0.0) {
                layers.add(LayerTheory.NOT_APPLICABLE);
                continue;
            }
            double qa = norm.normalizedVariance(q);
            double[] exact = qa > 0 ? phi.gaussianMoments(qa) : null;
            double meanA = exact != null ? exact[0] : gh.expectation(phi::value, qa);
            double secondA = exact != null ? exact[1] : gh.expectation(z -> {
                double a = phi.value(z);
                return a * a;
            }, qa);
            double meanD = exact != null ? exact[2] : gh.expectation(phi::derivative, qa);
            layers.add(new LayerTheory(q, Math.sqrt(q), meanA, Math.sqrt(Math.max(0.0, secondA - meanA * meanA)),
                    meanD));
            double branch = width * init.secondMoment(width, width) * secondA + biasVariance;
            q = residual.on() ? q + alpha * alpha * branch : branch;
        }
        return layers;
    }

    /**
     * {@link #meanField(int, int, int, double, double, Initializer, Phi)}, each layer with the correlation c_l of
     * two samples' z_l whose inputs have correlation c₀ (E[x_a·x_b] = c₀·E[x²]), by the correlation map:
     * <pre>
     *   c_1     = (fanIn·E[w²]·E[x²]·c₀ + σ_b²)/q_1
     *   c_{l+1} = (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²)/(σ_w²·E[φ(u₁)²] + σ_b²),  (u₁, u₂) ∼ N(0, q_l·[[1, c_l], [c_l, 1]])
     * </pre>
     * with q_l this recursion's, and the expectations {@link MeanField#correlationStep}'s. NaN where the theory
     * does not apply (a non-zero-mean initialization) and where q is 0.
     */
    public static List<LayerTheory> meanField(int depth, int fanIn, int width, double inputSecondMoment,
                                              double biasVariance, double inputCorrelation, Initializer init,
                                              Activation activation, double leakySlope) {
        return meanField(depth, fanIn, width, inputSecondMoment, biasVariance, inputCorrelation, init, activation,
                leakySlope, Norm.NONE, Residual.OFF);
    }

    /**
     * The same with a normalization and residual connections (see
     * {@link #meanField(int, int, int, double, double, Initializer, Phi, Norm, Residual)}); the correlation map
     * describes neither, so c_l is NaN with either.
     */
    public static List<LayerTheory> meanField(int depth, int fanIn, int width, double inputSecondMoment,
                                              double biasVariance, double inputCorrelation, Initializer init,
                                              Activation activation, double leakySlope, Norm norm,
                                              Residual residual) {
        Phi phi = activation.function(leakySlope);
        List<LayerTheory> layers = meanField(depth, fanIn, width, inputSecondMoment, biasVariance, init, phi, norm,
                residual);
        if (init.mean() != 0.0 || norm != Norm.NONE || (residual.on() && depth > 1)) {
            return layers.stream().map(t -> t.withCorrelation(Double.NaN)).toList();
        }
        MeanField maps = new MeanField(activation, leakySlope);
        List<LayerTheory> out = new ArrayList<>(depth);
        double sigmaW2First = fanIn * init.secondMoment(fanIn, width);
        double sigmaW2 = width * init.secondMoment(width, width);
        double c = (sigmaW2First * inputSecondMoment * inputCorrelation + biasVariance)
                / (sigmaW2First * inputSecondMoment + biasVariance);
        for (int l = 1; l <= depth; l++) {
            LayerTheory t = layers.get(l - 1);
            if (l > 1) {
                c = maps.correlationStep(sigmaW2, biasVariance, layers.get(l - 2).varianceZ(), c);
            }
            out.add(t.withCorrelation(t.varianceZ() > 0 ? c : Double.NaN));
        }
        return out;
    }
}
