package app.initscope.core.experiment;

import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Norm;
import java.util.Locale;

/** How much memory a config needs, estimated before anything is allocated. */
public final class MemoryEstimate {

    /** The share of the maximum heap a run may take. */
    public static final double HEAP_SHARE = 0.75;
    private static final long OVERHEAD = 32L << 20;
    private static final long REPORT_BYTES_PER_BIN = 64;
    private static final long REPORT_BYTES_PER_TENSOR = 1024;

    private MemoryEstimate() {
    }

    /**
     * The bytes of the float32 buffers a run holds at once: input, targets, outputs, and per layer the weights,
     * their gradient, z (reused for δ), a and φ′ (and N(z) with a normalization), plus the backward buffer, the kernel's scratch and, for the
     * orthogonal strategy (and LSUV, which starts from it), EJML's double-precision QR of the largest layer.
     */
    public static long bytes(ExperimentConfig c) {
        long s = c.samples();
        long w = c.width();
        long floats = s * c.fanIn() + 3 * s * c.outputs() + w * c.outputs() * 2;
        for (int l = 1; l <= c.depth(); l++) {
            long in = c.layerFanIn(l);
            floats += 2 * in * w + 3 * s * w;
        }
        long widest = Math.max((long) c.fanIn(), w);
        floats += s * w;                                    // g, the gradient flowing back
        if (c.norm() != Norm.NONE) {
            floats += c.depth() * s * w;                    // N(z_l) of every layer
        }
        if (c.residual().on() && c.depth() > 1 && c.residual().alpha(c.depth()) != 1) {
            floats += s * w;                                // α·δ for the branch's products
        }
        floats += widest * w;                               // transpose scratch of A·Bᵀ
        floats += 2 * s * widest;                           // the kernel's packed copies of A and B
        long bytes = floats * Float.BYTES;
        if (c.strategies().contains(Strategy.ORTHOGONAL) || c.strategies().contains(Strategy.LSUV)) {
            bytes += 5L * Double.BYTES * widest * w;        // EJML's double QR: G, Q, R and work arrays
        }
        return bytes + OVERHEAD;
    }

    /**
     * The bytes a JSON or CSV report of a run takes while it is built and written: per strategy, layer and tensor,
     * its histogram's counts as tree nodes and as text (about 64 bytes a bin, measured on the JSON writer), plus the
     * fixed fields.
     */
    public static long reportBytes(ExperimentConfig c) {
        long tensors = (long) c.strategies().size() * c.depth() * TensorKind.values().length;
        return tensors * (REPORT_BYTES_PER_BIN * c.bins() + REPORT_BYTES_PER_TENSOR);
    }

    /**
     * The further bytes of the {@linkplain JacobianSpectrum Jacobian spectrum} at {@code inputs} inputs: every
     * input's Jᵀ in float, and for each SVD running at once (at most {@code parallelism}) a double copy and EJML's
     * own working copy.
     */
    public static long jacobianBytes(ExperimentConfig c, int inputs, int parallelism) {
        long size = (long) c.fanIn() * c.width();
        int k = Math.min(inputs, c.samples());
        return k == 0 ? 0 : (k + 1) * size * Float.BYTES + 2L * Math.min(k, parallelism) * size * Double.BYTES;
    }

    /**
     * Refuses a config that needs more than {@link #HEAP_SHARE} of {@code maxHeapBytes}.
     *
     * @throws InvalidConfigException naming the estimate and the limit
     */
    public static void check(ExperimentConfig c, long maxHeapBytes) {
        check(c, maxHeapBytes, false, 0);
    }

    /**
     * Refuses a config that, with {@code extraBytes} more (a {@linkplain #jacobianBytes Jacobian spectrum}), needs
     * more than {@link #HEAP_SHARE} of {@code maxHeapBytes}.
     *
     * @throws InvalidConfigException naming the estimate and the limit
     */
    public static void check(ExperimentConfig c, long maxHeapBytes, long extraBytes) {
        check(c, maxHeapBytes, false, extraBytes);
    }

    /**
     * Refuses a config whose run, and with {@code report} its JSON or CSV report, and {@code extraBytes} more,
     * needs more than {@link #HEAP_SHARE} of {@code maxHeapBytes}; the message names what to reduce, the bins
     * when the report is the larger part.
     *
     * @throws InvalidConfigException naming the estimate and the limit
     */
    public static void check(ExperimentConfig c, long maxHeapBytes, boolean report, long extraBytes) {
        long run = bytes(c) + extraBytes;
        long text = report ? reportBytes(c) : 0;
        long need = run + text;
        long limit = (long) (maxHeapBytes * HEAP_SHARE);
        if (need > limit) {
            String reduce = text > run ? "reduce bins, strategies or depth (the report holds every histogram)"
                    : "reduce samples, width, fan-in or depth";
            throw new InvalidConfigException("memory", String.format(Locale.ROOT,
                    "this config needs about %s but at most %s may be used (75%% of the %s heap); %s",
                    human(need), human(limit), human(maxHeapBytes), reduce));
        }
    }

    /** A size in MiB or GiB. */
    public static String human(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024 ? String.format(Locale.ROOT, "%.1f GiB", mib / 1024) : String.format(Locale.ROOT,
                "%.0f MiB", mib);
    }
}
