package app.initscope.core.theory;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Phi;
import app.initscope.core.settings.Ids;
import java.util.List;

/**
 * The mean-field maps of a deep network with iid N(0, σ_w²/fan_in) weights and N(0, σ_b²) biases (Poole et al.
 * 2016, "Exponential expressivity in deep neural networks through transient chaos"; Schoenholz et al. 2017,
 * "Deep information propagation"), with u ∼ N(0, 1):
 * <pre>
 *   length map        q_{l+1} = σ_w²·E[φ(√q_l·u)²] + σ_b²,       q* its fixed point (from q₀ = 1)
 *   χ₁                = σ_w²·E[φ′(√q*·u)²]                       ordered &lt; 1 &lt; chaotic
 *   correlation map   c_{l+1} = (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²)/q*,  (u₁, u₂) ∼ N(0, q*·[[1, c], [c, 1]])
 *   χ_c               = σ_w²·E[φ′(u₁)φ′(u₂)] at c*,              the slope of the c-map at its fixed point c*
 *   depth scales      ξ_q = −1/ln(q-map′(q*)),  ξ_c = −1/ln χ_c,  trainable depth ≈ 6·ξ_c
 * </pre>
 * The slope of the length map needs no φ″: by Stein's lemma, d/dq E[φ(z)²] = E[φ(z)φ′(z)·z]/q for z ∼ N(0, q),
 * which equals E[φ′² + φφ″]. By Price's theorem the slope of the c-map is σ_w²·q·E[φ′(u₁)φ′(u₂)]/q_{l+1}, which is
 * χ_c at the fixed point.
 *
 * <p>The Gaussian expectations are Gauss–Hermite sums (the 2-D ones the tensor product of the 1-D rule), except for
 * ReLU, leaky ReLU and linear, which have the closed forms of the arc-cosine kernel (Cho and Saul 2009): see
 * {@link KernelMath#rectifierKernel} and {@link KernelMath#rectifierDerivativeKernel}.
 *
 * <p>The length map has no fixed point when it grows without bound (ReLU with σ_w² &gt; 2): then q* is +∞, and
 * χ₁, c* and χ_c are their large-q limits, evaluated at q = {@value #DIVERGED}. A depth scale is +∞ where its slope
 * is 1 (at criticality) and where q never settles (ξ_q without a fixed point). Pure and immutable.
 */
public final class MeanField {

    /** The phase of the order-to-chaos diagram. */
    public enum Phase implements Ids.Kebab {
        /** χ₁ &lt; 1: nearby inputs converge; the gradients vanish with depth. */
        ORDERED,
        /** |χ₁ − 1| &lt; {@link #CRITICAL_BAND}: the edge of chaos, where signals travel deepest. */
        CRITICAL,
        /** χ₁ &gt; 1: nearby inputs decorrelate; the gradients explode with depth. */
        CHAOTIC;

        /** The phase of a given χ₁. */
        public static Phase of(double chi1) {
            if (Math.abs(chi1 - 1) < CRITICAL_BAND) {
                return CRITICAL;
            }
            return chi1 < 1 ? ORDERED : CHAOTIC;
        }
    }

    /**
     * Everything the maps predict at one (σ_w², σ_b²).
     *
     * @param qStar          the fixed point q* of the length map, +∞ when q grows without bound
     * @param qConverged     whether the iteration settled (false also when it diverged)
     * @param chi1           χ₁ = σ_w²·E[φ′(√q*·u)²]
     * @param cStar          the stable fixed point of the correlation map
     * @param chiC           χ_c, the slope of the c-map at c*
     * @param xiQ            ξ_q, +∞ where the q-map's slope is 1 and where q never settles
     * @param xiC            ξ_c = −1/ln χ_c, +∞ where χ_c = 1
     * @param trainableDepth 6·ξ_c
     */
    public record Point(double sigmaW2, double sigmaB2, double qStar, boolean qConverged, double chi1, Phase phase,
                        double cStar, double chiC, double xiQ, double xiC, double trainableDepth) {
    }

    /** The half-width of the band |χ₁ − 1| called critical. */
    public static final double CRITICAL_BAND = 1e-3;
    /** The q beyond which the length map counts as diverging; the large-q limits are evaluated there. */
    public static final double DIVERGED = 1e12;
    /**
     * The nodes of the Gauss–Hermite rule, in one dimension (the 2-D rule has the square, the Hermite series as
     * many terms). tanh(√q·u) has poles at u = ±iπ/(2√q), which slow the rule down as q grows: 160 nodes keep
     * q* and χ₁ within about 1e-9 of a spectrally accurate trapezoid sum for q up to about 2.5.
     */
    public static final int DEFAULT_NODES = 160;

