package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Network;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.NormReference;
import app.initscope.core.nn.Phi;
import app.initscope.core.nn.Residual;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's dW against central finite differences of an independent double-precision forward pass written
 * here, on a tiny three-layer network, without biases and with biases b_l ∼ N(0, 0.8²) (δ and dW keep their form),
 * plain, with BatchNorm or LayerNorm before φ, and with or without residual connections (α = 0.5): every path of
 * the backward pass, through the normalization's statistics and the skip connections.
 */
class BackpropFiniteDifferenceTest {

    private static final int SAMPLES = 6;
    private static final int FAN_IN = 4;
    private static final int WIDTH = 5;
    private static final int DEPTH = 3;
    private static final int OUTPUTS = 2;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void weightGradientMatchesFiniteDifferences(Activation activation) {
        for (double sigmaB : new double[] {0.0, 0.8}) {
            check(activation, sigmaB, Norm.NONE, Residual.OFF);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void weightGradientMatchesFiniteDifferencesThroughNormalizationsAndSkips(Activation activation) {
        for (Norm norm : Norm.values()) {
            for (Residual residual : new Residual[] {Residual.OFF, Residual.scaled(0.5)}) {
                if (norm != Norm.NONE || residual.on()) {
                    check(activation, 0.8, norm, residual);
                }
            }
        }
    }

    private static void check(Activation activation, double sigmaB, Norm norm, Residual residual) {
        ExperimentConfig config = ExperimentConfig.builder().activation(activation).leakySlope(0.1)
                .strategies(List.of(Strategy.CUSTOM_NORMAL)).sigma(0.6).fanIn(FAN_IN).samples(SAMPLES).width(WIDTH)
                .depth(DEPTH).outputs(OUTPUTS).seed(7).norm(norm).residual(residual).build();
        ExperimentRunner runner = TestRunners.runner(1);
        Network net = runner.newNetwork(config);
        RandomStreams random = new RandomStreams(config.seed());
        net.drawData(random, false);
        net.initialize(Strategy.CUSTOM_NORMAL.initializer(config.initOptions()), random);
        net.initializeBiases(sigmaB, random);
        for (int l = 1; l <= DEPTH; l++) {
            net.forward(l);
        }
        net.readout();
        for (int l = DEPTH; l >= 1; l--) {
            net.backward(l);
        }

        Phi phi = activation.function(0.1);
        double[][] w = new double[DEPTH + 2][];
        for (int l = 1; l <= DEPTH; l++) {
            w[l] = toDouble(net.weights(l));
        }
        w[DEPTH + 1] = toDouble(net.readoutWeights());
        double[][] b = new double[DEPTH + 1][];
        for (int l = 1; l <= DEPTH; l++) {
            b[l] = sigmaB == 0 ? new double[WIDTH] : toDouble(net.biases(l));
        }
        double[] x = toDouble(net.input());
        double[] t = toDouble(net.targets());

        double h = 1e-6;
        for (int l = 1; l <= DEPTH; l++) {
            float[] dw = net.weightGradient(l);
            double scale = 0;
            double[] fd = new double[w[l].length];
            for (int i = 0; i < w[l].length; i++) {
                double saved = w[l][i];
                w[l][i] = saved + h;
                double up = loss(x, t, w, b, phi, norm, residual);
                w[l][i] = saved - h;
                double down = loss(x, t, w, b, phi, norm, residual);
                w[l][i] = saved;
                fd[i] = (up - down) / (2 * h);
                scale = Math.max(scale, Math.abs(fd[i]));
            }
            String name = activation + " σ_b=" + sigmaB + " norm " + norm + " residual " + residual + " layer " + l;
            assertTrue(scale > 1e-6, name + " has no gradient to check");
            for (int i = 0; i < fd.length; i++) {
                double err = Math.abs(fd[i] - dw[i]);
                assertTrue(err <= 2e-4 * scale + 1e-3 * Math.abs(fd[i]),
                        name + " weight " + i + ": backprop " + dw[i] + ", finite difference "
                                + fd[i]);
            }
        }
    }

    /**
     * L = Σ(y − T)²/(2·samples) of the MLP with biases b, in double, with plain loops: z_l = a_{l−1}·W_l + b_l, or
     * z_{l−1} + α·(a_{l−1}·W_l + b_l) with residual connections from layer 2 on, and a_l = φ(N(z_l)).
     */
    private static double loss(double[] x, double[] t, double[][] w, double[][] b, Phi phi, Norm norm,
                               Residual residual) {
        double[] a = x;
        double[] zBefore = null;
        int in = FAN_IN;
        for (int l = 1; l <= DEPTH; l++) {
            double[] z = new double[SAMPLES * WIDTH];
            for (int s = 0; s < SAMPLES; s++) {
                for (int j = 0; j < WIDTH; j++) {
                    double branch = b[l][j];
                    for (int p = 0; p < in; p++) {
                        branch += a[s * in + p] * w[l][p * WIDTH + j];
                    }
                    z[s * WIDTH + j] = residual.on() && l > 1
                            ? zBefore[s * WIDTH + j] + residual.alpha(DEPTH) * branch : branch;
                }
            }
            double[] n = NormReference.normalize(norm, z, SAMPLES, WIDTH, null, null);
            double[] next = new double[SAMPLES * WIDTH];
            for (int i = 0; i < next.length; i++) {
                next[i] = phi.value(n[i]);
            }
            zBefore = z;
            a = next;
            in = WIDTH;
        }
        double sum = 0;
        for (int s = 0; s < SAMPLES; s++) {
            for (int o = 0; o < OUTPUTS; o++) {
                double y = 0;
                for (int p = 0; p < WIDTH; p++) {
                    y += a[s * WIDTH + p] * w[DEPTH + 1][p * OUTPUTS + o];
                }
                double r = y - t[s * OUTPUTS + o];
                sum += r * r;
            }
        }
        return sum / (2.0 * SAMPLES);
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
