package app.initscope.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.linalg.Parallel;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm and LayerNorm against an independent double-precision reference: the forward pass against the
 * definition (biased variance, ε = 10⁻⁵), the backward pass against central finite differences of that reference,
 * and the properties the rest of InitScope relies on (the bits do not depend on the piece order, equal units stay
 * equal, Small's z with Var(z) = ε comes out with std √½).
 */
class NormalizationTest {

    private static final int ROWS = 37;
    private static final int WIDTH = 70;

    /** Runs the pieces last to first: a piece that depended on another's result or order would show. */
    private static final Parallel REVERSED = new Parallel() {
        @Override
        public int parallelism() {
            return 2;
        }

        @Override
        public void forEach(int pieces, IntConsumer body) {
            for (int i = pieces - 1; i >= 0; i--) {
                body.accept(i);
            }
        }
    };

    private static float[] gaussian(int n, double std, double mean, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            x[i] = (float) (mean + std * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
        return x;
    }

    private static double loss(Norm norm, double[] z, double[] gamma, double[] beta, float[] c) {
        double[] out = NormReference.normalize(norm, z, ROWS, WIDTH, gamma, beta);
        double l = 0;
        for (int i = 0; i < out.length; i++) {
            l += c[i] * out[i];
        }
        return l;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    @ParameterizedTest
    @EnumSource(value = Norm.class, names = {"BATCH", "LAYER"})
    void theForwardPassIsTheDefinition(Norm norm) {
        definition(norm, ROWS, WIDTH);
        definition(norm, 600, 130);                     // Chunks pieces that begin and end inside rows
    }

    private static void definition(Norm norm, int rows, int width) {
        float[] z = gaussian(rows * width, 3, 0.7, 1);
        Normalization n = new Normalization(norm, width);
        float[] gamma = gaussian(width, 0.5, 1, 2);
        float[] beta = gaussian(width, 0.5, 0, 3);
        System.arraycopy(gamma, 0, n.affine().gamma(), 0, width);
        System.arraycopy(beta, 0, n.affine().beta(), 0, width);
        float[] out = new float[z.length];
        n.forward(z, out, rows, false, REVERSED);
        double[] want = NormReference.normalize(norm, toDouble(z), rows, width, toDouble(gamma), toDouble(beta));
        for (int i = 0; i < out.length; i++) {
            assertEquals(want[i], out[i], 2e-5 * (1 + Math.abs(want[i])), "element " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Norm.class, names = {"BATCH", "LAYER"})
    void theBackwardPassMatchesFiniteDifferencesOfTheReference(Norm norm) {
        float[] z = gaussian(ROWS * WIDTH, 2, -0.3, 4);
        float[] gamma = gaussian(WIDTH, 0.4, 1, 5);
        float[] beta = gaussian(WIDTH, 0.4, 0, 6);
        float[] c = gaussian(ROWS * WIDTH, 1, 0, 7);       // L = Σ c·N(z), so ∂L/∂N(z) = c
        Normalization n = new Normalization(norm, WIDTH);
        System.arraycopy(gamma, 0, n.affine().gamma(), 0, WIDTH);
        System.arraycopy(beta, 0, n.affine().beta(), 0, WIDTH);
        n.forward(z, new float[z.length], ROWS, false, Parallel.sequential());
        float[] dz = new float[z.length];
        n.backward(z, c, dz, Parallel.sequential());

        double[] zd = toDouble(z);
        double[] gd = toDouble(gamma);
        double[] bd = toDouble(beta);
        double h = 1e-4;
        SplittableRandom pick = new SplittableRandom(8);
        for (int trial = 0; trial < 60; trial++) {
            int at = pick.nextInt(z.length);
            double keep = zd[at];
            zd[at] = keep + h;
            double up = loss(norm, zd, gd, bd, c);
            zd[at] = keep - h;
            double down = loss(norm, zd, gd, bd, c);
            zd[at] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, dz[at], 1e-3 * (1 + Math.abs(fd)), "∂L/∂z at " + at);
        }
        for (int j = 0; j < WIDTH; j += 7) {
            double keep = gd[j];
            gd[j] = keep + h;
            double up = loss(norm, zd, gd, bd, c);
            gd[j] = keep - h;
            double down = loss(norm, zd, gd, bd, c);
            gd[j] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, n.gradients().gamma()[j], 1e-3 * (1 + Math.abs(fd)), "∂L/∂γ at " + j);
            bd[j] += h;
            up = loss(norm, zd, gd, bd, c);
            bd[j] -= 2 * h;
            down = loss(norm, zd, gd, bd, c);
            bd[j] += h;
            fd = (up - down) / (2 * h);
            assertEquals(fd, n.gradients().beta()[j], 1e-3 * (1 + Math.abs(fd)), "∂L/∂β at " + j);
        }
        // the gradient sums to 0 over every normalized group: N(z) does not change when z shifts along it
        if (norm == Norm.BATCH) {
            for (int j = 0; j < WIDTH; j++) {
                double sum = 0;
                for (int i = 0; i < ROWS; i++) {
                    sum += dz[i * WIDTH + j];
                }
                assertEquals(0, sum, 1e-4, "Σ_i ∂L/∂z_ij of unit " + j);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Norm.class, names = {"BATCH", "LAYER"})
    void theBitsDoNotDependOnThePieceOrderAndTheBackwardMayOverwriteItsInput(Norm norm) {
        pieceOrder(norm, ROWS, WIDTH);
        // several pieces of units, of rows and of Chunks, each kind with a partial one, and Chunks that split rows
        pieceOrder(norm, 600, 130);
    }

    private static void pieceOrder(Norm norm, int rows, int width) {
        float[] z = gaussian(rows * width, 1.5, 0.2, 9);
        float[] c = gaussian(rows * width, 1, 0, 10);
        Normalization a = new Normalization(norm, width);
        Normalization b = new Normalization(norm, width);
        float[] outA = new float[z.length];
        float[] outB = new float[z.length];
        a.forward(z, outA, rows, true, Parallel.sequential());
        b.forward(z, outB, rows, true, REVERSED);
        assertArrayEquals(outA, outB);
        assertArrayEquals(a.running().variance(), b.running().variance());
        float[] dzA = new float[z.length];
        a.backward(z, c, dzA, Parallel.sequential());
        float[] inPlace = c.clone();
        b.backward(z, inPlace, inPlace, REVERSED);
        assertArrayEquals(dzA, inPlace);
        assertArrayEquals(a.gradients().gamma(), b.gradients().gamma());
        assertArrayEquals(a.gradients().beta(), b.gradients().beta());
    }

    @ParameterizedTest
    @EnumSource(value = Norm.class, names = {"BATCH", "LAYER"})
    void equalUnitsStayEqualForwardAndBackward(Norm norm) {
        // every unit's column is the same: Zero's z (all 0) and any symmetric network's
        float[] column = gaussian(ROWS, 1, 0, 11);
        float[] z = new float[ROWS * WIDTH];
        float[] d = new float[ROWS * WIDTH];
        float[] dColumn = gaussian(ROWS, 1, 0, 12);
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < WIDTH; j++) {
                z[i * WIDTH + j] = column[i];
                d[i * WIDTH + j] = dColumn[i];
            }
        }
        for (float[] input : new float[][] {z, new float[ROWS * WIDTH]}) {
            Normalization n = new Normalization(norm, WIDTH);
            float[] out = new float[input.length];
            n.forward(input, out, ROWS, true, REVERSED);
            float[] dz = new float[input.length];
            n.backward(input, d, dz, REVERSED);
            for (int i = 0; i < ROWS; i++) {
                for (int j = 1; j < WIDTH; j++) {
                    assertEquals(Float.floatToIntBits(out[i * WIDTH]), Float.floatToIntBits(out[i * WIDTH + j]));
                    assertEquals(Float.floatToIntBits(dz[i * WIDTH]), Float.floatToIntBits(dz[i * WIDTH + j]));
                }
            }
        }
    }

    @Test
    void batchNormOfSmallsPreActivationsHasStdRootHalfBecauseItsVarianceIsEpsilon() {
        // Small: w ~ N(0, 10⁻⁸) and fan_in 1000 give Var(z) = 1000·10⁻⁸·E[x²] = 10⁻⁵ = ε
        int rows = 2000;
        int width = 8;
        float[] z = gaussian(rows * width, Math.sqrt(1e-5), 0, 13);
        Normalization n = new Normalization(Norm.BATCH, width);
        float[] out = new float[z.length];
        n.forward(z, out, rows, false, Parallel.sequential());
        for (int j = 0; j < width; j++) {
            double sq = 0;
            for (int i = 0; i < rows; i++) {
                sq += (double) out[i * width + j] * out[i * width + j];
            }
            double std = Math.sqrt(sq / rows);
            assertEquals(Math.sqrt(0.5), std, 0.03, "unit " + j);
        }
        assertEquals(0.5, Norm.BATCH.normalizedVariance(1e-5), 1e-12);
        assertEquals(1e-5, Norm.NONE.normalizedVariance(1e-5), 0);
    }

    @Test
    void batchNormsRunningAveragesFollowPyTorch() {
        float[] z = gaussian(ROWS * WIDTH, 2, 1, 14);
        Normalization n = new Normalization(Norm.BATCH, WIDTH);
        n.forward(z, new float[z.length], ROWS, true, Parallel.sequential());
        for (int j = 0; j < WIDTH; j++) {
            double mu = 0;
            for (int i = 0; i < ROWS; i++) {
                mu += z[i * WIDTH + j];
            }
            mu /= ROWS;
            double sq = 0;
            for (int i = 0; i < ROWS; i++) {
                sq += (z[i * WIDTH + j] - mu) * (z[i * WIDTH + j] - mu);
            }
            assertEquals(0.1 * mu, n.running().mean()[j], 1e-5);
            assertEquals(0.9 + 0.1 * sq / (ROWS - 1), n.running().variance()[j], 1e-5);
        }
        // evaluation uses them: with running mean μ_r and variance v_r, N(z) = γ(z − μ_r)/√(v_r + ε) + β
        float[] out = new float[z.length];
        n.forwardEvaluation(z, out, ROWS, Parallel.sequential());
        int at = 5 * WIDTH + 3;
        assertEquals((z[at] - n.running().mean()[3]) / Math.sqrt(n.running().variance()[3] + Norm.EPSILON), out[at], 1e-5);
    }

    @Test
    void layerNormEvaluatesAsItTrains() {
        float[] z = gaussian(ROWS * WIDTH, 2, 1, 15);
        Normalization n = new Normalization(Norm.LAYER, WIDTH);
        float[] train = new float[z.length];
        float[] eval = new float[z.length];
        n.forward(z, train, ROWS, true, Parallel.sequential());
        n.forwardEvaluation(z, eval, ROWS, REVERSED);
        assertArrayEquals(train, eval);
    }

    @Test
    void noneHasNothingToCompute() {
        assertThrows(IllegalArgumentException.class, () -> new Normalization(Norm.NONE, 4));
        assertTrue(Norm.validIds().contains("batch"));
        assertEquals(Norm.LAYER, Norm.fromId(" Layer "));
    }
}
