package app.initscope.core.theory;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Phi;
import java.util.Arrays;
import java.util.List;

/**
 * The phase diagram of {@link MeanField#grid}: {@link MeanField#analyse} at every point of a size × size grid,
 * made fast enough for a 200 × 200 map to be redrawn while one watches (the window's Phase tab).
 *
 * <p>Three things make it fast, each within the accuracy a picture needs (|Δ ln χ₁| and |Δ c*| below 10⁻³ of the
 * {@link MeanField#DEFAULT_NODES}-node values; the tests check it):
 * <ul>
 *   <li><b>The length map by a trapezoid rule.</b> For an activation with poles near the real axis (tanh's at
 *   ±iπ/(2√q)), Gauss–Hermite wastes most of its nodes in the tails; the trapezoid rule on the standard normal,
 *   step {@value #STEP} on [−{@value #RANGE}, {@value #RANGE}], converges geometrically in the width of the
 *   strip of analyticity and needs {@value #TRAPEZOID_NODES} nodes for about 10⁻⁶ at q* ≈ 4. Each Newton step
 *   evaluates φ and φ′ once per node for E[φ²], the map's slope and χ₁ together.</li>
 *   <li><b>The correlation map by a short Hermite series</b> ({@link MeanField#hermiteSeries}) of
 *   {@value #SERIES_NODES} terms, one 1-D pass per point, so that c = 1 stays a fixed point exactly.</li>
 *   <li><b>Warm starts</b>: along a row of constant σ_w², each point's Newton iterations for q* and c* start from
 *   its neighbour's.</li>
 * </ul>
 * The closed-form activations (ReLU, leaky ReLU, linear) need none of this and use {@link MeanField#analyse}.
 * The rows are independent, so they may run in parallel; each row writes only its own points, so the result is
 * the same whatever the parallel. Pure: no threads of its own.
 */
final class PhaseGrid {

    /** The trapezoid step on the standard normal. */
    static final double STEP = 0.3;
    /** The trapezoid range, ±RANGE standard deviations (the weight e^{−RANGE²/2} is below 10⁻¹⁵ there). */
    static final double RANGE = 7.2;
    /** The trapezoid's nodes. */
    static final int TRAPEZOID_NODES = 2 * (int) Math.round(RANGE / STEP) + 1;
    /** The terms of the correlation map's Hermite series. */
    static final int SERIES_NODES = 64;

    private static final int MAX_STEPS = 1000;
    /** A Newton step this small (relative to q) ends the search for q*: the next would be about its square. */
    private static final double NEWTON_DONE = 1e-8;
    private static final double ZERO = 1e-100;

    private final MeanField model;
    private final MeanField series;
    private final Phi phi;
    private final double[] z;
    private final double[] w;

    PhaseGrid(MeanField model) {
        this.model = model;
        this.series = model.closedForm() ? model : new MeanField(model.activation(), model.leakySlope(),
                SERIES_NODES);
        this.phi = model.activation().function(model.leakySlope());
        int half = (TRAPEZOID_NODES - 1) / 2;
        z = new double[TRAPEZOID_NODES];
        w = new double[TRAPEZOID_NODES];
        double sum = 0;
        for (int i = 0; i < TRAPEZOID_NODES; i++) {
            z[i] = (i - half) * STEP;
            w[i] = Math.exp(-0.5 * z[i] * z[i]);
            sum += w[i];
        }
        for (int i = 0; i < TRAPEZOID_NODES; i++) {
            w[i] /= sum;                     // E[1] = 1 exactly; the exact sum differs by about e^{−2π²/STEP²}
        }
    }

    /** The grid, σ_b² varying fastest, as {@link MeanField#grid(int)} describes. */
    List<MeanField.Point> compute(int size, Parallel parallel) {
        if (size < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points a side, got " + size);
        }
        MeanField.Point[] points = new MeanField.Point[size * size];
        parallel.forEach(size, i -> row(i, size, points));
        return Arrays.asList(points);
    }

    private void row(int i, int size, MeanField.Point[] points) {
        double sigmaW2 = MeanField.GRID_W2_LO + (MeanField.GRID_W2_HI - MeanField.GRID_W2_LO) * i / (size - 1);
        double qStart = 1.0;
        double qBefore = Double.NaN;
        double cStart = 0.0;
        double[] moments = new double[3];
        for (int j = 0; j < size; j++) {
            double sigmaB2 = MeanField.GRID_B2_LO + (MeanField.GRID_B2_HI - MeanField.GRID_B2_LO) * j / (size - 1);
            MeanField.Point p = model.closedForm() ? model.analyse(sigmaW2, sigmaB2)
                    : point(sigmaW2, sigmaB2, qStart, cStart, moments);
            points[i * size + j] = p;
            // the neighbours' q* are a close start (a straight line through the last two closer still); a q* of
            // 0 or +∞ is not, nor a c* of 1
            boolean usable = p.qStar() > 0 && Double.isFinite(p.qStar());
            double line = 2 * p.qStar() - qBefore;
            qStart = !usable ? 1.0 : line > 0 && Double.isFinite(line) ? line : p.qStar();
            qBefore = usable ? p.qStar() : Double.NaN;
            cStart = p.cStar() < 1 ? p.cStar() : 0.0;
        }
    }

