package app.initscope.core.nn;

import app.initscope.core.linalg.Parallel;
import java.util.Arrays;

/**
 * One layer's normalization N(z) = γ·ẑ + β with ẑ = (z − μ)/√(v + ε), on z of {@code rows} × {@code width}, row
 * major, and its backward pass through the statistics:
 * <pre>
 *   BatchNorm: μ_j, v_j over the rows i of unit j     LayerNorm: μ_i, v_i over the units j of row i
 *   g = ∂L/∂N(z) · γ,   ∂L/∂z = (g − mean(g) − ẑ·mean(g·ẑ)) / √(v + ε)   (the means over the same axis as μ)
 *   ∂L/∂γ_j = Σ_i ∂L/∂N(z)_ij · ẑ_ij,   ∂L/∂β_j = Σ_i ∂L/∂N(z)_ij
 * </pre>
 * v is the biased variance, ε = {@value Norm#EPSILON}, and γ, β are per unit for both, as in PyTorch's
 * {@code BatchNorm1d} and {@code LayerNorm(width)}. BatchNorm keeps running averages for evaluation, with momentum
 * 0.1 and, as PyTorch does, the unbiased variance in the running one.
 *
 * <p>Every sum runs in double over a fixed range in a fixed order (the rows of one unit, or the units of one row),
 * one piece of {@link Parallel} per block of units or rows, so the bits do not depend on the thread count, and two
 * units with equal columns of z (and equal γ, β) get equal columns out. Not thread-safe: one pass at a time.
 */
public final class Normalization {

    /** The running averages' momentum: new = (1 − m)·old + m·batch. */
    public static final double MOMENTUM = 0.1;
    /** Units per piece of BatchNorm's work, and of LayerNorm's γ and β gradients. */
    private static final int UNITS = 64;
    /** Rows per piece of LayerNorm's work. */
    private static final int ROWS = 32;

    private final Norm norm;
    private final int width;
    private final float[] gamma;
    private final float[] beta;
    private final float[] gammaGradient;
    private final float[] betaGradient;
    private final float[] runningMean;
    private final float[] runningVariance;
    private final Affine affine;
    private final Affine gradients;
    private final Running running;
    /** The last training pass's μ and 1/√(v + ε): per unit (batch) or per row (layer). */
    private float[] mean = new float[0];
    private float[] inverse = new float[0];
    private int rows;
    /** Whether the last pass was BatchNorm's evaluation, with the running averages as its statistics. */
    private boolean evaluated;

    /** γ = 1, β = 0, running mean 0 and variance 1. */
    public Normalization(Norm norm, int width) {
        if (norm == Norm.NONE) {
            throw new IllegalArgumentException("no normalization to compute for norm none");
        }
        this.norm = norm;
        this.width = width;
        gamma = new float[width];
        Arrays.fill(gamma, 1f);
        beta = new float[width];
        gammaGradient = new float[width];
        betaGradient = new float[width];
        runningMean = new float[width];
        runningVariance = new float[width];
        Arrays.fill(runningVariance, 1f);
        affine = new Affine(gamma, beta);
        gradients = new Affine(gammaGradient, betaGradient);
        running = new Running(runningMean, runningVariance);
    }

    public Norm norm() {
        return norm;
    }

    /** A pair of per-unit arrays: γ and β, or their gradients ∂L/∂γ and ∂L/∂β. Live buffers. */
    public record Affine(float[] gamma, float[] beta) {
    }

    /** BatchNorm's running mean and (unbiased) variance per unit. Live buffers. */
    public record Running(float[] mean, float[] variance) {
    }

    /** γ and β: the optimizer updates them in place. */
    public Affine affine() {
        return affine;
    }

    /** ∂L/∂γ and ∂L/∂β of the last {@link #backward}. */
    public Affine gradients() {
        return gradients;
    }

    /** BatchNorm's running averages, which {@link #forwardEvaluation} uses. */
    public Running running() {
        return running;
    }

