package app.initscope.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    private static final double[] POINTS = {-3.1, -1.2, -0.3, 0.2, 0.7, 1.9, 4.2};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesFiniteDifferencesOfTheValue(Activation activation) {
        Phi phi = activation.function(0.1);
        double h = 1e-6;
        for (double z : POINTS) {
            double fd = (phi.value(z + h) - phi.value(z - h)) / (2 * h);
            assertEquals(fd, phi.derivative(z), 1e-6, activation + " at " + z);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void arrayPathAgreesWithTheScalarFunctions(Activation activation) {
        Phi phi = activation.function(0.1);
        float[] z = new float[POINTS.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) POINTS[i];
        }
        float[] a = new float[z.length];
        float[] d = new float[z.length];
        phi.apply(z, a, d, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(phi.value(z[i]), a[i], 1e-6 * (1 + Math.abs(a[i])), activation + " value at " + z[i]);
            assertEquals(phi.derivative(z[i]), d[i], 1e-6 * (1 + Math.abs(d[i])), activation + " φ′ at " + z[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void arrayPathAgreesOnLongArraysAndEqualInputsGiveEqualOutputs(Activation activation) {
        Phi phi = activation.function(0.1);
        int n = 1037;                              // full vectors and a tail
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = i % 2 == 0 ? -6f + 12f * i / n : 0.37f;
        }
        float[] a = new float[n];
        float[] d = new float[n];
        phi.apply(z, a, d, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(phi.value(z[i]), a[i], 2e-6 * (1 + Math.abs(a[i])), activation + " value at " + z[i]);
            assertEquals(phi.derivative(z[i]), d[i], 2e-6 * (1 + Math.abs(d[i])), activation + " φ′ at " + z[i]);
            if (i % 2 == 1) {
                assertEquals(Float.floatToIntBits(a[1]), Float.floatToIntBits(a[i]), activation + " at " + i);
                assertEquals(Float.floatToIntBits(d[1]), Float.floatToIntBits(d[i]), activation + " at " + i);
            }
        }
    }

    @Test
    void saturatedDerivativesStayPositiveInsteadOfCancellingToZero() {
        float[] z = {20f, -20f, 30f};
        float[] a = new float[3];
        float[] d = new float[3];
        Activation.TANH.function(0).apply(z, a, d, 0, 3);
        assertEquals(4 * Math.exp(-40), d[0], 1e-3 * 4 * Math.exp(-40));
        Activation.SIGMOID.function(0).apply(z, a, d, 0, 3);
        assertEquals(Math.exp(-30), d[2], 1e-3 * Math.exp(-30));
        assertEquals(1f, a[0]);
    }

    @Test
    void tanhDerivativeReachesIntoTheSubnormalFloatsLikeTheScalarPath() {
        float[] z = {45f, -48f, 51f, 60f};
        float[] a = new float[4];
        float[] d = new float[4];
        Phi tanh = Activation.TANH.function(0);
        tanh.apply(z, a, d, 0, 4);
        for (int i = 0; i < 3; i++) {
            double expected = (float) tanh.derivative(z[i]);     // 4e^{−2|z|}, rounded to float: subnormal
            assertTrue(expected > 0 && expected < Float.MIN_NORMAL, "subnormal at " + z[i]);
            assertEquals(expected, d[i], 2 * Float.MIN_VALUE + 1e-3 * expected, "φ′ at " + z[i]);
        }
        assertEquals(0f, d[3], "e^−120 is below the smallest float");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void extremeInputsMatchTheScalarFunctionsAndNaNStaysNaN(Activation activation) {
        Phi phi = activation.function(0.1);
        float[] z = {0f, -0f, 50f, -50f, 100f, -100f, 1e12f, -1e12f, 1e20f, -1e20f, Float.NaN};
        float[] a = new float[z.length];
        float[] d = new float[z.length];
        phi.apply(z, a, d, 0, z.length);
        for (int i = 0; i < z.length - 1; i++) {
            double va = phi.value(z[i]);
            double vd = phi.derivative(z[i]);
            assertTrue(Float.isFinite(d[i]), activation + " φ′ at " + z[i] + " = " + d[i]);
            assertEquals(vd, d[i], 1e-6 * Math.max(1, Math.abs(vd)), activation + " φ′ at " + z[i]);
            if (Double.isFinite(va)) {
                assertEquals(va, a[i], 1e-6 * Math.max(1, Math.abs(va)), activation + " value at " + z[i]);
            }
        }
        int last = z.length - 1;
        assertTrue(Float.isNaN(a[last]), activation + " value of NaN = " + a[last]);
        assertTrue(Float.isNaN(d[last]) || activation == Activation.LINEAR, activation + " φ′ of NaN = " + d[last]);
    }

    @Test
    void geluKeepsItsTinyNegativeTail() {
        Phi gelu = Activation.GELU.function(0);
        float[] z = {-5f, -6f};
        float[] a = new float[2];
        float[] d = new float[2];
        gelu.apply(z, a, d, 0, 2);
        // ½z(1 + tanh u) at z = −5 is −2.29e−7 (double precision); 1 + tanh u would cancel to 0 in float
        assertEquals(gelu.value(-5), a[0], 1e-3 * Math.abs(gelu.value(-5)));
        assertTrue(a[1] < 0, "GELU(−6) = " + a[1]);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void idsRoundTrip(Activation activation) {
        assertEquals(activation, Activation.fromId(activation.id().toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void gainsFollowPytorchCalculateGain() {
        // torch.nn.init.calculate_gain: linear 1, sigmoid 1, tanh 5/3, relu √2, leaky_relu √(2/(1+α²)), selu 3/4
        assertEquals(1.0, Activation.LINEAR.gain(0.01));
        assertEquals(1.0, Activation.SIGMOID.gain(0.01));
        assertEquals(5.0 / 3.0, Activation.TANH.gain(0.01), 1e-15);
        assertEquals(1.4142135623730951, Activation.RELU.gain(0.01), 1e-15);
        assertEquals(Math.sqrt(2.0 / (1.0 + 0.2 * 0.2)), Activation.LEAKY_RELU.gain(0.2), 1e-15);
        assertEquals(1.3867504905630728, Activation.LEAKY_RELU.gain(0.2), 1e-15);
        assertEquals(0.75, Activation.SELU.gain(0.01), 1e-15);
    }

    @Test
    void geluTakesTheReluGainWherePytorchHasNone() {
        assertEquals(Activation.RELU.gain(0), Activation.GELU.gain(0));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gainSquaredIsTheSquareOfTheGain(Activation activation) {
        double g = activation.gain(0.3);
        assertEquals(g * g, activation.gainSquared(0.3), 1e-15, activation.id());
    }

    /** E[φ(z)²] for z ∼ N(0, q), by the trapezoid rule over ±12 standard deviations (independent of Theory). */
    private static double secondMoment(Phi phi, double q) {
        double s = Math.sqrt(q);
        int steps = 200_000;
        double h = 24.0 / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double u = -12 + i * h;
            double a = phi.value(s * u);
            double w = (i == 0 || i == steps) ? 0.5 : 1.0;
            sum += w * a * a * Math.exp(-u * u / 2);
        }
        return sum * h / Math.sqrt(2 * Math.PI);
    }

    @Test
    void rectifierGainsPreserveTheSecondMomentExactly() {
        for (double q : new double[] {0.5, 1.0, 7.0}) {
            assertEquals(q, Activation.RELU.gainSquared(0) * secondMoment(Activation.RELU.function(0), q),
                    1e-6 * q, "relu at q=" + q);
            assertEquals(q, Activation.LEAKY_RELU.gainSquared(0.2)
                    * secondMoment(Activation.LEAKY_RELU.function(0.2), q), 1e-6 * q, "leaky at q=" + q);
        }
    }

    @Test
    void geluApproachesTheReluGainAtLargeVariance() {
        double q = 1e4;
        assertEquals(q, Activation.GELU.gainSquared(0) * secondMoment(Activation.GELU.function(0), q), 0.02 * q);
    }
}
