package app.initscope.core.nn;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.Kernels;
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
 * <p>Every sum runs in double over a fixed range in a fixed order (the rows of one unit, or the units of one row;
 * LayerNorm's ∂L/∂γ and ∂L/∂β over each piece's rows, then the pieces in order), one piece of {@link Parallel} per
 * block of units or rows, the blocks sized by the shape alone, so the bits do not depend on the thread count, and two
 * units with equal columns of z (and equal γ, β) get equal columns out. A block holds about {@link Chunks#SIZE}
 * values, as the element-wise passes' pieces do: a small layer (the digits recipe's 64 × 256) is one piece, worked
 * on the calling thread, since handing it to a pool thread costs more than the work. The buffers are kept between
 * passes. Not thread-safe: one pass at a time.
 */
public final class Normalization {

    /** Whether {@link VectorNorm} may be loaded. */
    private static final boolean VECTOR = Kernels.vectorApiAvailable();
    /** The running averages' momentum: new = (1 − m)·old + m·batch. */
    public static final double MOMENTUM = 0.1;
    /** The fewest units per piece of BatchNorm's work. */
    private static final int UNITS = 64;
    /** The fewest rows per piece of LayerNorm's work. */
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
    /** The last pass's μ and 1/√(v + ε): per unit (batch) or per row (layer). */
    private double[] mean = new double[0];
    private double[] inverse = new double[0];
    /**
     * γ and β in double, as the last pass read them. With every per-unit array in double and the tensors in float,
     * no loop over a row stores into an array that one of its loads might alias, and the JIT vectorizes them.
     */
    private final double[] scale;
    private final double[] shift;
    /** BatchNorm's per-unit sums (each piece uses its own units' slots), kept between passes. */
    private final double[] first;
    private final double[] second;
    /** LayerNorm's ∂L/∂γ and ∂L/∂β of each piece of rows, added in piece order. */
    private double[][] partialGamma = new double[0][];
    private double[][] partialBeta = new double[0][];
    /** LayerNorm's terms of a row's sums ({@link Lanes}), one row at a time in each piece of rows. */
    private double[][] terms = new double[0][];
    private double[][] products = new double[0][];
    private double[][] laneSums = new double[0][];
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
        scale = new double[width];
        shift = new double[width];
        first = new double[width];
        second = new double[width];
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
     * N(z) with this batch's statistics, which {@link #backward} then uses: {@link #statistics}, then
     * {@link #apply} over {@link Chunks} pieces.
     *
     * @param z       Not modified: rows × width
     * @param out     Modified: N(z); may not be z
     * @param running whether BatchNorm's running averages take this batch in (a training step's pass)
     */
    public void forward(float[] z, float[] out, int rows, boolean running, Parallel parallel) {
        statistics(z, rows, running, parallel);
        applyAll(z, out, parallel);
    }

    /**
     * N(z) for evaluation: BatchNorm with its running averages, LayerNorm as in training. {@link #backward} then
     * goes back through that pass: for BatchNorm a fixed affine map, whose statistics do not depend on z.
     */
    public void forwardEvaluation(float[] z, float[] out, int rows, Parallel parallel) {
        evaluationStatistics(z, rows, parallel);
        applyAll(z, out, parallel);
    }

    /**
     * The first half of {@link #forward}: this batch's μ and 1/√(v + ε), which {@link #apply} and {@link #backward}
     * then use, with γ and β as they are now. A piece holds about {@link Chunks#SIZE} values, so a small layer's
     * statistics take one piece on the calling thread.
     *
     * @param z       Not modified: rows × width
     * @param running whether BatchNorm's running averages take this batch in (a training step's pass)
     */
    public void statistics(float[] z, int rows, boolean running, Parallel parallel) {
        start(rows, false);
        if (norm == Norm.BATCH) {
            int units = unitsPerPiece(rows);
            parallel.forEach(blocks(width, units), p -> batchStatistics(z, rows, p * units,
                    Math.min(width, (p + 1) * units), running));
        } else {
            int block = rowsPerPiece();
            parallel.forEach(blocks(rows, block), p -> layerStatistics(z, p, p * block,
                    Math.min(rows, (p + 1) * block)));
        }
    }

    /** The first half of {@link #forwardEvaluation}: BatchNorm's running averages, LayerNorm's {@link #statistics}. */
    public void evaluationStatistics(float[] z, int rows, Parallel parallel) {
        if (norm == Norm.LAYER) {
            statistics(z, rows, false, parallel);
            return;
        }
        start(rows, true);
        for (int j = 0; j < width; j++) {
            mean[j] = runningMean[j];
            inverse[j] = 1.0 / Math.sqrt(runningVariance[j] + Norm.EPSILON);
        }
    }

