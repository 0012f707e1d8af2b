package app.initscope.core.train;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.EqualColumns;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Network;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Normalization;
import app.initscope.core.nn.Residual;
import app.initscope.core.nn.Phi;
import app.initscope.core.nn.WeightFiller;
import java.util.HashMap;
import java.util.Map;

/**
 * A trainable MLP in float32, row-major, with a readout sized to the task. Layers 1..depth are hidden, layer
 * depth+1 is the linear readout:
 * <pre>
 *   z_l = a_{l−1}·W_l (+ b_l),  a_l = φ(z_l),  a_0 = X          W_l: in_l × out_l
 *   y   = a_depth·W_{depth+1} (+ b_{depth+1})
 *   MSE:  L = Σ(y − T)²/(2·rows),            dY = (y − T)/rows
 *   CE:   L = −Σ log softmax(y)_label / rows,  dY = (softmax(y) − onehot)/rows
 *   dW_l = a_{l−1}ᵀ·δ_l,  db_l = Σ_rows δ_l,  g_{l−1} = δ_l·W_lᵀ,  δ_l = g_l ⊙ φ′(z_l),  δ_{depth+1} = dY
 * </pre>
 * The weights draw from the same streams as {@link Network}'s, so the first step's weights are {@code run}'s.
 * Biases start at 0; without biases no add happens at all. Every product goes through the {@link Gemm}, whose
 * output elements are each one fixed-order sum, so the result is bit-identical for any thread count; every
 * reduction over rows (loss, bias gradients) runs in row order. Buffers are kept per row count (a batch and a test
 * set). Not thread-safe.
 */
public final class Mlp {

    private final int inputs;
    private final int width;
    private final int depth;
    private final int outputs;
    private final boolean bias;
    private final Phi phi;
    private final Gemm gemm;
    private final Parallel parallel;
    private final float[][] w;
    private final float[][] b;
    private final float[][] dw;
    private final float[][] db;
    private final Map<Integer, Pass> passes = new HashMap<>();
    /** Each hidden layer's normalization, or null without. */
    private final Normalization[] norms;
    /** Whether hidden layers 2..depth add their branch to the layer before, and the branch scale α. */
    private final boolean residual;
    private final float alpha;

    /**
     * @param bias whether every layer and the readout have biases (initialized to 0)
     */
    public Mlp(int inputs, int width, int depth, int outputs, boolean bias, Phi phi, Gemm gemm, Parallel parallel) {
        this(inputs, width, depth, outputs, bias, phi, gemm, parallel, Norm.NONE, Residual.OFF);
    }

    /**
     * A network with a normalization before φ in every hidden layer (a_l = φ(N(z_l)), N's γ and β learned) and
     * residual connections (z_l = z_{l−1} + α·(a_{l−1}·W_l + b_l) for hidden layers l ≥ 2). {@link Norm#NONE} and
     * {@link Residual#OFF} give the plain network, number for number.
     */
    public Mlp(int inputs, int width, int depth, int outputs, boolean bias, Phi phi, Gemm gemm, Parallel parallel,
               Norm norm, Residual residual) {
        this.inputs = inputs;
        this.width = width;
        this.depth = depth;
        this.outputs = outputs;
        this.bias = bias;
        this.phi = phi;
        this.gemm = EqualColumns.of(gemm);
        this.parallel = parallel;
        w = new float[depth + 2][];
        b = new float[depth + 2][];
        dw = new float[depth + 2][];
        db = new float[depth + 2][];
        for (int l = 1; l <= depth + 1; l++) {
            w[l] = new float[fanIn(l) * fanOut(l)];
            dw[l] = new float[w[l].length];
            if (bias) {
                b[l] = new float[fanOut(l)];
                db[l] = new float[fanOut(l)];
            }
        }
        if (norm == Norm.NONE) {
            norms = null;
        } else {
            norms = new Normalization[depth + 1];
            for (int l = 1; l <= depth; l++) {
                norms[l] = new Normalization(norm, width);
            }
        }
        this.residual = residual.on() && depth > 1;
        this.alpha = (float) residual.alpha(depth);
    }

    /** Hidden layer l's normalization (its γ, β and their gradients), or null without one. */
    public Normalization normalization(int l) {
        return norms == null ? null : norms[l];
    }

