package app.initscope.core.theory;

/**
 * What the mean-field theory predicts for one layer. NaN where the theory does not apply (after the first layer
 * of a constant, non-zero-mean initialization, where the units are not independent).
 *
 * @param varianceZ         q_l, the predicted Var(z_l)
 * @param stdZ              √q_l
 * @param meanActivation    E[φ(z)], z ∼ N(0, q_l)
 * @param stdActivation     √(E[φ(z)²] − E[φ(z)]²)
 * @param meanLocalGradient E[φ′(z)]
 */
public record LayerTheory(double varianceZ, double stdZ, double meanActivation, double stdActivation,
                          double meanLocalGradient) {

    /** The prediction for a layer the theory does not cover. */
    public static final LayerTheory NOT_APPLICABLE =
            new LayerTheory(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
