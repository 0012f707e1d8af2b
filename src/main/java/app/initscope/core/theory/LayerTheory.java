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
 * @param correlation       c_l, the correlation of two samples' z_l by the correlation map, iterated from the
 *                          input's c₀ (NaN where it was not computed)
 */
public record LayerTheory(double varianceZ, double stdZ, double meanActivation, double stdActivation,
                          double meanLocalGradient, double correlation) {

    /** The prediction for a layer the theory does not cover. */
    public static final LayerTheory NOT_APPLICABLE =
            new LayerTheory(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** A prediction without the correlation. */
    public LayerTheory(double varianceZ, double stdZ, double meanActivation, double stdActivation,
                       double meanLocalGradient) {
        this(varianceZ, stdZ, meanActivation, stdActivation, meanLocalGradient, Double.NaN);
    }

    /** This prediction with the correlation c_l. */
    public LayerTheory withCorrelation(double c) {
        return new LayerTheory(varianceZ, stdZ, meanActivation, stdActivation, meanLocalGradient, c);
    }
}
