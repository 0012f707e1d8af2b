package app.initscope.core.theory;

import app.initscope.core.init.Initializer;
import app.initscope.core.nn.Phi;
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
        GaussHermite gh = GaussHermite.standard();
        List<LayerTheory> layers = new ArrayList<>(depth);
        double q = fanIn * init.secondMoment(fanIn, width) * inputSecondMoment + biasVariance;
        for (int l = 1; l <= depth; l++) {
            if (l > 1 && init.mean() != 0.0) {
                layers.add(LayerTheory.NOT_APPLICABLE);
                continue;
            }
            double[] exact = q > 0 ? phi.gaussianMoments(q) : null;
            double meanA = exact != null ? exact[0] : gh.expectation(phi::value, q);
            double secondA = exact != null ? exact[1] : gh.expectation(z -> {
                double a = phi.value(z);
                return a * a;
            }, q);
            double meanD = exact != null ? exact[2] : gh.expectation(phi::derivative, q);
            layers.add(new LayerTheory(q, Math.sqrt(q), meanA, Math.sqrt(Math.max(0.0, secondA - meanA * meanA)),
                    meanD));
            q = width * init.secondMoment(width, width) * secondA + biasVariance;
        }
        return layers;
    }
}
