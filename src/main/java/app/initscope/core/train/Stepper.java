package app.initscope.core.train;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.DistinctColumns;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Normalization;
import app.initscope.core.stats.PieceStd;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One strategy's network in training: each {@link #step} draws the step's batch, runs the forward and backward
 * passes, updates every parameter, and returns the step's record ({@link StepRecord}, {@link LayerStep}).
 *
 * <p>The record's statistics are computed inside the passes that already read each tensor, on the same
 * {@link Chunks} pieces as the element-wise work: the activation's moments, zeros and saturation as φ fills each
 * piece of a_l and its squared deviations next to δ_l ({@link ActivationStats}); std(W_l), std(∂L/∂W_l) and
 * std(ΔW_l) in the optimizer's pass over W_l ({@link PieceStd}); the distinct units by column hashes
 * ({@link DistinctColumns}). Every statistic is summed in the order {@code Summary} sums it, so the records are the
 * same bits as summarizing each tensor apart, on any thread count. The buffers live as long as the stepper: a step
 * allocates only its record. Made by {@link Trainer#stepper}; not thread-safe.
 */
public final class Stepper {

    private final Mlp mlp;
    private final TrainConfig train;
    private final Dataset.Split set;
    private final RandomStreams random;
    private final Parallel parallel;
    private final int batch;
    private final boolean full;
    private final int in;
    private final int outs;
    private final float[] bx;
    private final float[] bt;
    private final int[] bl;
    private final float[][] s1;
    private final float[][] s2;
    private final float[][] bs1;
    private final float[][] bs2;
    /** The optimizer's state for each normalized layer's γ and β: [layer][0: γ, 1: β][state 1 or 2]. */
    private final float[][][][] ns;
    private final float[] delta;
    private final ActivationStats stats;
    private final PieceStd weightStd = new PieceStd();
    private final PieceStd gradStd = new PieceStd();
    private final PieceStd updateStd = new PieceStd();
    private final DistinctColumns distinct = new DistinctColumns();

    /**
     * @param mlp        the initialized network; its weights are updated in place
     * @param activation the hidden layers' activation (for the saturation test)
     * @param random     the seed's streams, for the batches
     * @param batch      rows per step, at most the training set's
     * @param parallel   how to split the work (a cancellable one stops a step between pieces)
     */
    Stepper(Mlp mlp, Activation activation, TrainConfig train, Dataset data, RandomStreams random, int batch,
            Parallel parallel) {
        this.mlp = mlp;
        this.train = train;
        this.set = data.train();
        this.random = random;
        this.parallel = parallel;
        this.batch = batch;
        this.full = batch == set.rows();
        this.in = data.inputs();
        this.outs = data.outputs();
        bx = full ? set.x() : new float[batch * in];
        bt = full || set.targets() == null ? set.targets() : new float[batch * outs];
        bl = full || set.labels() == null ? set.labels() : new int[batch];
        int layers = mlp.depth() + 1;
        s1 = new float[layers + 1][];
        s2 = new float[layers + 1][];
        bs1 = new float[layers + 1][];
        bs2 = new float[layers + 1][];
        int largest = 0;
        for (int l = 1; l <= layers; l++) {
            int n = mlp.weights(l).length;
            int m = mlp.fanOut(l);
            if (train.optimizer().stateArrays() >= 1) {
                s1[l] = new float[n];
                bs1[l] = train.bias() ? new float[m] : null;
            }
            if (train.optimizer().stateArrays() >= 2) {
                s2[l] = new float[n];
                bs2[l] = train.bias() ? new float[m] : null;
            }
            largest = Math.max(largest, Math.max(n, m));
        }
        delta = new float[largest];
        stats = new ActivationStats(mlp.depth(), activation);
        ns = new float[layers][][][];
        for (int l = 1; l < layers; l++) {
            if (mlp.normalization(l) != null) {
                ns[l] = new float[2][2][];
                for (int k = 0; k < train.optimizer().stateArrays(); k++) {
                    ns[l][0][k] = new float[mlp.width()];
                    ns[l][1][k] = new float[mlp.width()];
                }
            }
        }
    }

    /** The network being trained (live). */
    Mlp mlp() {
        return mlp;
    }

    /** Rows per step. */
    public int batch() {
        return batch;
    }

    /**
     * Makes step {@code s} (0, 1, …): the batch's loss and gradients, the update, and the record of the layers
     * before the update. A loss that is NaN or infinite updates nothing and gives a record without layers.
     */
    public StepRecord step(int s) {
        if (!full) {
            drawBatch(random.generator(Trainer.BATCH_STREAM, s));
        }
        Mlp.Loss loss = mlp.lossAndGradients(bx, bt, bl, batch, stats);
        if (!Double.isFinite(loss.loss())) {
            return new StepRecord(s, loss.loss(), loss.accuracy(), List.of());
        }
        int depth = mlp.depth();
        int width = mlp.width();
        List<LayerStep> layers = new ArrayList<>(depth);
        for (int l = 1; l <= depth + 1; l++) {
            float[] w = mlp.weights(l);
            int n = w.length;
            if (l <= depth) {
                updateRecorded(w, mlp.weightGradient(l), s1[l], s2[l], n, s + 1);
                double ws = weightStd.value(n);
                double gs = gradStd.value(n);
                double us = updateStd.value(n);
                float[] a = mlp.activation(l, batch);
                layers.add(new LayerStep(l, ws, gs / ws, Math.log10(us / ws), stats.std(l),
                        stats.saturatedFraction(l), stats.zeroFraction(l),
                        distinct.count(a, batch, width, parallel)));
            } else {
                update(w, mlp.weightGradient(l), s1[l], s2[l], n, s + 1);
            }
            if (train.bias()) {
                float[] b = mlp.biases(l);
                update(b, mlp.biasGradient(l), bs1[l], bs2[l], b.length, s + 1);
            }
            Normalization norm = l <= depth ? mlp.normalization(l) : null;
            if (norm != null) {
                float[][][] state = ns[l];
                update(norm.affine().gamma(), norm.gradients().gamma(), state[0][0], state[0][1], width, s + 1);
                update(norm.affine().beta(), norm.gradients().beta(), state[1][0], state[1][1], width, s + 1);
            }
        }
        return new StepRecord(s, loss.loss(), loss.accuracy(), layers);
    }

    /** The optimizer's update of p[0, n), each piece also summing std(p) before it, std(g) and std(Δp). */
    private void updateRecorded(float[] p, float[] g, float[] v1, float[] v2, int n, int t) {
        Optimizer optimizer = train.optimizer();
        double lr = train.lr();
        weightStd.reset(n);
        gradStd.reset(n);
        updateStd.reset(n);
        parallel.forEach(Chunks.count(n), piece -> {
            int from = Chunks.from(piece);
            int to = Chunks.to(piece, n);
            if (optimizer == Optimizer.SGD) {
                sgd(piece, p, g, delta, lr, weightStd, gradStd, updateStd, from, to);
            } else {
                weightStd.pieces(piece, p, gradStd, g, from, to);
                optimizer.update(p, g, v1, v2, delta, lr, t, from, to);
                updateStd.piece(piece, delta, from, to);
            }
        });
    }

    /**
     * SGD's update of {@code p[from, to)} (as {@link Optimizer#update} makes it: p ← (float) (p − lr·g),
     * Δ = p_new − p_old in float, written into {@code delta}), with the pieces of std(p) before the update in
     * {@code weight}, std(g) in {@code grad} and std(Δ) in {@code change}, all in one loop: the same values as
     * {@link PieceStd#pieces} before the update and {@link PieceStd#piece} of Δ after it, in a third less time.
     */
    static void sgd(int piece, float[] p, float[] g, float[] delta, double lr, PieceStd weight, PieceStd grad,
                    PieceStd change, int from, int to) {
        float first = p[from];
        double kp = first;
        double kg = g[from];
        double kd = (float) (first - lr * g[from]) - first;
        double sp = 0;
        double qp = 0;
        double sg = 0;
        double qg = 0;
        double sd = 0;
        double qd = 0;
        for (int i = from; i < to; i++) {
            float old = p[i];
            float gi = g[i];
            float updated = (float) (old - lr * gi);
            float d = updated - old;
            p[i] = updated;
            delta[i] = d;
            double dp = old - kp;
            double dg = gi - kg;
            double dd = d - kd;
            sp += dp;
            qp += dp * dp;
            sg += dg;
            qg += dg * dg;
            sd += dd;
            qd += dd * dd;
        }
        weight.set(piece, kp, sp, qp);
        grad.set(piece, kg, sg, qg);
        change.set(piece, kd, sd, qd);
    }

    private void update(float[] p, float[] g, float[] v1, float[] v2, int n, int t) {
        Optimizer optimizer = train.optimizer();
        double lr = train.lr();
        parallel.forEach(Chunks.count(n), piece ->
                optimizer.update(p, g, v1, v2, delta, lr, t, Chunks.from(piece), Chunks.to(piece, n)));
    }

    private void drawBatch(SplittableRandom rng) {
        for (int i = 0; i < batch; i++) {
            int row = rng.nextInt(set.rows());
            System.arraycopy(set.x(), row * in, bx, i * in, in);
            if (bt != null) {
                System.arraycopy(set.targets(), row * outs, bt, i * outs, outs);
            }
            if (bl != null) {
                bl[i] = set.labels()[row];
            }
        }
    }
}
