package app.initscope.core.theory;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Activation;
import java.util.List;

/**
 * The order-to-chaos phase diagram of one activation: {@link MeanField#grid} over σ_w² ∈ [0.5, 5] × σ_b² ∈ [0, 0.5]
 * with its axes, and the critical line χ₁ = 1 read off the grid. Immutable.
 *
 * @param size the points along each axis
 * @param chi1 χ₁ at size × size points, σ_b² varying fastest (as {@link MeanField#grid} returns them)
 * @param xiC  ξ_c at the same points
 */
public record PhaseDiagram(Activation activation, double leakySlope, int size, double[] chi1, double[] xiC,
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
        chi1 = chi1.clone();
        xiC = xiC.clone();
        lineSigmaB2 = lineSigmaB2.clone();
        criticalLine = criticalLine.clone();
        if (size < 2 || chi1.length != size * size || xiC.length != size * size) {
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
        // χ₁ and ξ_c only, in arrays: 40 000 points as records would hold some 4 MB per diagram
        double[] chi1 = points.stream().mapToDouble(MeanField.Point::chi1).toArray();
        double[] xiC = points.stream().mapToDouble(MeanField.Point::xiC).toArray();
        return new PhaseDiagram(activation, leakySlope, size, chi1, xiC, at, line);
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

    /** χ₁ at σ_w² index i and σ_b² index j. */
    public double chi1(int i, int j) {
        return chi1[i * size + j];
    }

    /** ξ_c at σ_w² index i and σ_b² index j. */
    public double xiC(int i, int j) {
        return xiC[i * size + j];
    }

    @Override
    public double[] chi1() {
        return chi1.clone();
    }

    @Override
    public double[] xiC() {
        return xiC.clone();
    }

    /**
     * The σ_w² where χ₁ = 1 at the σ_b² of row j read off the grid: the first zero of ln χ₁ along the row (χ₁ grows with σ_w²),
     * interpolated linearly between the two grid points around it; NaN when the row does not cross 1 in the range.
     */
    public double criticalSigmaW2(int j) {
        double prev = Math.log(chi1(0, j));
        if (prev == 0) {
            return sigmaW2(0);
        }
        for (int i = 1; i < size; i++) {
            double now = Math.log(chi1(i, j));
            if (prev < 0 && now >= 0) {
                double t = -prev / (now - prev);
                return sigmaW2(i - 1) + t * (sigmaW2(i) - sigmaW2(i - 1));
            }
            prev = now;
        }
        return Double.NaN;
    }
}
