package app.initscope.core.theory;

import app.initscope.core.init.Initializer;
import app.initscope.core.nn.Phi;
import java.util.ArrayList;
import java.util.List;

/**
 * The mean-field recursion for the variance of the pre-activations of a deep network with iid, zero-mean
 * weights (Poole et al., 2016; Schoenholz et al., 2017):
 * <pre>
 *   q_1     = fanIn · E[w²] · E[x²]
 *   q_{l+1} = width · E[w²] · E_{z∼N(0, q_l)}[φ(z)²]
 * </pre>
 * The expectations are closed forms for ReLU and leaky ReLU, and Gauss–Hermite sums otherwise.
 */
public final class Theory {

    private Theory() {
    }

    /**
     * Predicts every hidden layer.
     *
     * @param inputSecondMoment E[x²] of the input (1 for both synthetic inputs)
     */
    public static List<LayerTheory> meanField(int depth, int fanIn, int width, double inputSecondMoment,
                                              Initializer init, Phi phi) {
        GaussHermite gh = GaussHermite.standard();
        List<LayerTheory> layers = new ArrayList<>(depth);
        double q = fanIn * init.secondMoment(fanIn, width) * inputSecondMoment;
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
            q = width * init.secondMoment(width, width) * secondA;
        }
        return layers;
    }
}
