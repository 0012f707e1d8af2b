package app.initscope.core.nn;

/**
 * N(z) in double, straight from the definition, for the tests that check the engine's normalization: the biased
 * variance, ε = {@value Norm#EPSILON}, per unit over the rows (BatchNorm) or per row over the units (LayerNorm).
 */
public final class NormReference {

    private NormReference() {
    }

    /**
     * γ·(z − μ)/√(v + ε) + β of a rows × width z, row major; z itself for {@link Norm#NONE}.
     *
     * @param gamma per unit, or null for 1
     * @param beta  per unit, or null for 0
     */
    public static double[] normalize(Norm norm, double[] z, int rows, int width, double[] gamma, double[] beta) {
        if (norm == Norm.NONE) {
            return z;
        }
        boolean batch = norm == Norm.BATCH;
        int groups = batch ? width : rows;
        int size = batch ? rows : width;
        double[] out = new double[z.length];
        for (int g = 0; g < groups; g++) {
            double mu = 0;
            for (int k = 0; k < size; k++) {
                mu += z[batch ? k * width + g : g * width + k];
            }
            mu /= size;
            double v = 0;
            for (int k = 0; k < size; k++) {
                double d = z[batch ? k * width + g : g * width + k] - mu;
                v += d * d;
            }
            v /= size;
            for (int k = 0; k < size; k++) {
                int at = batch ? k * width + g : g * width + k;
                int unit = at % width;
                double hat = (z[at] - mu) / Math.sqrt(v + Norm.EPSILON);
                out[at] = (gamma == null ? 1 : gamma[unit]) * hat + (beta == null ? 0 : beta[unit]);
            }
        }
        return out;
    }
}
