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
public record PhaseDiagram(Activation activation, double leakySlope, int size, List<MeanField.Point> points,
                           double[] lineSigmaB2, double[] criticalLine) {

    /** The points of the critical line: every this many rows of σ_b², and the last. */
    public static final int LINE_STEP = 4;
    /**
     * Further σ_b² of the critical line below the first row step, where tanh's line leaves σ_w² = 1 steeply: as a
     * fraction of the whole σ_b² range.
     */
    private static final double[] FINE = {0.0002, 0.0005, 0.001, 0.002, 0.004, 0.007, 0.012};

    /**
     * @param lineSigmaB2  the σ_b² of the critical line's points, ascending
     * @param criticalLine the σ_w² where χ₁ = 1 at each of them, by {@link MeanField#criticalSigmaW2}; NaN where
     *                     χ₁ does not cross 1
     */
    public PhaseDiagram {
        points = List.copyOf(points);
        lineSigmaB2 = lineSigmaB2.clone();
        criticalLine = criticalLine.clone();
        if (size < 2 || points.size() != size * size) {
            throw new IllegalArgumentException("a phase diagram needs size × size points, size ≥ 2");
        }
        if (lineSigmaB2.length != criticalLine.length) {
            throw new IllegalArgumentException("the critical line needs a σ_b² for each point");
        }
    }

    /**
     * The diagram of an activation at size × size points, its rows split over the parallel, with its critical
     * line by bisection (near σ_w² = 1 on the chaotic side χ₁ of tanh stays within 10⁻³ of 1 for a while, so a
     * line read off the grid would lean to the right).
     */
    public static PhaseDiagram compute(Activation activation, double leakySlope, int size, Parallel parallel) {
        MeanField maps = new MeanField(activation, leakySlope);
        List<MeanField.Point> points = maps.grid(size, parallel);
        double range = MeanField.GRID_B2_HI - MeanField.GRID_B2_LO;
        double step = range / (size - 1);
        java.util.TreeSet<Double> b2 = new java.util.TreeSet<>();
        for (int j = 0; j < size; j += LINE_STEP) {
            b2.add(MeanField.GRID_B2_LO + j * step);
        }
        b2.add(MeanField.GRID_B2_HI);
        for (double f : FINE) {
            if (f * range < LINE_STEP * step) {
                b2.add(MeanField.GRID_B2_LO + f * range);
            }
        }
        double[] at = b2.stream().mapToDouble(Double::doubleValue).toArray();
        double[] line = new double[at.length];
        parallel.forEach(at.length, k -> line[k] = maps.criticalSigmaW2(at[k]));
        return new PhaseDiagram(activation, leakySlope, size, points, at, line);
    }

    @Override
    public double[] criticalLine() {
        return criticalLine.clone();
    }

    @Override
    public double[] lineSigmaB2() {
        return lineSigmaB2.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
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
     * The σ_w² where χ₁ = 1 at the σ_b² of row j read off the grid: the first zero of ln χ₁ along the row (χ₁ grows with σ_w²),
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
