package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Initializer;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.NormReference;
import app.initscope.core.nn.Phi;
import app.initscope.core.nn.Residual;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every gradient of the trainable MLP (each W_l, each b_l, the readout's, and each normalization's γ and β)
 * against central finite differences of the whole loss, computed by an independent double-precision forward pass
 * written here: plain, with BatchNorm or LayerNorm before φ (the batch's statistics, as a training step uses), and
 * with residual connections.
 */
class GradientCheckTest {

    private static final int ROWS = 7;
    private static final int INPUTS = 4;
    private static final int WIDTH = 5;
    private static final int DEPTH = 3;
    private static final int OUTPUTS = 3;

    @ParameterizedTest
    @CsvSource({"TANH, false, false", "TANH, true, false", "TANH, false, true", "TANH, true, true",
            "RELU, false, false", "RELU, true, false", "RELU, false, true", "RELU, true, true"})
    void everyGradientMatchesFiniteDifferencesOfTheLoss(Activation activation, boolean bias, boolean crossEntropy) {
        check(activation, bias, crossEntropy, Norm.NONE, Residual.OFF);
    }

    @ParameterizedTest
    @CsvSource({"TANH, true, true, BATCH, off", "TANH, false, false, LAYER, off", "RELU, true, true, LAYER, off",
            "SIGMOID, true, false, BATCH, off", "TANH, true, false, NONE, 0.5", "RELU, false, true, NONE, 1",
            "TANH, true, true, BATCH, 0.5", "GELU, true, false, LAYER, sqrt-depth"})
    void everyGradientMatchesThroughNormalizationsAndSkips(Activation activation, boolean bias, boolean crossEntropy,
                                                           Norm norm, String residual) {
        check(activation, bias, crossEntropy, norm, Residual.parse(residual));
    }

    private static void check(Activation activation, boolean bias, boolean crossEntropy, Norm norm,
                              Residual residual) {
        Phi phi = activation.function(0.01);
        Mlp mlp = new Mlp(INPUTS, WIDTH, DEPTH, OUTPUTS, bias, phi, Kernels.best(Parallel.sequential()),
                Parallel.sequential(), norm, residual);
        mlp.initialize(new Initializer.Normal((in, out) -> Math.sqrt(1.5 / in)), new RandomStreams(3));
        SplittableRandom rng = new SplittableRandom(11);
        if (bias) {
            for (int l = 1; l <= DEPTH + 1; l++) {
                float[] b = mlp.biases(l);
                for (int j = 0; j < b.length; j++) {
                    b[j] = (float) (0.5 * rng.nextGaussian());      // nonzero, so the bias add is exercised
                }
            }
        }
        double[][] gamma = new double[DEPTH + 1][];
        double[][] beta = new double[DEPTH + 1][];
        for (int l = 1; l <= DEPTH && norm != Norm.NONE; l++) {
            float[] g = mlp.normalization(l).affine().gamma();
            float[] be = mlp.normalization(l).affine().beta();
            for (int j = 0; j < WIDTH; j++) {
                g[j] = (float) (1 + 0.3 * rng.nextGaussian());        // not 1 and 0, so both are exercised
                be[j] = (float) (0.3 * rng.nextGaussian());
            }
            gamma[l] = toDouble(g);
            beta[l] = toDouble(be);
        }
        float[] x = new float[ROWS * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] targets = null;
        int[] labels = null;
        if (crossEntropy) {
            labels = new int[ROWS];
            for (int r = 0; r < ROWS; r++) {
                labels[r] = rng.nextInt(OUTPUTS);
            }
        } else {
            targets = new float[ROWS * OUTPUTS];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = (float) rng.nextGaussian();
            }
        }
        double engineLoss = mlp.lossAndGradients(x, targets, labels, ROWS).loss();
        double[][] w = new double[DEPTH + 2][];
        double[][] b = new double[DEPTH + 2][];
        for (int l = 1; l <= DEPTH + 1; l++) {
            w[l] = toDouble(mlp.weights(l));
            b[l] = bias ? toDouble(mlp.biases(l)) : null;
        }
        Reference ref = new Reference(phi, x, targets, labels, w, b, norm, residual.on() ? residual.alpha(DEPTH)
                : Double.NaN, gamma, beta);
        assertEquals(ref.loss(), engineLoss, 1e-5 * Math.abs(ref.loss()), "the loss itself");
        String what = norm + " " + residual + ": ";
        for (int l = 1; l <= DEPTH + 1; l++) {
            compare(what + "dW_" + l, ref, w[l], mlp.weightGradient(l));
            if (bias && norm == Norm.BATCH && l <= DEPTH) {
                // BatchNorm takes each unit's mean out: a bias before it changes nothing, its gradient is 0
                for (float g : mlp.biasGradient(l)) {
                    assertEquals(0, g, 1e-6, what + "db_" + l + " before BatchNorm");
                }
            } else if (bias) {
                compare(what + "db_" + l, ref, b[l], mlp.biasGradient(l));
            }
            if (norm != Norm.NONE && l <= DEPTH) {
                compare(what + "dγ_" + l, ref, gamma[l], mlp.normalization(l).gradients().gamma());
                compare(what + "dβ_" + l, ref, beta[l], mlp.normalization(l).gradients().beta());
            }
        }
    }

    private static void compare(String name, Reference ref, double[] param, float[] grad) {
        double h = 1e-6;
        double[] fd = new double[param.length];
        double scale = 0;
        for (int i = 0; i < param.length; i++) {
            double keep = param[i];
            param[i] = keep + h;
            double up = ref.loss();
            param[i] = keep - h;
            double down = ref.loss();
            param[i] = keep;
            fd[i] = (up - down) / (2 * h);
            scale = Math.max(scale, Math.abs(fd[i]));
        }
        assertTrue(scale > 1e-4, name + ": the check needs a gradient that is not ~0, got " + scale);
        for (int i = 0; i < param.length; i++) {
            assertEquals(fd[i], grad[i], 1e-4 * scale + 1e-7, name + "[" + i + "]");
        }
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** The loss in double, straight from the formulas: loops only, no kernel. */
    private record Reference(Phi phi, float[] x, float[] targets, int[] labels, double[][] w, double[][] b,
                             Norm norm, double alpha, double[][] gamma, double[][] beta) {

        double loss() {
            double[] in = toDouble(x);
            double[] zBefore = null;
            int inCols = INPUTS;
            for (int l = 1; l <= DEPTH + 1; l++) {
                int cols = l <= DEPTH ? WIDTH : OUTPUTS;
                double[] z = new double[ROWS * cols];
                for (int r = 0; r < ROWS; r++) {
                    for (int j = 0; j < cols; j++) {
                        double branch = b[l] == null ? 0 : b[l][j];
                        for (int k = 0; k < inCols; k++) {
                            branch += in[r * inCols + k] * w[l][k * cols + j];
                        }
                        z[r * cols + j] = !Double.isNaN(alpha) && l > 1 && l <= DEPTH
                                ? zBefore[r * cols + j] + alpha * branch : branch;
                    }
                }
                double[] out = z;
                if (l <= DEPTH) {
                    double[] n = NormReference.normalize(norm, z, ROWS, WIDTH, gamma[l], beta[l]);
                    out = new double[z.length];
                    for (int i = 0; i < z.length; i++) {
                        out[i] = phi.value(n[i]);
                    }
                }
                zBefore = z;
                in = out;
                inCols = cols;
            }
            double sum = 0;
            for (int r = 0; r < ROWS; r++) {
                if (labels == null) {
                    for (int k = 0; k < OUTPUTS; k++) {
                        double d = in[r * OUTPUTS + k] - targets[r * OUTPUTS + k];
                        sum += d * d / 2;
                    }
                } else {
                    double s = 0;
                    for (int k = 0; k < OUTPUTS; k++) {
                        s += Math.exp(in[r * OUTPUTS + k]);
                    }
                    sum += Math.log(s) - in[r * OUTPUTS + labels[r]];
                }
            }
            return sum / ROWS;
        }
    }
}