    /** Fills every W_l from the filler, layer l from {@link Network}'s stream for it; biases are set to 0. */
    public void initialize(WeightFiller init, RandomStreams random) {
        for (int l = 1; l <= depth + 1; l++) {
            long stream = l <= depth ? Network.LAYER_STREAM_BASE + l : Network.READOUT_STREAM;
            init.fill(w[l], fanIn(l), fanOut(l), random, stream, parallel);
            if (bias) {
                java.util.Arrays.fill(b[l], 0f);
            }
        }
    }

    /** The fan-in of layer l (1..depth+1). */
    public int fanIn(int l) {
        return l == 1 ? inputs : width;
    }

    /** The fan-out of layer l (1..depth+1): the width, or the outputs for the readout. */
    public int fanOut(int l) {
        return l <= depth ? width : outputs;
    }

    public int depth() {
        return depth;
    }

    public int width() {
        return width;
    }

    public int outputs() {
        return outputs;
    }

    public boolean hasBias() {
        return bias;
    }

    /** W_l, l in 1..depth+1 (depth+1 is the readout). Live buffer. */
    public float[] weights(int l) {
        return w[l];
    }

    /** b_l, or null without biases. Live buffer. */
    public float[] biases(int l) {
        return b[l];
    }

    /** dW_l of the last {@link #lossAndGradients}. Live buffer. */
    public float[] weightGradient(int l) {
        return dw[l];
    }

    /** db_l of the last {@link #lossAndGradients}, or null without biases. Live buffer. */
    public float[] biasGradient(int l) {
        return db[l];
    }

    /** a_l (1..depth) of the last pass over {@code rows} rows, rows × width. Live buffer. */
    public float[] activation(int l, int rows) {
        return pass(rows).a[l];
    }

    /** The outputs y of {@code rows} rows of X (rows × outputs). Live buffer, valid until the next pass. */
    public float[] predict(float[] x, int rows) {
        Pass p = pass(rows);
        forward(p, x, null, false);
        return p.z[depth + 1];
    }

    /**
     * The loss (and accuracy) of {@code rows} rows, without gradients.
     *
     * @param targets rows × outputs for MSE, or null
     * @param labels  the class of each row for cross-entropy, or null
     */
    public Loss evaluate(float[] x, float[] targets, int[] labels, int rows) {
        Pass p = pass(rows);
        forward(p, x, null, false);
        return loss(p, targets, labels, false);
    }

    /**
     * The loss of {@code rows} rows and every gradient as the network evaluates (BatchNorm with its running
     * averages, which this leaves alone), running {@code afterForward} between the passes.
     */
    public Loss evaluationGradients(float[] x, float[] targets, int[] labels, int rows, Runnable afterForward) {
        return both(x, targets, labels, rows, false, afterForward);
    }

    /** The loss of {@code rows} rows, and every gradient (see the class formulas). */
    public Loss lossAndGradients(float[] x, float[] targets, int[] labels, int rows) {
        return lossAndGradients(x, targets, labels, rows, () -> { });
    }

    /**
     * The loss of {@code rows} rows and every gradient, running {@code afterForward} between the passes: there
     * {@link #preActivation} holds z and {@link #activation} a; after the backward pass, {@link #preActivation}
     * holds δ.
     */
    public Loss lossAndGradients(float[] x, float[] targets, int[] labels, int rows, Runnable afterForward) {
        return both(x, targets, labels, rows, true, afterForward);
    }

    /** The forward pass (a training one or an evaluation), {@code afterForward}, the loss and the backward pass. */
    private Loss both(float[] x, float[] targets, int[] labels, int rows, boolean training, Runnable afterForward) {
        Pass p = pass(rows);
        forward(p, x, null, training);
        afterForward.run();
        Loss loss = loss(p, targets, labels, true);
        backward(p, null);
        return loss;
    }

    /**
     * The loss of {@code rows} rows and every gradient, with each hidden layer's activation summarized into
     * {@code stats} inside the passes that write and then read a_l (see {@link ActivationStats}).
     */
    Loss lossAndGradients(float[] x, float[] targets, int[] labels, int rows, ActivationStats stats) {
        Pass p = pass(rows);
        stats.reset(rows * width);
        forward(p, x, stats, true);
        Loss loss = loss(p, targets, labels, true);
        backward(p, stats);
        return loss;
    }