    private static final int MAX_STEPS = 1000;
    private static final double ZERO = 1e-100;

    private final Activation activation;
    private final double leakySlope;
    private final Phi phi;
    /** The slope α of a closed-form rectifier φ(x) = αx + (1 − α)·relu(x), or NaN for quadrature. */
    private final double rectifier;
    /** The standard-normal nodes and their weights (summing to 1). */
    private final double[] z;
    private final double[] w;
    /** w_i·h_k(z_i) at row k, column i: the Hermite series is a product with it. */
    private final double[] hermite;

    /** The maps of an activation, with {@link #DEFAULT_NODES} nodes. */
    public MeanField(Activation activation, double leakySlope) {
        this(activation, leakySlope, DEFAULT_NODES);
    }

    /** The maps of an activation with an n-node rule (the closed forms ignore it). */
    public MeanField(Activation activation, double leakySlope, int nodes) {
        this.activation = activation;
        this.leakySlope = leakySlope;
        this.phi = activation.function(leakySlope);
        this.rectifier = switch (activation) {
            case RELU -> 0.0;
            case LEAKY_RELU -> leakySlope;
            case LINEAR -> 1.0;
            default -> Double.NaN;
        };
        // the nodes come from the Golub–Welsch eigenvalues; each weight from its node, 1/(n·h_{n−1}(z)²) for the
        // standard normal, keeps its relative accuracy far out, where the eigenvector's tiny first component does
        // not and where the Hermite series meets its largest h_k
        GaussHermite rule = GaussHermite.withNodes(nodes);
        this.z = new double[nodes];
        this.w = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            double x = Math.sqrt(2.0) * rule.node(i);
            double hPrev = 0;
            double h = 1;
            for (int k = 0; k < nodes - 1; k++) {
                double hNext = (x * h - Math.sqrt(k) * hPrev) / Math.sqrt(k + 1.0);
                hPrev = h;
                h = hNext;
            }
            z[i] = x;
            w[i] = 1.0 / (nodes * h * h);
        }
        this.hermite = KernelMath.hermiteTable(z, w);
    }

    public Activation activation() {
        return activation;
    }

    public double leakySlope() {
        return leakySlope;
    }

    /** Whether the expectations are closed forms (ReLU, leaky ReLU, linear) rather than quadrature. */
    public boolean closedForm() {
        return !Double.isNaN(rectifier);
    }

    // ---- the length map -------------------------------------------------------------------------------------

    /** E[φ(z)²], z ∼ N(0, q). */
    public double secondMoment(double q) {
        if (closedForm()) {
            return (1 + rectifier * rectifier) * q / 2;
        }
        double sq = Math.sqrt(Math.max(q, 0.0));
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double a = phi.value(sq * z[i]);
            sum += w[i] * a * a;
        }
        return sum;
    }

    /** The length map q ↦ σ_w²·E[φ(√q·u)²] + σ_b². */
    public double lengthMap(double sigmaW2, double sigmaB2, double q) {
        return sigmaW2 * secondMoment(q) + sigmaB2;
    }

    /** The slope of the length map at q: σ_w²·E[φ(z)φ′(z)·z]/q, z ∼ N(0, q) (φ′(0)²·σ_w² at q = 0). */
    public double lengthMapSlope(double sigmaW2, double q) {
        if (closedForm()) {
            return sigmaW2 * (1 + rectifier * rectifier) / 2;
        }
        if (q <= 0) {
            double d = phi.derivative(0);
            return sigmaW2 * d * d;
        }
        double sq = Math.sqrt(q);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double x = sq * z[i];
            sum += w[i] * phi.value(x) * phi.derivative(x) * z[i];
        }
        return sigmaW2 * sum / sq;
    }

    /** χ₁ at q: σ_w²·E[φ′(z)²], z ∼ N(0, q). */
    public double chi1(double sigmaW2, double q) {
        if (closedForm()) {
            return sigmaW2 * (1 + rectifier * rectifier) / 2;
        }
        double sq = Math.sqrt(Math.max(q, 0.0));
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double d = phi.derivative(sq * z[i]);
            sum += w[i] * d * d;
        }
        return sigmaW2 * sum;
    }

    /**
     * The fixed point q* of the length map, found from q₀ = 1 by Newton steps on q-map(q) − q where the map's
     * slope is below 1 and plain iteration elsewhere.
     *
     * @return {q*, 1 if it converged else 0}; q* is +∞ when q passes {@link #DIVERGED}, 0 when it decays to 0
     */
    public double[] lengthFixedPoint(double sigmaW2, double sigmaB2) {
        return lengthFixedPoint(sigmaW2, sigmaB2, 1.0);
    }

    private double[] lengthFixedPoint(double sigmaW2, double sigmaB2, double start) {
        double q = start;
        for (int step = 0; step < MAX_STEPS; step++) {
            double m = lengthMap(sigmaW2, sigmaB2, q);
            if (!Double.isFinite(m) || m > DIVERGED) {
                return new double[] {Double.POSITIVE_INFINITY, 0};
            }
            if (Math.abs(m - q) <= 1e-14 * q) {
                return new double[] {m, 1};
            }
            double next = m;
            double slope = lengthMapSlope(sigmaW2, q);
            if (slope < 1 - 1e-12) {
                double newton = q - (m - q) / (slope - 1);
                if (Double.isFinite(newton) && newton >= 0) {
                    next = newton;
                }
            }
            if (next < ZERO && sigmaB2 == 0) {
                return new double[] {0.0, 1};
            }
            q = next;
        }
        return new double[] {q, 0};
    }

    // ---- the correlation map --------------------------------------------------------------------------------

    /**
     * {E[φ(u₁)φ(u₂)], E[φ′(u₁)φ′(u₂)]} for (u₁, u₂) jointly Gaussian with variances q and correlation c: the
     * arc-cosine closed forms for the rectifiers, else the 2-D Gauss–Hermite rule.
     */
    public double[] kernels(double q, double c) {
        if (closedForm()) {
            return new double[] {KernelMath.rectifierKernel(q, c, rectifier), KernelMath.rectifierDerivativeKernel(c, rectifier)};
        }
        double scale = Math.sqrt(Math.max(q, 0.0));
        double s = Math.sqrt(Math.max(0.0, 1 - c * c));
        double sumA = 0;
        double sumD = 0;
        for (int i = 0; i < z.length; i++) {
            double u1 = scale * z[i];
            double innerA = 0;
            double innerD = 0;
            for (int j = 0; j < z.length; j++) {
                double u2 = c * u1 + s * scale * z[j];
                innerA += w[j] * phi.value(u2);
                innerD += w[j] * phi.derivative(u2);
            }
            sumA += w[i] * phi.value(u1) * innerA;
            sumD += w[i] * phi.derivative(u1) * innerD;
        }
        return new double[] {sumA, sumD};
    }

    /**
     * The correlation map at variance q: c ↦ (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²)/q-map(q). At q = q* the denominator is
     * q* itself; beyond the fixed point it keeps the map's c = 1 at 1.
     */
    public double correlationMap(double sigmaW2, double sigmaB2, double q, double c) {
        return (sigmaW2 * kernels(q, c)[0] + sigmaB2) / lengthMap(sigmaW2, sigmaB2, q);
    }

    /**
     * One step of the correlation map at any variance q: c ↦ (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²)/(σ_w²·E[φ(u₁)²] + σ_b²),
     * (u₁, u₂) ∼ N(0, q·[[1, c], [c, 1]]), for c ∈ [−1, 1]; the layer-by-layer prediction of how the correlation
     * of two inputs changes. The closed forms for the rectifiers; otherwise the {@linkplain #hermiteSeries Hermite
     * series}, one 1-D pass (no 2-D rule), whose value at c = 1 is its own E[φ²], so c = 1 maps to 1 exactly.
     * NaN where the denominator is 0.
     */
    public double correlationStep(double sigmaW2, double sigmaB2, double q, double c) {
        if (closedForm()) {
            double numerator = sigmaW2 * KernelMath.rectifierKernel(q, c, rectifier) + sigmaB2;
            double denominator = sigmaW2 * KernelMath.rectifierKernel(q, 1.0, rectifier) + sigmaB2;
            return denominator > 0 ? numerator / denominator : Double.NaN;
        }
        double[] a2 = hermiteSeries(q)[0];
        double denominator = sigmaW2 * KernelMath.power(a2, 1.0)[0] + sigmaB2;
        return denominator > 0 ? (sigmaW2 * KernelMath.power(a2, c)[0] + sigmaB2) / denominator : Double.NaN;
    }

    /** σ_w²·E[φ′(u₁)φ′(u₂)] at variance q and correlation c; χ_c at (q*, c*). */
    public double chiC(double sigmaW2, double q, double c) {
        return sigmaW2 * kernels(q, c)[1];
    }

    /**
     * The Hermite (Mehler) form of the correlation kernels at variance q: with h_k the orthonormal probabilists'
     * Hermite polynomials, a_k = E[φ(√q·z)·h_k(z)] and b_k = E[φ′(√q·z)·h_k(z)] (z ∼ N(0, 1), by the 1-D rule),
     * Mehler's formula gives E[φ(u₁)φ(u₂)] = Σ a_k²·c^k and E[φ′(u₁)φ′(u₂)] = Σ b_k²·c^k. With as many terms as
     * that rule has nodes, the sum at c = 1 is that rule's E[φ²] (discrete Parseval), so c = 1 stays a fixed
     * point exactly. It agrees with the 2-D rule of {@link #kernels} (the tests check it) and costs one pass of
     * the 1-D rule instead of one 2-D pass per c: the phase grid uses it.
     *
     * @return {a_k², b_k²}
     */
    double[][] hermiteSeries(double q) {
        int n = z.length;
        double sq = Math.sqrt(Math.max(q, 0.0));
        double[] f = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = phi.value(sq * z[i]);
            g[i] = phi.derivative(sq * z[i]);
        }
        double[] a2 = new double[n];
        double[] b2 = new double[n];
        for (int k = 0; k < n; k++) {
            // two independent dot products with the k-th row of w_i·h_k(z_i), each split over two sums
            int row = k * n;
            double a0 = 0;
            double a1 = 0;
            double b0 = 0;
            double b1 = 0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                double h0 = hermite[row + i];
                double h1 = hermite[row + i + 1];
                a0 += h0 * f[i];
                a1 += h1 * f[i + 1];
                b0 += h0 * g[i];
                b1 += h1 * g[i + 1];
            }
            if (i < n) {
                a0 += hermite[row + i] * f[i];
                b0 += hermite[row + i] * g[i];
            }
            double a = a0 + a1;
            double b = b0 + b1;
            a2[k] = a * a;
            b2[k] = b * b;
        }
        return new double[][] {a2, b2};
    }

    /**
     * The stable fixed point c* of the correlation map at q. It is 1 when χ₁ ≤ 1 (the slope at c = 1 is χ₁) or
     * q = 0; otherwise the map, increasing and convex on [0, 1] with value ≥ 0 at 0 and slope χ₁ &gt; 1 at 1, has
     * one more fixed point in [0, 1), which Newton's method from c = 0 approaches from below. The quadrature
     * activations use the {@linkplain #hermiteSeries Hermite series} of the kernel.
     */
    public double correlationFixedPoint(double sigmaW2, double sigmaB2, double q) {
        return correlationFixedPoint(sigmaW2, sigmaB2, q, closedForm() ? null : hermiteSeries(q));
    }

    private double correlationFixedPoint(double sigmaW2, double sigmaB2, double q, double[][] series) {
        if (q <= 0 || chi1(sigmaW2, q) <= 1) {
            return 1.0;
        }
        double m = lengthMap(sigmaW2, sigmaB2, q);
        return KernelMath.fixedPoint(c -> {
            if (series == null) {
                double[] k = kernels(q, c);
                return new double[] {(sigmaW2 * k[0] + sigmaB2) / m - c, sigmaW2 * q * k[1] / m};
            }
            double[] v = KernelMath.power(series[0], c);
            return new double[] {(sigmaW2 * v[0] + sigmaB2) / m - c, sigmaW2 * v[1] / m};
        }, 0, 1e-15);
    }

    // ---- the whole picture ----------------------------------------------------------------------------------

    /** q*, χ₁, the phase, c*, χ_c and the depth scales at (σ_w², σ_b²). */
    public Point analyse(double sigmaW2, double sigmaB2) {
        check(sigmaW2, sigmaB2);
        double[] fixed = lengthFixedPoint(sigmaW2, sigmaB2, 1.0);
        double qStar = fixed[0];
        boolean diverged = qStar == Double.POSITIVE_INFINITY;
        double q = diverged ? DIVERGED : qStar;
        double chi1 = chi1(sigmaW2, q);
        double[][] series = closedForm() ? null : hermiteSeries(q);
        double cStar = correlationFixedPoint(sigmaW2, sigmaB2, q, series);
        double chiC = cStar == 1.0 ? chi1
                : series == null ? chiC(sigmaW2, q, cStar) : sigmaW2 * KernelMath.power(series[1], cStar)[0];
        double xiQ = diverged ? Double.POSITIVE_INFINITY : depthScale(lengthMapSlope(sigmaW2, qStar));
        double xiC = depthScale(chiC);
        return new Point(sigmaW2, sigmaB2, qStar, fixed[1] == 1, chi1, Phase.of(chi1), cStar, chiC, xiQ, xiC,
                6 * xiC);
    }

    /**
     * The σ_w² at which χ₁ = 1 for this σ_b², by bisection on χ₁(σ_w², q*(σ_w², σ_b²)) − 1, which grows with
     * σ_w². NaN when χ₁ does not cross 1 for σ_w² in (0, 10⁶].
     */
    public double criticalSigmaW2(double sigmaB2) {
        check(1, sigmaB2);
        double lo = 1e-6;
        double hi = 1;
        while (chi1At(hi, sigmaB2) < 1) {
            lo = hi;
            hi *= 2;
            if (hi > 1e6) {
                return Double.NaN;
            }
        }
        if (chi1At(lo, sigmaB2) >= 1) {
            return Double.NaN;
        }
        for (int step = 0; step < 200 && hi - lo > 1e-15 * hi; step++) {
            double mid = 0.5 * (lo + hi);
            if (chi1At(mid, sigmaB2) < 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The σ_w² range of the phase diagram, [0.5, 5]. */
    public static final double GRID_W2_LO = 0.5;
    /** The upper end of the σ_w² range of the phase diagram. */
    public static final double GRID_W2_HI = 5;
    /** The σ_b² range of the phase diagram, [0, 0.5]. */
    public static final double GRID_B2_LO = 0;
    /** The upper end of the σ_b² range of the phase diagram. */
    public static final double GRID_B2_HI = 0.5;

    /**
     * The phase diagram: {@link #analyse} at size × size evenly spaced points of σ_w² ∈ [0.5, 5] × σ_b² ∈
     * [0, 0.5], both ends included, σ_b² varying fastest, on the calling thread. See {@link #grid(int, Parallel)}.
     *
     * @param size the points along each axis, ≥ 2
     */
    public List<Point> grid(int size) {
        return grid(size, Parallel.sequential());
    }

    /**
     * The phase diagram, its rows (one σ_w² each) split over a parallel; the same numbers whatever the parallel.
     * For the quadrature activations it uses the faster rules of {@link PhaseGrid} (a trapezoid rule for the
     * length map, a {@value PhaseGrid#SERIES_NODES}-term Hermite series for the correlation map, warm starts along
     * each row), which agree with {@link #analyse} to about 10⁻⁴ in ln χ₁ and c* over the grid's range.
     *
     * @param size     the points along each axis, ≥ 2
     * @param parallel runs the rows
     */
    public List<Point> grid(int size, Parallel parallel) {
        return new PhaseGrid(this).compute(size, parallel);
    }

    private double chi1At(double sigmaW2, double sigmaB2) {
        double q = lengthFixedPoint(sigmaW2, sigmaB2)[0];
        return chi1(sigmaW2, q == Double.POSITIVE_INFINITY ? DIVERGED : q);
    }

    /**
     * −1/ln(slope): the depth over which a deviation shrinks by e; NaN for NaN, +∞ at a slope within 1e-9 of 1 (the
     * maps' accuracy: a ξ of 10¹² layers at the critical point is the iteration's residue, not a depth scale).
     */
    public static double depthScale(double slope) {
        return Double.isNaN(slope) ? Double.NaN : slope >= 1 - 1e-9 ? Double.POSITIVE_INFINITY : -1 / Math.log(slope);
    }

    private static void check(double sigmaW2, double sigmaB2) {
        if (!(sigmaW2 > 0) || !Double.isFinite(sigmaW2)) {
            throw new IllegalArgumentException("σ_w² must be a finite number > 0, got " + sigmaW2);
        }
        if (!(sigmaB2 >= 0) || !Double.isFinite(sigmaB2)) {
            throw new IllegalArgumentException("σ_b² must be a finite number ≥ 0, got " + sigmaB2);
        }
    }
}
