package app.initscope.core.nn;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.EqualColumns;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import java.util.function.IntConsumer;

/**
 * An MLP and its buffers, in float32, row-major:
 * <pre>
 *   z_l = a_{l−1}·W_l + b_l,  a_l = φ(z_l),  a_0 = X   (l = 1..depth, W_l: in_l × width, b_l: width)
 *   y   = a_depth·W_out                                  (W_out is width × outputs)
 *   L   = Σ(y − T)² / (2·samples)
 *   dY = (y − T)/R,  g_depth = dY·W_outᵀ,  δ_l = g_l ⊙ φ′(z_l),  dW_l = a_{l−1}ᵀ·δ_l,  g_{l−1} = δ_l·W_lᵀ
 * </pre>
 * The biases b_l are drawn from N(0, σ_b²) by {@link #initializeBiases}; without that call, or with σ_b = 0, the
 * network has none and the bias add is skipped altogether (not a zero vector added), so its numbers are exactly
 * those of a network without biases. δ_l and dW_l have the same form with biases; their gradient is not computed.
 * R, the {@linkplain #gradientRows() gradient rows}, is the number of samples, unless the network holds only the
 * first rows of a larger run and scales dY, and with it every δ, as that run would.
 * The steps are separate methods so the caller can look at each tensor as soon as it exists. z_l's buffer is
 * reused for δ_l in the backward pass, so {@link #z(int)} is valid only between {@link #forward(int)} and
 * {@link #backward(int)} of that layer. Not thread-safe: one run at a time.
 */
public final class Network {

    /** Random stream ids (see {@link RandomStreams}). */
    public static final long INPUT_STREAM = 1;
    public static final long TARGET_STREAM = 2;
    /** The input's shared component u when the samples are correlated (see {@link #drawData}). */
    public static final long SHARED_INPUT_STREAM = 3;
    public static final long READOUT_STREAM = 99;
    public static final long LAYER_STREAM_BASE = 100;
    /** b_l draws from stream {@code BIAS_STREAM_BASE + l}, apart from every weight stream (depth ≤ 100 or not). */
    public static final long BIAS_STREAM_BASE = 1_000_000;

    private final int samples;
    private final int gradientRows;
    private final int fanIn;
    private final int width;
    private final int depth;
    private final int outputs;
    private final Phi phi;
    private final Gemm gemm;
    private final Parallel parallel;

    private final float[] x;
    private final float[] t;
    private final float[][] w;
    private final float[][] b;
    private final float[][] zOrDelta;
    private final float[][] a;
    private final float[][] d;
    private final float[][] dw;
    private final float[] wOut;
    private final float[] y;
    private final float[] dy;
    private final float[] g;
    /** N(z_l) per layer, and the normalizations, with a normalization; null without. */
    private final float[][] normalized;
    private final Normalization[] norms;
    /** Whether the layers after the first add their branch to the layer before, and the branch scale α. */
    private final boolean residual;
    private final float alpha;
    /** α·δ_l for the products of a scaled residual branch; null unless residual with α ≠ 1. */
    private final float[] scaled;

    /** Allocates every buffer; dY is divided by the number of samples. */
    public Network(int samples, int fanIn, int width, int depth, int outputs, Phi phi, Gemm gemm, Parallel parallel) {
        this(samples, fanIn, width, depth, outputs, phi, gemm, parallel, samples);
    }

    /**
     * Allocates every buffer; dY is divided by {@code gradientRows} instead of the number of samples, so a network
     * of some rows of a larger run gets that run's δ scale.
     *
     * @param gradientRows the rows of the run being imitated, at least 1
     */
    public Network(int samples, int fanIn, int width, int depth, int outputs, Phi phi, Gemm gemm, Parallel parallel,
                   int gradientRows) {
        this(samples, fanIn, width, depth, outputs, phi, gemm, parallel, gradientRows, Norm.NONE, Residual.OFF);
    }

