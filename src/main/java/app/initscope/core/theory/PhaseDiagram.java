package app.initscope.core.theory;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Activation;
import java.util.List;

/**
 * The order-to-chaos phase diagram of one activation: {@link MeanField#grid} over σ_w² ∈ [0.5, 5] × σ_b² ∈ [0, 0.5]
 * with its axes, and the critical line χ₁ = 1 read off the grid. Immutable.
 *
 * @param size   the points along each axis
 * @param points size × size points, σ_b² varying fastest (as {@link MeanField#grid} returns them)
 */
public record PhaseDiagram(Activation activation, double leakySlope, int size, List<MeanField.Point> points) {

    public PhaseDiagram {
        points = List.copyOf(points);
        if (size < 2 || points.size() != size * size) {
            throw new IllegalArgumentException("a phase diagram needs size × size points, size ≥ 2");
        }
    }

    /** The diagram of an activation at size × size points, its rows split over the parallel. */
    public static PhaseDiagram compute(Activation activation, double leakySlope, int size, Parallel parallel) {
        return new PhaseDiagram(activation, leakySlope, size,
                new MeanField(activation, leakySlope).grid(size, parallel));
    }

    /** σ_w² of column i, 0 ≤ i &lt; size. */
    public double sigmaW2(int i) {
        return MeanField.GRID_W2_LO + i * (MeanField.GRID_W2_HI - MeanField.GRID_W2_LO) / (size - 1);
    }

    /** σ_b² of row j, 0 ≤ j &lt; size. */
    public double sigmaB2(int j) {
        return MeanField.GRID_B2_LO + j * (MeanField.GRID_B2_HI - MeanField.GRID_B2_LO) / (size - 1);
    }

    /** The point at σ_w² index i and σ_b² index j. */
    public MeanField.Point at(int i, int j) {
        return points.get(i * size + j);
    }

    /**
     * The σ_w² where χ₁ = 1 at the σ_b² of row j: the first zero of ln χ₁ along the row (χ₁ grows with σ_w²),
     * interpolated linearly between the two grid points around it; NaN when the row does not cross 1 in the range.
     */
    public double criticalSigmaW2(int j) {
        double prev = Math.log(at(0, j).chi1());
        if (prev == 0) {
            return sigmaW2(0);
        }
        for (int i = 1; i < size; i++) {
            double now = Math.log(at(i, j).chi1());
            if (prev < 0 && now >= 0) {
                double t = -prev / (now - prev);
                return sigmaW2(i - 1) + t * (sigmaW2(i) - sigmaW2(i - 1));
            }
            prev = now;
        }
        return Double.NaN;
    }
}
