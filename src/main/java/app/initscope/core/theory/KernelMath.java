package app.initscope.core.theory;

/**
 * The closed forms and series that the mean-field maps evaluate: the rectifiers' arc-cosine kernels, the table of
 * weighted Hermite polynomials behind the kernels' Mehler series, and a power series by Horner's rule.
 */
public final class KernelMath {

    private KernelMath() {
    }

    /**
     * E[φ(u₁)φ(u₂)] for φ(x) = αx + (1 − α)·relu(x) (ReLU α = 0, leaky ReLU, linear α = 1), variances q and
     * correlation c: α·q·c + (1 − α)²·q/(2π)·(√(1 − c²) + (π − arccos c)·c), the arc-cosine kernel of degree 1
     * plus the cross terms E[u₁·relu(u₂)] = q·c/2.
     */
    public static double rectifierKernel(double q, double c, double alpha) {
        double relu = q / (2 * Math.PI) * (Math.sqrt(Math.max(0.0, 1 - c * c)) + (Math.PI - Math.acos(c)) * c);
        return alpha * q * c + (1 - alpha) * (1 - alpha) * relu;
    }

    /**
     * E[φ′(u₁)φ′(u₂)] for the same rectifier: α + (1 − α)²·(π − arccos c)/(2π), the probability that both are
     * positive being (π − arccos c)/(2π).
     */
    public static double rectifierDerivativeKernel(double c, double alpha) {
        return alpha + (1 - alpha) * (1 - alpha) * (Math.PI - Math.acos(c)) / (2 * Math.PI);
    }

    /** w_i·h_k(z_i), row k, from the recurrence h_{k+1} = (z·h_k − √k·h_{k−1})/√(k+1). */
    static double[] hermiteTable(double[] z, double[] w) {
        int n = z.length;
        double[] table = new double[n * n];
        for (int i = 0; i < n; i++) {
            double x = z[i];
            double hPrev = 0;
            double h = 1;
            for (int k = 0; k < n; k++) {
                table[k * n + i] = w[i] * h;
                double hNext = (x * h - Math.sqrt(k) * hPrev) / Math.sqrt(k + 1.0);
                hPrev = h;
                h = hNext;
            }
        }
        return table;
    }

    /** Σ coefficients[k]·c^k and its derivative, by Horner's rule. */
    static double[] power(double[] coefficients, double c) {
        double value = 0;
        double slope = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            slope = slope * c + value;
            value = value * c + coefficients[k];
        }
        return new double[] {value, slope};
    }

    /** A correlation map's residual h(c) = map(c) − c and its slope map′(c) at c. */
    interface Residual {
        /** {h, slope} at c. */
        double[] at(double c);
    }

    /**
     * The stable root in [0, 1] of a correlation map's residual, from {@code start}: a Newton step where the map's
     * slope is below 1, a plain step c + h above the unstable crossing, each clipped to [0, 1], until a step moves
     * less than {@code tolerance} (at most 200 steps).
     */
    static double fixedPoint(Residual residual, double start, double tolerance) {
        double c = start;
        for (int step = 0; step < 200; step++) {
            double[] hs = residual.at(c);
            double h = hs[0];
            double slope = hs[1];
            double next = slope < 1 ? c - h / (slope - 1) : c + h;
            next = Math.min(Math.max(next, 0.0), 1.0);
            if (Math.abs(next - c) <= tolerance) {
                return next;
            }
            c = next;
        }
        return c;
    }
}