    private void start(int rows, boolean evaluation) {
        this.rows = rows;
        this.evaluated = evaluation;
        int n = norm == Norm.BATCH ? width : rows;
        if (mean.length < n) {
            mean = new double[n];
            inverse = new double[n];
        }
        int pieces = norm == Norm.LAYER ? blocks(rows, rowsPerPiece()) : 0;
        if (partialGamma.length < pieces) {
            partialGamma = new double[pieces][width];
            partialBeta = new double[pieces][width];
            terms = new double[pieces][width];
            products = new double[pieces][width];
            laneSums = new double[pieces][Lanes.LANES];
        }
        for (int j = 0; j < width; j++) {
            scale[j] = gamma[j];
            shift[j] = beta[j];
        }
    }

    /**
     * The second half of a forward pass: out = γ·(z − μ)·inv + β over the flat range [from, to) of z (any range: a
     * {@link Chunks} piece), with the statistics of the last {@link #statistics} or {@link #evaluationStatistics},
     * in double. Pieces that write disjoint ranges may run at once.
     *
     * @param z   Not modified
     * @param out Modified in [from, to); may not be z
     */
    public void apply(float[] z, float[] out, int from, int to) {
        boolean perRow = norm == Norm.LAYER;
        for (int i = from / width, start = from; start < to; i++) {
            int row = i * width;
            int j0 = start - row;
            int j1 = Math.min(width, to - row);
            if (perRow) {
                double m = mean[i];
                double s = inverse[i];
                for (int j = j0; j < j1; j++) {
                    out[row + j] = (float) (scale[j] * ((z[row + j] - m) * s) + shift[j]);
                }
            } else {
                int j = VECTOR ? VectorNorm.applyUnits(z, out, row, j0, j1, mean, inverse, scale, shift) : j0;
                for (; j < j1; j++) {
                    out[row + j] = (float) (scale[j] * ((z[row + j] - mean[j]) * inverse[j]) + shift[j]);
                }
            }
            start = row + width;
        }
    }

    private void applyAll(float[] z, float[] out, Parallel parallel) {
        int n = rows * width;
        parallel.forEach(Chunks.count(n), p -> apply(z, out, Chunks.from(p), Chunks.to(p, n)));
    }

    /**
     * ∂L/∂z from ∂L/∂N(z), through the statistics of the last {@link #forward} (or {@link #forwardEvaluation});
     * sets ∂L/∂γ and ∂L/∂β. One pass of pieces: BatchNorm's by units, each reading its columns twice (the sums,
     * then ∂L/∂z); LayerNorm's by rows, each reading a row twice and adding its part of ∂L/∂γ and ∂L/∂β into the
     * piece's own sums, which are then added in piece order.
     *
     * @param z    Not modified, unless it is dz: the z of the last forward pass
     * @param dOut Not modified, unless it is dz: ∂L/∂N(z)
     * @param dz   Modified: ∂L/∂z; may be z or dOut (each element is read before it is written)
     */
    public void backward(float[] z, float[] dOut, float[] dz, Parallel parallel) {
        int n = rows;
        for (int j = 0; j < width; j++) {
            scale[j] = gamma[j];
        }
        if (norm == Norm.BATCH) {
            int units = unitsPerPiece(n);
            parallel.forEach(blocks(width, units), p -> batchBackward(z, dOut, dz, n, p * units,
                    Math.min(width, (p + 1) * units)));
            return;
        }
        int block = rowsPerPiece();
        int pieces = blocks(n, block);
        parallel.forEach(pieces, p -> layerBackward(z, dOut, dz, p, p * block, Math.min(n, (p + 1) * block)));
        for (int j = 0; j < width; j++) {
            double dg = 0;
            double db = 0;
            for (int p = 0; p < pieces; p++) {
                dg += partialGamma[p][j];
                db += partialBeta[p][j];
            }
            gammaGradient[j] = (float) dg;
            betaGradient[j] = (float) db;
        }
    }

    private static int blocks(int n, int size) {
        return (n + size - 1) / size;
    }

    /** BatchNorm's units per piece: a multiple of 16 with about {@link Chunks#SIZE} values, at least {@value UNITS}. */
    private static int unitsPerPiece(int rows) {
        return Math.max(UNITS, Chunks.SIZE / Math.max(1, rows) & ~15);
    }

    /** LayerNorm's rows per piece: about {@link Chunks#SIZE} values, at least {@value ROWS}. */
    private int rowsPerPiece() {
        return Math.max(ROWS, Chunks.SIZE / width);
    }