    /** z_l (1..depth) of the last pass over {@code rows} rows, rows × width; δ_l once it went backward. Live. */
    public float[] preActivation(int l, int rows) {
        return pass(rows).z[l];
    }

    /**
     * A loss and, for classification, the fraction of rows whose largest output is their label (NaN for MSE).
     */
    public record Loss(double loss, double accuracy) {
    }

    private Pass pass(int rows) {
        return passes.computeIfAbsent(rows, Pass::new);
    }

    /**
     * The forward pass; with {@code stats}, each piece of a_l is summarized as soon as φ filled it. A training pass
     * normalizes with the batch's statistics (BatchNorm's running averages take them in), an evaluation with the
     * running averages.
     */
    private void forward(Pass p, float[] x, ActivationStats stats, boolean training) {
        float[] in = x;
        for (int l = 1; l <= depth + 1; l++) {
            float[] zl = p.z[l];
            int cols = fanOut(l);
            gemm.mult(in, w[l], zl, p.rows, fanIn(l), cols);
            float[] bl = b[l];
            int n = p.rows * cols;
            if (l <= depth && (norms != null || (residual && l > 1))) {
                block(p, l, stats, training);
                in = p.a[l];
            } else if (l <= depth) {
                float[] al = p.a[l];
                float[] dl = p.d[l];
                int layer = l;
                parallel.forEach(Chunks.count(n), piece -> {
                    int from = Chunks.from(piece);
                    int to = Chunks.to(piece, n);
                    if (bl != null) {
                        for (int i = from; i < to; i++) {
                            zl[i] += bl[i % cols];
                        }
                    }
                    phi.apply(zl, al, dl, from, to);
                    if (stats != null) {
                        stats.first(layer, piece, al, from, to);
                    }
                });
                if (stats != null) {
                    stats.combine(l);
                }
                in = al;
            } else if (bl != null) {
                for (int i = 0; i < n; i++) {
                    zl[i] += bl[i % cols];
                }
            }
        }
        p.x = x;
    }

    /** The rest of hidden layer l's forward pass with a residual branch or a normalization. */
    private void block(Pass p, int l, ActivationStats stats, boolean training) {
        float[] zl = p.z[l];
        float[] bl = b[l];
        float[] before = residual && l > 1 ? p.z[l - 1] : null;
        int n = p.rows * width;
        float s = alpha;
        if (before != null || bl != null) {
            parallel.forEach(Chunks.count(n), piece -> {
                for (int i = Chunks.from(piece), to = Chunks.to(piece, n); i < to; i++) {
                    float branch = bl == null ? zl[i] : zl[i] + bl[i % width];
                    zl[i] = before == null ? branch : before[i] + s * branch;
                }
            });
        }
        Normalization norm = norms == null ? null : norms[l];
        if (norm != null && training) {
            norm.statistics(zl, p.rows, true, parallel);
        } else if (norm != null) {
            norm.evaluationStatistics(zl, p.rows, parallel);
        }
        // N(z) and φ in one pass: each piece of N(z) is still in cache when φ reads it
        float[] source = norm == null ? zl : p.n[l];
        float[] al = p.a[l];
        float[] dl = p.d[l];
        parallel.forEach(Chunks.count(n), piece -> {
            int from = Chunks.from(piece);
            int to = Chunks.to(piece, n);
            if (norm != null) {
                norm.apply(zl, source, from, to);
            }
            phi.apply(source, al, dl, from, to);
            if (stats != null) {
                stats.first(l, piece, al, from, to);
            }
        });
        if (stats != null) {
            stats.combine(l);
        }
    }