    /**
     * N(z) with this batch's statistics, which {@link #backward} then uses.
     *
     * @param z       Not modified: rows × width
     * @param out     Modified: N(z); may not be z
     * @param running whether BatchNorm's running averages take this batch in (a training step's pass)
     */
    public void forward(float[] z, float[] out, int rows, boolean running, Parallel parallel) {
        this.rows = rows;
        this.evaluated = false;
        if (norm == Norm.BATCH) {
            ensure(width);
            parallel.forEach(blocks(width, UNITS), p -> batchStatistics(z, rows, p * UNITS,
                    Math.min(width, (p + 1) * UNITS), running));
            parallel.forEach(blocks(rows, ROWS), p -> apply(z, out, p * ROWS, Math.min(rows, (p + 1) * ROWS),
                    mean, inverse, false));
        } else {
            ensure(rows);
            parallel.forEach(blocks(rows, ROWS), p -> {
                int from = p * ROWS;
                int to = Math.min(rows, from + ROWS);
                layerStatistics(z, from, to);
                apply(z, out, from, to, mean, inverse, true);
            });
        }
    }

    /**
     * N(z) for evaluation: BatchNorm with its running averages, LayerNorm as in training. {@link #backward} then
     * goes back through that pass: for BatchNorm a fixed affine map, whose statistics do not depend on z.
     */
    public void forwardEvaluation(float[] z, float[] out, int rows, Parallel parallel) {
        if (norm == Norm.LAYER) {
            forward(z, out, rows, false, parallel);
            return;
        }
        this.rows = rows;
        this.evaluated = true;
        ensure(width);
        for (int j = 0; j < width; j++) {
            mean[j] = runningMean[j];
            inverse[j] = (float) (1.0 / Math.sqrt(runningVariance[j] + Norm.EPSILON));
        }
        parallel.forEach(blocks(rows, ROWS), p -> apply(z, out, p * ROWS, Math.min(rows, (p + 1) * ROWS),
                mean, inverse, false));
    }

    /**
     * ∂L/∂z from ∂L/∂N(z), through the statistics of the last {@link #forward} (or {@link #forwardEvaluation});
     * sets ∂L/∂γ and ∂L/∂β.
     *
     * @param z    Not modified, unless it is dz: the z of the last forward pass
     * @param dOut Not modified, unless it is dz: ∂L/∂N(z)
     * @param dz   Modified: ∂L/∂z; may be z or dOut (each element is read before it is written)
     */
    public void backward(float[] z, float[] dOut, float[] dz, Parallel parallel) {
        int n = rows;
        // γ's and β's gradients first: dz may overwrite z or dOut
        parallel.forEach(blocks(width, UNITS), p -> affineGradients(z, dOut, n, p * UNITS,
                Math.min(width, (p + 1) * UNITS)));
        if (evaluated) {
            // the running averages are constants: N is the affine map γ·(z − μ)/√(v + ε) + β
            parallel.forEach(blocks(n, ROWS), p -> {
                for (int i = p * ROWS, to = Math.min(n, (p + 1) * ROWS); i < to; i++) {
                    int row = i * width;
                    for (int j = 0; j < width; j++) {
                        dz[row + j] = dOut[row + j] * gamma[j] * inverse[j];
                    }
                }
            });
        } else if (norm == Norm.BATCH) {
            parallel.forEach(blocks(width, UNITS), p -> batchBackward(z, dOut, dz, n, p * UNITS,
                    Math.min(width, (p + 1) * UNITS)));
        } else {
            parallel.forEach(blocks(n, ROWS), p -> {
                for (int i = p * ROWS, to = Math.min(n, (p + 1) * ROWS); i < to; i++) {
                    layerBackward(z, dOut, dz, i);
                }
            });
        }
    }

    private static int blocks(int n, int size) {
        return (n + size - 1) / size;
    }

    private void ensure(int n) {
        if (mean.length < n) {
            mean = new float[n];
            inverse = new float[n];
        }
    }