    /** One point, as {@link MeanField#analyse}, with the Newton iterations starting from a neighbour's. */
    MeanField.Point point(double sigmaW2, double sigmaB2, double qStart, double cStart, double[] moments) {
        double q = qStart;
        boolean converged = false;
        double qStar = Double.NaN;
        for (int step = 0; step < MAX_STEPS && !converged; step++) {
            moments(q, moments);
            double m = sigmaW2 * moments[0] + sigmaB2;
            if (!Double.isFinite(m) || m > MeanField.DIVERGED) {
                qStar = Double.POSITIVE_INFINITY;
                break;
            }
            if (Math.abs(m - q) <= 1e-13 * q) {
                qStar = m;
                converged = true;
                break;
            }
            double next = m;
            double slope = sigmaW2 * moments[1];
            if (slope < 1 - 1e-12) {
                double newton = q - (m - q) / (slope - 1);
                if (Double.isFinite(newton) && newton >= 0) {
                    next = newton;
                    if (Math.abs(newton - q) <= NEWTON_DONE * q && next >= ZERO) {
                        // Newton converges quadratically: the next step would be below 1e-15·q. The moments
                        // are those at q, within NEWTON_DONE of q*, far inside the picture's accuracy
                        qStar = newton;
                        converged = true;
                        break;
                    }
                }
            }
            if (next < ZERO && sigmaB2 == 0) {
                qStar = 0.0;
                converged = true;
                moments(0.0, moments);
                break;
            }
            q = next;
        }
        if (Double.isNaN(qStar)) {
            qStar = q;                      // did not settle in MAX_STEPS: the last iterate, as MeanField does
        }
        boolean diverged = qStar == Double.POSITIVE_INFINITY;
        if (diverged) {
            moments(MeanField.DIVERGED, moments);
        }
        // the moments are those at the last iterate q, within NEWTON_DONE of q*
        double chi1 = sigmaW2 * moments[2];
        double xiQ = diverged ? Double.POSITIVE_INFINITY : MeanField.depthScale(sigmaW2 * moments[1]);
        double at = diverged ? MeanField.DIVERGED : qStar;
        double cStar = 1.0;
        double chiC = chi1;
        if (at > 0 && chi1 > 1) {
            double[][] s = series.hermiteSeries(at);
            double m = sigmaW2 * KernelMath.power(s[0], 1.0)[0] + sigmaB2;
            cStar = correlationFixedPoint(sigmaW2, sigmaB2, m, s[0], cStart);
            chiC = cStar == 1.0 ? chi1 : sigmaW2 * KernelMath.power(s[1], cStar)[0];
        }
        double xiC = MeanField.depthScale(chiC);
        return new MeanField.Point(sigmaW2, sigmaB2, qStar, converged, chi1, MeanField.Phase.of(chi1), cStar, chiC,
                xiQ, xiC, 6 * xiC);
    }

    /**
     * The stable fixed point below 1 of c ↦ (σ_w²·Σ a_k²·c^k + σ_b²)/m, by Newton's method from a start in
     * [0, 1): the map is convex, so a step from either side of the root lands at or below it, and from there the
     * iteration climbs to it; where the slope is ≥ 1 (above the unstable crossing) a plain step goes down.
     */
    private static double correlationFixedPoint(double sigmaW2, double sigmaB2, double m, double[] a2, double start) {
        return KernelMath.fixedPoint(c -> {
            double[] v = KernelMath.power(a2, c);
            return new double[] {(sigmaW2 * v[0] + sigmaB2) / m - c, sigmaW2 * v[1] / m};
        }, start, 1e-13);
    }

    /**
     * {E[φ(z)²], E[φ(z)φ′(z)·z]/q, E[φ′(z)²]} for z ∼ N(0, q) by the trapezoid rule, one φ and one φ′ per node;
     * the second is the length map's slope over σ_w² (φ′(0)² at q = 0).
     */
    private void moments(double q, double[] out) {
        double sq = Math.sqrt(Math.max(q, 0.0));
        double m2 = 0;
        double cross = 0;
        double d2 = 0;
        for (int i = 0; i < z.length; i++) {
            double x = sq * z[i];
            double v = phi.value(x);
            double d = phi.derivative(x);
            m2 += w[i] * v * v;
            cross += w[i] * v * d * z[i];
            d2 += w[i] * d * d;
        }
        out[0] = m2;
        out[1] = sq > 0 ? cross / sq : d2;
        out[2] = d2;
    }
}