    /**
     * Allocates every buffer of a network with a normalization before φ and residual connections: a_l = φ(N(z_l)),
     * and z_l = z_{l−1} + α·(a_{l−1}·W_l + b_l) for l ≥ 2 with residual connections. {@link Norm#NONE} and
     * {@link Residual#OFF} give the plain network, number for number.
     */
    public Network(int samples, int fanIn, int width, int depth, int outputs, Phi phi, Gemm gemm, Parallel parallel,
                   int gradientRows, Norm norm, Residual residual) {
        if (gradientRows < 1) {
            throw new IllegalArgumentException("gradient rows must be at least 1, got " + gradientRows);
        }
        this.samples = samples;
        this.gradientRows = gradientRows;
        this.fanIn = fanIn;
        this.width = width;
        this.depth = depth;
        this.outputs = outputs;
        this.phi = phi;
        this.gemm = EqualColumns.of(gemm, parallel);
        this.parallel = parallel;
        x = new float[samples * fanIn];
        t = new float[samples * outputs];
        w = new float[depth + 1][];
        b = new float[depth + 1][];
        zOrDelta = new float[depth + 1][];
        a = new float[depth + 1][];
        d = new float[depth + 1][];
        dw = new float[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            int in = fanIn(l);
            w[l] = new float[in * width];
            dw[l] = new float[in * width];
            zOrDelta[l] = new float[samples * width];
            a[l] = new float[samples * width];
            d[l] = new float[samples * width];
        }
        a[0] = x;
        if (norm == Norm.NONE) {
            normalized = null;
            norms = null;
        } else {
            normalized = new float[depth + 1][];
            norms = new Normalization[depth + 1];
            for (int l = 1; l <= depth; l++) {
                normalized[l] = new float[samples * width];
                norms[l] = new Normalization(norm, width);
            }
        }
        this.residual = residual.on() && depth > 1;
        this.alpha = (float) residual.alpha(depth);
        scaled = this.residual && alpha != 1f ? new float[samples * width] : null;
        wOut = new float[width * outputs];
        y = new float[samples * outputs];
        dy = new float[samples * outputs];
        g = new float[samples * width];
    }

    /** Draws X (N(0,1) or U(±√3)) and T (N(0,1)). */
    public void drawData(RandomStreams random, boolean uniformInput) {
        drawData(random, uniformInput, 0.0);
    }

