package app.initscope.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.nn.Activation;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeanFieldTest {

    private static final MeanField TANH = new MeanField(Activation.TANH, 0);

    /**
     * Against a fine trapezoid sum (u ∈ [−12, 12], 240 001 points), over the whole range the command line takes.
     * Beyond it the fixed quadrature loses accuracy as q* grows (at σ_w² = 30, χ₁ was 2.87 against 3.15; at 10 with
     * σ_b² = 2, 0.25% off), so the command line takes σ_w² ≤ 10 and σ_b² ≤ 0.5, the phase diagram's range.
     */
    @ParameterizedTest
    @CsvSource({"2.5, 0.05", "5, 0", "10, 0", "10, 0.5", "0.5, 0.5"})
    void tanhChi1MatchesAFineSumOverTheWholeAcceptedRange(double sigmaW2, double sigmaB2) {
        int n = 240_001;
        double du = 24.0 / (n - 1);
        double q = 1;
        for (int it = 0; it < 300; it++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double u = -12 + i * du;
                double t = Math.tanh(Math.sqrt(q) * u);
                s += t * t * Math.exp(-u * u / 2);
            }
            q = sigmaW2 * s * du / Math.sqrt(2 * Math.PI) + sigmaB2;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            double u = -12 + i * du;
            double c = 1 / Math.cosh(Math.sqrt(q) * u);
            s += c * c * c * c * Math.exp(-u * u / 2);
        }
        double chi1 = sigmaW2 * s * du / Math.sqrt(2 * Math.PI);
        MeanField.Point p = TANH.analyse(sigmaW2, sigmaB2);
        assertEquals(q, p.qStar(), 2e-3 * q, "q*");
        assertEquals(chi1, p.chi1(), 2e-3 * chi1, "χ₁");
    }

    // ---- critical lines from theory -------------------------------------------------------------------------

    @Test
    void tanhWithoutBiasesIsCriticalAtSigmaW2One() {
        assertEquals(1.0, TANH.criticalSigmaW2(0), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.05, 0.5})
    void reluIsCriticalAtSigmaW2TwoForAnyBias(double sigmaB2) {
        assertEquals(2.0, new MeanField(Activation.RELU, 0).criticalSigmaW2(sigmaB2), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.2, 0.5})
    void leakyReluIsCriticalAtHeLeakyGain(double alpha) {
        assertEquals(2 / (1 + alpha * alpha), new MeanField(Activation.LEAKY_RELU, alpha).criticalSigmaW2(0.1),
                1e-9);
    }

    @Test
    void tanhCriticalSigmaW2RisesAboveOneWithTheBias() {
        double previous = TANH.criticalSigmaW2(0);
        for (double sigmaB2 : new double[] {0.01, 0.05, 0.1, 0.3}) {
            double critical = TANH.criticalSigmaW2(sigmaB2);
            assertTrue(critical > 1 && critical > previous, sigmaB2 + ": " + critical + " after " + previous);
            previous = critical;
        }
    }

    @Test
    void chi1IsOneOnTheCriticalLineAndThePhaseFlipsAcrossIt() {
        double critical = TANH.criticalSigmaW2(0.05);
        assertEquals(1.0, TANH.analyse(critical, 0.05).chi1(), 1e-9);
        assertEquals(MeanField.Phase.CRITICAL, TANH.analyse(critical, 0.05).phase());
        assertEquals(MeanField.Phase.ORDERED, TANH.analyse(critical * 0.9, 0.05).phase());
        assertEquals(MeanField.Phase.CHAOTIC, TANH.analyse(critical * 1.1, 0.05).phase());
    }

    @Test
    void theCriticalBandIsOneThousandthWide() {
        assertEquals(MeanField.Phase.CRITICAL, MeanField.Phase.of(1.0009));
        assertEquals(MeanField.Phase.CRITICAL, MeanField.Phase.of(0.9991));
        assertEquals(MeanField.Phase.CHAOTIC, MeanField.Phase.of(1.0011));
        assertEquals(MeanField.Phase.ORDERED, MeanField.Phase.of(0.9989));
    }

    // ---- the 2-D quadrature against closed forms ------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.3, 0, 0.4, 0.8, 0.99})
    void twoDimensionalRuleMatchesASmoothClosedForm(double c) {
        // E[cos u₁ cos u₂] = ½(E[cos(u₁ − u₂)] + E[cos(u₁ + u₂)]) = ½(e^{−q(1−c)} + e^{−q(1+c)})
        double q = 1.7;
        double exact = 0.5 * (Math.exp(-q * (1 - c)) + Math.exp(-q * (1 + c)));
        assertEquals(exact, GaussHermite.withNodes(48).expectation2((a, b) -> Math.cos(a) * Math.cos(b), q, c),
                1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.95, -0.5, 0, 0.3, 0.7, 0.95})
    void twoDimensionalRuleApproachesTheReluArcCosineKernel(double c) {
        // the kinks of ReLU on the lines u₁ = 0 and u₂ = 0 slow Gauss–Hermite to an algebraic rate, so the rule
        // is checked to what it reaches, and to shrink as the nodes grow
        double q = 1.3;
        double exact = KernelMath.rectifierKernel(q, c, 0);
        double coarse = Math.abs(GaussHermite.withNodes(24).expectation2(MeanFieldTest::reluProduct, q, c) - exact);
        double fine = Math.abs(GaussHermite.withNodes(96).expectation2(MeanFieldTest::reluProduct, q, c) - exact);
        assertTrue(fine < 2e-3 * q, "96 nodes: " + fine);
        assertTrue(fine < coarse || fine < 1e-12, "24 nodes " + coarse + ", 96 nodes " + fine);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.6, 0.2, 0.9})
    void leakyReluKernelsMatchTheirDefiningExpectations(double c) {
        // at c = 1 and c = 0 the kernels reduce to known 1-D moments (E[φ²], E[φ]², E[φ′²], E[φ′]²); in between
        // they are checked against the 2-D rule, to what its kinks allow
        double alpha = 0.2;
        double q = 2.0;
        assertEquals((1 + alpha * alpha) * q / 2, KernelMath.rectifierKernel(q, 1, alpha), 1e-12);
        double mean = (1 - alpha) * Math.sqrt(q / (2 * Math.PI));
        assertEquals(mean * mean, KernelMath.rectifierKernel(q, 0, alpha), 1e-12);
        assertEquals((1 + alpha * alpha) / 2, KernelMath.rectifierDerivativeKernel(1, alpha), 1e-12);
        assertEquals((1 + alpha) / 2 * (1 + alpha) / 2, KernelMath.rectifierDerivativeKernel(0, alpha), 1e-12);
        double quadrature = GaussHermite.withNodes(96).expectation2(
                (a, b) -> (a > 0 ? a : alpha * a) * (b > 0 ? b : alpha * b), q, c);
        assertEquals(KernelMath.rectifierKernel(q, c, alpha), quadrature, 2e-3 * q);
    }

    @ParameterizedTest
    @CsvSource({"tanh, 0.4, -0.7, 1e-10", "tanh, 0.4, 0.5, 1e-10", "tanh, 2, 0.3, 1e-9", "tanh, 4, 0.95, 1e-6",
            "sigmoid, 1.5, 0.6, 1e-10", "gelu, 2, 0.8, 1e-9"})
    void hermiteSeriesAgreesWithTheTwoDimensionalRule(String activation, double q, double c, double tolerance) {
        MeanField m = new MeanField(Activation.fromId(activation), 0);
        double[][] series = m.hermiteSeries(q);
        double[] k = m.kernels(q, c);
        assertEquals(k[0], powerSum(series[0], c), tolerance);
        assertEquals(k[1], powerSum(series[1], c), tolerance);
    }

    private static double powerSum(double[] coefficients, double c) {
        double sum = 0;
        for (int i = 0; i < coefficients.length; i++) {
            sum += coefficients[i] * Math.pow(c, i);
        }
        return sum;
    }

    private static double reluProduct(double a, double b) {
        return (a > 0 ? a : 0) * (b > 0 ? b : 0);
    }

    // ---- fixed points and their stability -------------------------------------------------------------------

    @Test
    void correlationOneIsStableInTheOrderedPhase() {
        double sigmaW2 = 0.8;
        double sigmaB2 = 0.05;
        double q = TANH.analyse(sigmaW2, sigmaB2).qStar();
        double c = 0.5;
        for (int l = 0; l < 300; l++) {
            c = TANH.correlationMap(sigmaW2, sigmaB2, q, c);
        }
        assertEquals(1.0, c, 1e-9);
        assertEquals(1.0, TANH.analyse(sigmaW2, sigmaB2).cStar());
    }

    @Test
    void correlationOneIsUnstableInTheChaoticPhase() {
        double sigmaW2 = 2.5;
        double sigmaB2 = 0.05;
        MeanField.Point p = TANH.analyse(sigmaW2, sigmaB2);
        double c = 1 - 1e-6;
        for (int l = 0; l < 3000; l++) {
            double next = TANH.correlationMap(sigmaW2, sigmaB2, p.qStar(), c);
            if (Math.abs(next - c) < 1e-14) {
                break;
            }
            c = next;
        }
        assertTrue(c < 0.99, "moved away from 1 to " + c);
        assertEquals(p.cStar(), c, 1e-9);
        assertTrue(p.chiC() < 1, "the fixed point below 1 is stable: χ_c = " + p.chiC());
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0.05, 1e-7", "2.5, 0.05, 1e-7", "4, 0.3, 1e-6"})
    void tanhFixedPointsMatchAnIndependentTrapezoidEvaluation(double sigmaW2, double sigmaB2, double tolerance) {
        // the tolerance is looser at q* ≈ 2.5, where tanh's poles near the real axis slow Gauss–Hermite down
        MeanField.Point p = TANH.analyse(sigmaW2, sigmaB2);

        // independent: trapezoid on [−10, 10] (spectrally accurate for these analytic integrands), Math.tanh
        // instead of StrictMath, plain iteration and bisection instead of Newton
        double q = 1;
        for (int l = 0; l < 2000; l++) {
            double qq = q;
            q = sigmaW2 * gauss(u -> Math.pow(Math.tanh(Math.sqrt(qq) * u), 2)) + sigmaB2;
        }
        double qStar = q;
        double chi1 = sigmaW2 * gauss(u -> Math.pow(1 / Math.cosh(Math.sqrt(qStar) * u), 4));
        double lo = 0;
        double hi = 1 - 1e-9;
        for (int k = 0; k < 40; k++) {
            double mid = 0.5 * (lo + hi);
            if (trapezoidCorrelationMap(sigmaW2, sigmaB2, qStar, mid) > mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double cStar = 0.5 * (lo + hi);

        assertEquals(qStar, p.qStar(), tolerance);
        assertEquals(chi1, p.chi1(), tolerance);
        assertEquals(cStar, p.cStar(), tolerance);
        assertTrue(p.qConverged());
    }

    @Test
    void reluDepthScaleIsInfiniteAtCriticality() {
        MeanField.Point p = new MeanField(Activation.RELU, 0).analyse(2, 0);
        assertEquals(1.0, p.chi1());
        assertEquals(Double.POSITIVE_INFINITY, p.xiC());
        assertEquals(Double.POSITIVE_INFINITY, p.trainableDepth());
    }

    @Test
    void reluInTheChaoticPhaseHasNoLengthFixedPoint() {
        // q grows without bound, the bias fades against it, and the normalised c-map of the positively
        // homogeneous ReLU keeps c = 1 as its only fixed point, with slope → 1: the gradients explode (χ₁ > 1)
        // while the correlations still creep to 1
        MeanField.Point p = new MeanField(Activation.RELU, 0).analyse(3, 0.1);
        assertEquals(Double.POSITIVE_INFINITY, p.qStar());
        assertEquals(false, p.qConverged());
        assertEquals(1.5, p.chi1(), 1e-12);
        assertEquals(MeanField.Phase.CHAOTIC, p.phase());
        assertEquals(1.0, p.cStar(), 1e-6);
    }

    @Test
    void reluOrderedFixedPointIsTheGeometricSeries() {
        // q* = σ_b²/(1 − σ_w²/2) and ξ_q = −1/ln(σ_w²/2)
        MeanField.Point p = new MeanField(Activation.RELU, 0).analyse(1.5, 0.2);
        assertEquals(0.2 / (1 - 0.75), p.qStar(), 1e-12);
        assertEquals(-1 / Math.log(0.75), p.xiQ(), 1e-9);
        assertEquals(1.0, p.cStar());
    }

    @Test
    void lengthMapSlopeMatchesAFiniteDifference() {
        double q = 0.8;
        double h = 1e-5;
        double fd = (TANH.lengthMap(1.5, 0.1, q + h) - TANH.lengthMap(1.5, 0.1, q - h)) / (2 * h);
        assertEquals(fd, TANH.lengthMapSlope(1.5, q), 1e-8);
    }

    /** E[f(u)], u ∼ N(0, 1), by the trapezoid rule with step 0.01 on [−10, 10]. */
    private static double gauss(DoubleUnaryOperator f) {
        double h = 0.01;
        double sum = 0;
        for (int i = -1000; i <= 1000; i++) {
            double u = i * h;
            sum += f.applyAsDouble(u) * Math.exp(-0.5 * u * u);
        }
        return sum * h / Math.sqrt(2 * Math.PI);
    }

    private static double trapezoidCorrelationMap(double sigmaW2, double sigmaB2, double q, double c) {
        double s = Math.sqrt(1 - c * c);
        double sq = Math.sqrt(q);
        double h = 0.04;
        int n = 250;
        double sum = 0;
        for (int i = -n; i <= n; i++) {
            double z1 = i * h;
            double a = Math.tanh(sq * z1);
            double inner = 0;
            for (int j = -n; j <= n; j++) {
                double z2 = j * h;
                inner += Math.tanh(sq * (c * z1 + s * z2)) * Math.exp(-0.5 * z2 * z2);
            }
            sum += a * inner * Math.exp(-0.5 * z1 * z1);
        }
        double e = sum * h * h / (2 * Math.PI);
        return (sigmaW2 * e + sigmaB2) / q;
    }
}