    private Loss loss(Pass p, float[] targets, int[] labels, boolean gradient) {
        float[] y = p.z[depth + 1];
        float[] dy = p.dy;
        int rows = p.rows;
        if (labels == null) {
            double sum = 0;
            for (int i = 0; i < rows * outputs; i++) {
                double r = (double) y[i] - targets[i];
                sum += r * r;
                if (gradient) {
                    dy[i] = (float) (r / rows);
                }
            }
            return new Loss(sum / (2.0 * rows), Double.NaN);
        }
        double sum = 0;
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * outputs;
            int best = 0;
            double max = y[base];
            for (int k = 1; k < outputs; k++) {
                if (y[base + k] > max) {
                    max = y[base + k];
                    best = k;
                }
            }
            double s = 0;
            for (int k = 0; k < outputs; k++) {
                s += Math.exp(y[base + k] - max);
            }
            int label = labels[r];
            sum += Math.log(s) - (y[base + label] - max);
            if (best == label) {
                correct++;
            }
            if (gradient) {
                for (int k = 0; k < outputs; k++) {
                    double prob = Math.exp(y[base + k] - max) / s;
                    dy[base + k] = (float) ((prob - (k == label ? 1 : 0)) / rows);
                }
            }
        }
        return new Loss(sum / rows, (double) correct / rows);
    }

    /** The backward pass; with {@code stats}, each piece of a_l gets its squared deviations next to δ_l's piece. */
    private void backward(Pass p, ActivationStats stats) {
        float[] delta = p.dy;
        for (int l = depth + 1; l >= 1; l--) {
            int cols = fanOut(l);
            if (l <= depth) {
                float[] dl = p.d[l];
                float[] g = p.g;
                float[] dz = p.z[l];
                float[] al = p.a[l];
                int n = p.rows * cols;
                int layer = l;
                // with a normalization, g ⊙ φ′ goes back through N into z's buffer, which holds z until then
                float[] into = norms == null ? dz : g;
                parallel.forEach(Chunks.count(n), piece -> {
                    int from = Chunks.from(piece);
                    int to = Chunks.to(piece, n);
                    for (int i = from; i < to; i++) {
                        into[i] = g[i] * dl[i];
                    }
                    if (stats != null) {
                        stats.second(layer, piece, al, from, to);
                    }
                });
                if (norms != null) {
                    norms[l].backward(dz, g, dz, parallel);
                }
                if (residual && l < depth) {
                    float[] after = p.z[l + 1];              // δ_{l+1}, through the skip
                    parallel.forEach(Chunks.count(n), piece -> {
                        for (int i = Chunks.from(piece), to = Chunks.to(piece, n); i < to; i++) {
                            dz[i] += after[i];
                        }
                    });
                }
                delta = dz;
                if (residual && l > 1 && alpha != 1f) {
                    float[] scaled = p.scaled;
                    float s = alpha;
                    parallel.forEach(Chunks.count(n), piece -> {
                        for (int i = Chunks.from(piece), to = Chunks.to(piece, n); i < to; i++) {
                            scaled[i] = s * dz[i];
                        }
                    });
                    delta = scaled;
                }
            }
            float[] in = l == 1 ? p.x : p.a[l - 1];
            gemm.multTransA(in, delta, dw[l], fanIn(l), p.rows, cols);
            if (bias) {
                columnSums(delta, p.rows, cols, db[l]);
            }
            if (l > 1) {
                gemm.multTransB(delta, w[l], p.g, p.rows, cols, fanIn(l));
            }
        }
    }

    /** out[j] = Σ_r m[r, j], each column summed in row order, in double. */
    private void columnSums(float[] m, int rows, int cols, float[] out) {
        int block = 256;
        parallel.forEach((cols + block - 1) / block, piece -> {
            int j0 = piece * block;
            int j1 = Math.min(cols, j0 + block);
            double[] s = new double[j1 - j0];
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                for (int j = j0; j < j1; j++) {
                    s[j - j0] += m[base + j];
                }
            }
            for (int j = j0; j < j1; j++) {
                out[j] = (float) s[j - j0];
            }
        });
    }

    /** The buffers of one row count. z_l holds δ_l after the backward pass. */
    private final class Pass {
        final int rows;
        final float[][] z = new float[depth + 2][];
        final float[][] a = new float[depth + 1][];
        final float[][] d = new float[depth + 1][];
        final float[] dy;
        final float[] g;
        /** N(z_l) with a normalization; α·δ_l for a scaled residual branch. */
        final float[][] n = new float[depth + 1][];
        final float[] scaled;
        float[] x;

        Pass(int rows) {
            this.rows = rows;
            scaled = residual && alpha != 1f ? new float[rows * width] : null;
            for (int l = 1; l <= depth + 1; l++) {
                z[l] = new float[rows * fanOut(l)];
                if (l <= depth) {
                    a[l] = new float[rows * width];
                    d[l] = new float[rows * width];
                    n[l] = norms != null ? new float[rows * width] : null;
                }
            }
            dy = new float[rows * outputs];
            g = new float[rows * width];
        }
    }
}