    /**
     * Draws X with a pairwise correlation c₀ between its samples, and T (N(0,1)): x_i = √c₀·u + √(1−c₀)·e_i,
     * where e_i is sample i's own draw (N(0,1) or U(±√3), as without correlation) and u, one draw of the same
     * distribution and of fanIn values, is shared by every sample (stream {@value #SHARED_INPUT_STREAM}). Each
     * value keeps E[x²] = 1, and two samples' E[x_i·x_j] is c₀. c₀ = 0 draws no u and mixes nothing: X is the
     * same numbers as {@link #drawData(RandomStreams, boolean)}'s. Row by row the same numbers whatever the
     * sample count, as the input always is.
     *
     * @param correlation c₀ in [0, 1)
     */
    public void drawData(RandomStreams random, boolean uniformInput, double correlation) {
        if (!(correlation >= 0 && correlation < 1)) {
            throw new IllegalArgumentException("an input correlation must lie in [0, 1), got " + correlation);
        }
        if (uniformInput) {
            random.fillUniform(x, x.length, Math.sqrt(3.0), INPUT_STREAM, parallel);
        } else {
            random.fillGaussian(x, x.length, 1.0, INPUT_STREAM, parallel);
        }
        if (correlation > 0) {
            float[] u = new float[fanIn];
            if (uniformInput) {
                random.fillUniform(u, fanIn, Math.sqrt(3.0), SHARED_INPUT_STREAM, parallel);
            } else {
                random.fillGaussian(u, fanIn, 1.0, SHARED_INPUT_STREAM, parallel);
            }
            double shared = Math.sqrt(correlation);
            double own = Math.sqrt(1 - correlation);
            int n = x.length;
            parallel.forEach(Chunks.count(n), p -> {
                for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                    x[i] = (float) (shared * u[i % fanIn] + own * x[i]);
                }
            });
        }
        random.fillGaussian(t, t.length, 1.0, TARGET_STREAM, parallel);
    }

    /**
     * Initializes every W_l and W_out with the same filler (an {@code Initializer} of {@code core.init}). Layer l
     * draws from its own stream.
     */
    public void initialize(WeightFiller init, RandomStreams random) {
        for (int l = 1; l <= depth; l++) {
            init.fill(w[l], fanIn(l), width, random, LAYER_STREAM_BASE + l, parallel);
        }
        init.fill(wOut, width, outputs, random, READOUT_STREAM, parallel);
    }

    /**
     * Draws every b_l from N(0, σ_b²), one value per unit, layer l from its own stream, so the weights and the data
     * stay the same numbers whatever σ_b is. σ_b = 0 removes the biases and draws nothing.
     *
     * @param sigmaB σ_b, at least 0
     */
    public void initializeBiases(double sigmaB, RandomStreams random) {
        if (!(sigmaB >= 0) || Double.isInfinite(sigmaB)) {
            throw new IllegalArgumentException("σ_b must be finite and at least 0, got " + sigmaB);
        }
        for (int l = 1; l <= depth; l++) {
            if (sigmaB == 0) {
                b[l] = null;
            } else {
                b[l] = new float[width];
                random.fillGaussian(b[l], width, sigmaB, BIAS_STREAM_BASE + l, parallel);
            }
        }
    }

    /**
     * Computes z_l = a_{l−1}·W_l (+ b_l when the network has biases), or with residual connections and l ≥ 2
     * z_l = z_{l−1} + α·(a_{l−1}·W_l + b_l); then N(z_l) with a normalization, a_l = φ(N(z_l)) and φ′(N(z_l)).
     * Layers go in order.
     */
    public void forward(int l) {
        forward(l, null);
    }

    /**
     * {@link #forward(int)}, calling {@code done.accept(p)} for each {@link Chunks} piece p of z_l, a_l and φ′(z_l)
     * (samples × width values) as soon as it is written, on the thread that wrote it: a caller's pass over the piece
     * then reads it from the cache.
     *
     * @param done may be null
     */
    public void forward(int l, IntConsumer done) {
        float[] zl = zOrDelta[l];
        gemm.mult(a[l - 1], w[l], zl, samples, fanIn(l), width);
        float[] al = a[l];
        float[] dl = d[l];
        float[] bl = b[l];
        int n = samples * width;
        if (norms != null || (residual && l > 1)) {
            forwardBlock(l, zl, al, dl, bl, n);
            if (done != null) {
                parallel.forEach(Chunks.count(n), done::accept);
            }
            return;
        }
        parallel.forEach(Chunks.count(n), p -> {
            int from = Chunks.from(p);
            int to = Chunks.to(p, n);
            if (bl != null) {
                for (int i = from; i < to; i++) {
                    zl[i] += bl[i % width];
                }
            }
            phi.apply(zl, al, dl, from, to);
            if (done != null) {
                done.accept(p);
            }
        });
    }

    /** The rest of {@link #forward} with a residual branch or a normalization. */
    private void forwardBlock(int l, float[] zl, float[] al, float[] dl, float[] bl, int n) {
        if (residual && l > 1) {
            float[] before = zOrDelta[l - 1];
            float s = alpha;
            parallel.forEach(Chunks.count(n), p -> {
                for (int i = Chunks.from(p), to = Chunks.to(p, n); i < to; i++) {
                    float branch = bl == null ? zl[i] : zl[i] + bl[i % width];
                    zl[i] = before[i] + s * branch;
                }
            });
        } else if (bl != null) {
            parallel.forEach(Chunks.count(n), p -> {
                for (int i = Chunks.from(p), to = Chunks.to(p, n); i < to; i++) {
                    zl[i] += bl[i % width];
                }
            });
        }
        float[] in = zl;
        if (norms != null) {
            in = normalized[l];
            norms[l].forward(zl, in, samples, false, parallel);
        }
        float[] phiIn = in;
        parallel.forEach(Chunks.count(n), p -> phi.apply(phiIn, al, dl, Chunks.from(p), Chunks.to(p, n)));
    }

    /**
     * Computes y, dY = (y − T)/{@linkplain #gradientRows() R} and g_depth, and returns the loss
     * L = Σ(y − T)²/(2·samples) over the rows held: a mean, whatever R is. Needs every layer forward.
     */
    public double readout() {
        gemm.mult(a[depth], wOut, y, samples, width, outputs);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double r = (double) y[i] - t[i];
            sum += r * r;
            dy[i] = (float) (r / gradientRows);
        }
        gemm.multTransB(dy, wOut, g, samples, outputs, width);
        return sum / (2.0 * samples);
    }

    /**
     * Computes δ_l = ∂L/∂z_l (into z_l's buffer), dW_l and, for l &gt; 1, g_{l−1} = ∂L/∂a_{l−1}. Without a
     * normalization δ_l = g_l ⊙ φ′(z_l); with one, g_l ⊙ φ′(N(z_l)) goes back through N's statistics. With residual
     * connections δ_l also takes δ_{l+1} through the skip, and the branch's products carry α. Layers must go
     * backward in order.
     */
    public void backward(int l) {
        backward(l, null);
    }

    /**
     * {@link #backward(int)}, calling {@code done.accept(p)} for each {@link Chunks} piece p of δ_l as soon as it is
     * written, on the thread that wrote it (before dW_l is computed).
     *
     * @param done may be null
     */
    public void backward(int l, IntConsumer done) {
        float[] delta = zOrDelta[l];
        float[] dl = d[l];
        int n = samples * width;
        boolean fused = norms == null && !(residual && l < depth);
        if (norms == null) {
            parallel.forEach(Chunks.count(n), p -> {
                for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                    delta[i] = g[i] * dl[i];
                }
                if (fused && done != null) {
                    done.accept(p);
                }
            });
        } else {
            parallel.forEach(Chunks.count(n), p -> {
                for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                    g[i] = g[i] * dl[i];
                }
            });
            norms[l].backward(delta, g, delta, parallel);      // delta still holds z_l, and becomes δ_l
        }
        if (residual && l < depth) {
            float[] after = zOrDelta[l + 1];
            parallel.forEach(Chunks.count(n), p -> {
                for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                    delta[i] += after[i];
                }
            });
        }
        if (!fused && done != null) {
            parallel.forEach(Chunks.count(n), done::accept);       // δ_l is final only now
        }
        float[] branch = delta;
        if (scaled != null && l > 1) {
            float s = alpha;
            parallel.forEach(Chunks.count(n), p -> {
                for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                    scaled[i] = s * delta[i];
                }
            });
            branch = scaled;
        }
        gemm.multTransA(a[l - 1], branch, dw[l], fanIn(l), samples, width);
        if (l > 1) {
            gemm.multTransB(branch, w[l], g, samples, width, width);
        }
    }

    /** The fan-in of layer l: the input's for l = 1, the width after. */
    public int fanIn(int l) {
        return l == 1 ? fanIn : width;
    }

    public int samples() {
        return samples;
    }

    /** R in dY = (y − T)/R: the number of samples unless a larger run's was given. */
    public int gradientRows() {
        return gradientRows;
    }

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    public int outputs() {
        return outputs;
    }

    /** X, samples × fanIn. Live buffer: do not modify. */
    public float[] input() {
        return x;
    }

    /** T, samples × outputs. Live buffer: do not modify. */
    public float[] targets() {
        return t;
    }

    /** W_l, in_l × width. Live buffer. */
    public float[] weights(int l) {
        return w[l];
    }

    /** b_l, width values, or null when the network has no biases. Live buffer. */
    public float[] biases(int l) {
        return b[l];
    }

    /** W_out, width × outputs. Live buffer. */
    public float[] readoutWeights() {
        return wOut;
    }

    /** z_l, valid after {@link #forward(int)} and until {@link #backward(int)}. Live buffer. */
    public float[] z(int l) {
        return zOrDelta[l];
    }

    /** δ_l, valid after {@link #backward(int)}. Live buffer. */
    public float[] delta(int l) {
        return zOrDelta[l];
    }

    /** N(z_l), samples × width, valid after {@link #forward(int)}; null without a normalization. Live buffer. */
    public float[] normalized(int l) {
        return normalized == null ? null : normalized[l];
    }

    /** Whether the layers after the first are residual blocks. */
    public boolean residual() {
        return residual;
    }

    /** The residual branch scale α (1 without residual connections). */
    public float alpha() {
        return residual ? alpha : 1f;
    }

    /** a_l, samples × width. Live buffer. */
    public float[] activation(int l) {
        return a[l];
    }

    /** φ′(z_l), samples × width. Live buffer. */
    public float[] localGradient(int l) {
        return d[l];
    }

    /** dW_l, in_l × width, valid after {@link #backward(int)}. Live buffer. */
    public float[] weightGradient(int l) {
        return dw[l];
    }
}