    /** Units [from, to): μ, 1/√(v + ε) and the running averages, with the sums in {@link #first}'s slots. */
    private void batchStatistics(float[] z, int n, int from, int to, boolean running) {
        double[] sum = first;
        Arrays.fill(sum, from, to, 0.0);
        for (int i = 0; i < n; i++) {
            int row = i * width;
            for (int j = from; j < to; j++) {
                sum[j] += z[row + j];
            }
        }
        for (int j = from; j < to; j++) {
            mean[j] = sum[j] / n;
            sum[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            int row = i * width;
            for (int j = from; j < to; j++) {
                double d = z[row + j] - mean[j];
                sum[j] += d * d;
            }
        }
        for (int j = from; j < to; j++) {
            double v = sum[j] / n;
            inverse[j] = 1.0 / Math.sqrt(v + Norm.EPSILON);
            if (running) {
                double unbiased = n > 1 ? sum[j] / (n - 1) : v;
                runningMean[j] = (float) ((1 - MOMENTUM) * runningMean[j] + MOMENTUM * mean[j]);
                runningVariance[j] = (float) ((1 - MOMENTUM) * runningVariance[j] + MOMENTUM * unbiased);
            }
        }
    }

    /** Rows [from, to), each through the row's own slots of {@link #terms}: Σ z, then Σ (z − μ)². */
    private void layerStatistics(float[] z, int p, int from, int to) {
        double[] t = terms[p];
        double[] lanes = laneSums[p];
        for (int i = from; i < to; i++) {
            int row = i * width;
            for (int j = 0; j < width; j++) {
                t[j] = z[row + j];
            }
            double mu = Lanes.sum(t, width, lanes) / width;
            for (int j = 0; j < width; j++) {
                double d = z[row + j] - mu;
                t[j] = d * d;
            }
            mean[i] = mu;
            inverse[i] = 1.0 / Math.sqrt(Lanes.sum(t, width, lanes) / width + Norm.EPSILON);
        }
    }

    /**
     * Units [from, to): ∂L/∂γ = Σ dOut·ẑ and ∂L/∂β = Σ dOut in the first read of the columns, then ∂L/∂z from
     * mean(g) = γ·∂L/∂β/n and mean(g·ẑ) = γ·∂L/∂γ/n, g = dOut·γ; after an evaluation pass, dOut·γ·inv.
     */
    private void batchBackward(float[] z, float[] dOut, float[] dz, int n, int from, int to) {
        double[] dg = first;
        double[] db = second;
        Arrays.fill(dg, from, to, 0.0);
        Arrays.fill(db, from, to, 0.0);
        for (int i = 0; i < n; i++) {
            int row = i * width;
            for (int j = from; j < to; j++) {
                double d = dOut[row + j];
                dg[j] += d * ((z[row + j] - mean[j]) * inverse[j]);
                db[j] += d;
            }
        }
        for (int j = from; j < to; j++) {
            gammaGradient[j] = (float) dg[j];
            betaGradient[j] = (float) db[j];
        }
        if (evaluated) {
            // the running averages are constants: N is the affine map γ·(z − μ)/√(v + ε) + β
            for (int i = 0; i < n; i++) {
                int row = i * width;
                for (int j = from; j < to; j++) {
                    dz[row + j] = (float) (dOut[row + j] * scale[j] * inverse[j]);
                }
            }
            return;
        }
        for (int j = from; j < to; j++) {
            db[j] = scale[j] * db[j] / n;       // mean(g)
            dg[j] = scale[j] * dg[j] / n;       // mean(g·ẑ)
        }
        for (int i = 0; i < n; i++) {
            int row = i * width;
            int j = VECTOR ? VectorNorm.backwardUnits(z, dOut, dz, row, from, to, mean, inverse, scale, db, dg) : from;
            for (; j < to; j++) {
                double hat = (z[row + j] - mean[j]) * inverse[j];
                dz[row + j] = (float) ((dOut[row + j] * scale[j] - db[j] - hat * dg[j]) * inverse[j]);
            }
        }
    }

    /** Rows [from, to) of piece p: ∂L/∂z row by row, and the rows' part of ∂L/∂γ and ∂L/∂β into p's sums. */
    private void layerBackward(float[] z, float[] dOut, float[] dz, int p, int from, int to) {
        double[] pg = partialGamma[p];
        double[] pb = partialBeta[p];
        double[] t = terms[p];
        double[] u = products[p];
        double[] lanes = laneSums[p];
        Arrays.fill(pg, 0.0);
        Arrays.fill(pb, 0.0);
        for (int i = from; i < to; i++) {
            int row = i * width;
            double m = mean[i];
            double s = inverse[i];
            for (int j = 0; j < width; j++) {
                double d = dOut[row + j];
                double hat = (z[row + j] - m) * s;
                pg[j] += d * hat;
                pb[j] += d;
                double g = d * scale[j];
                t[j] = g;
                u[j] = g * hat;
            }
            double s1 = Lanes.sum(t, width, lanes) / width;         // mean(g), g = dOut·γ
            double s2 = Lanes.sum(u, width, lanes) / width;         // mean(g·ẑ)
            for (int j = 0; j < width; j++) {
                double hat = (z[row + j] - m) * s;
                dz[row + j] = (float) ((dOut[row + j] * scale[j] - s1 - hat * s2) * s);
            }
        }
    }
}