    private void batchStatistics(float[] z, int n, int from, int to, boolean running) {
        int span = to - from;
        double[] sum = new double[span];
        for (int i = 0; i < n; i++) {
            int row = i * width + from;
            for (int j = 0; j < span; j++) {
                sum[j] += z[row + j];
            }
        }
        double[] mu = new double[span];
        for (int j = 0; j < span; j++) {
            mu[j] = sum[j] / n;
            sum[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            int row = i * width + from;
            for (int j = 0; j < span; j++) {
                double d = z[row + j] - mu[j];
                sum[j] += d * d;
            }
        }
        for (int j = 0; j < span; j++) {
            double v = sum[j] / n;
            mean[from + j] = (float) mu[j];
            inverse[from + j] = (float) (1.0 / Math.sqrt(v + Norm.EPSILON));
            if (running) {
                double unbiased = n > 1 ? sum[j] / (n - 1) : v;
                runningMean[from + j] = (float) ((1 - MOMENTUM) * runningMean[from + j] + MOMENTUM * mu[j]);
                runningVariance[from + j] = (float) ((1 - MOMENTUM) * runningVariance[from + j]
                        + MOMENTUM * unbiased);
            }
        }
    }

    private double[] rowMoments(float[] z, int i) {
        int row = i * width;
        double sum = 0;
        for (int j = 0; j < width; j++) {
            sum += z[row + j];
        }
        double mu = sum / width;
        double sq = 0;
        for (int j = 0; j < width; j++) {
            double d = z[row + j] - mu;
            sq += d * d;
        }
        return new double[] {mu, sq / width};
    }

    private void layerStatistics(float[] z, int from, int to) {
        for (int i = from; i < to; i++) {
            double[] s = rowMoments(z, i);
            mean[i] = (float) s[0];
            inverse[i] = (float) (1.0 / Math.sqrt(s[1] + Norm.EPSILON));
        }
    }

    /** out = γ·(z − μ)·inv + β over rows [from, to), μ and inv per row (perRow) or per unit. */
    private void apply(float[] z, float[] out, int from, int to, float[] mu, float[] inv, boolean perRow) {
        for (int i = from; i < to; i++) {
            int row = i * width;
            if (perRow) {
                float m = mu[i];
                float s = inv[i];
                for (int j = 0; j < width; j++) {
                    out[row + j] = gamma[j] * ((z[row + j] - m) * s) + beta[j];
                }
            } else {
                for (int j = 0; j < width; j++) {
                    out[row + j] = gamma[j] * ((z[row + j] - mu[j]) * inv[j]) + beta[j];
                }
            }
        }
    }

    private void affineGradients(float[] z, float[] dOut, int n, int from, int to) {
        int span = to - from;
        double[] dg = new double[span];
        double[] db = new double[span];
        boolean batch = norm == Norm.BATCH;
        for (int i = 0; i < n; i++) {
            int row = i * width + from;
            for (int j = 0; j < span; j++) {
                int u = from + j;
                float hat = batch ? (z[row + j] - mean[u]) * inverse[u] : (z[row + j] - mean[i]) * inverse[i];
                float d = dOut[row + j];
                dg[j] += (double) d * hat;
                db[j] += d;
            }
        }
        for (int j = 0; j < span; j++) {
            gammaGradient[from + j] = (float) dg[j];
            betaGradient[from + j] = (float) db[j];
        }
    }

    private void batchBackward(float[] z, float[] dOut, float[] dz, int n, int from, int to) {
        int span = to - from;
        double[] s1 = new double[span];
        double[] s2 = new double[span];
        for (int i = 0; i < n; i++) {
            int row = i * width;
            for (int j = 0; j < span; j++) {
                int u = from + j;
                double g = (double) dOut[row + u] * gamma[u];
                s1[j] += g;
                s2[j] += g * ((z[row + u] - mean[u]) * inverse[u]);
            }
        }
        for (int j = 0; j < span; j++) {
            s1[j] /= n;
            s2[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            int row = i * width;
            for (int j = 0; j < span; j++) {
                int u = from + j;
                double g = (double) dOut[row + u] * gamma[u];
                double hat = (z[row + u] - mean[u]) * inverse[u];
                dz[row + u] = (float) ((g - s1[j] - hat * s2[j]) * inverse[u]);
            }
        }
    }

    private void layerBackward(float[] z, float[] dOut, float[] dz, int i) {
        int row = i * width;
        float m = mean[i];
        float s = inverse[i];
        double s1 = 0;
        double s2 = 0;
        for (int j = 0; j < width; j++) {
            double g = (double) dOut[row + j] * gamma[j];
            s1 += g;
            s2 += g * ((z[row + j] - m) * s);
        }
        s1 /= width;
        s2 /= width;
        for (int j = 0; j < width; j++) {
            double g = (double) dOut[row + j] * gamma[j];
            double hat = (z[row + j] - m) * s;
            dz[row + j] = (float) ((g - s1 - hat * s2) * s);
        }
    }
}
