package app.initscope.core.linalg;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reproducible random numbers, filled in parallel.
 *
 * <p>Each tensor draws from its own stream (a seed and a stream id), and each fixed-size piece of it from its
 * own generator, whose seed is a hash of (seed, stream, piece). The numbers therefore depend only on the seed,
 * the stream and the index, never on the thread count.
 */
public final class RandomStreams {

    private final long seed;
    /** The standard normals of each stream drawn so far, by stream id; null when nothing is remembered. */
    private final Map<Long, double[]> remembered;
    /** The bytes {@link #remembered} may still take. */
    private long rememberBytes;

    /** @param seed the experiment's seed */
    public RandomStreams(long seed) {
        this(seed, null, 0);
    }

    private RandomStreams(long seed, Map<Long, double[]> remembered, long rememberBytes) {
        this.seed = seed;
        this.remembered = remembered;
        this.rememberBytes = rememberBytes;
    }

    /**
     * The same streams (every number is the same), remembering the standard normals that Gaussian fills draw, up to
     * {@code maxBytes} (8 bytes a value): a fill of a stream already drawn, at any std, then only scales them. The
     * experiment draws each layer's weights once per strategy from the same stream at a different std, and a normal
     * draw costs about 15 times the scaling. Fills beyond the budget draw as usual. Not thread-safe: one caller,
     * whose fills run their pieces on any threads.
     */
    public RandomStreams rememberingGaussians(long maxBytes) {
        return new RandomStreams(seed, new HashMap<>(), maxBytes);
    }

    /** The experiment's seed. */
    public long seed() {
        return seed;
    }

    /**
     * Fills {@code out[0, n)} with N(0, std²).
     *
     * @param out    Modified
     * @param stream an id that keeps this tensor's numbers apart from every other tensor's
     */
    public void fillGaussian(float[] out, int n, double std, long stream, Parallel parallel) {
        if (remembered != null) {
            double[] normals = remembered.get(stream);
            if (normals == null && 8L * n <= rememberBytes) {
                double[] fresh = new double[n];
                parallel.forEach(Chunks.count(n), piece -> {
                    SplittableRandom rng = generator(stream, piece);
                    for (int i = Chunks.from(piece), end = Chunks.to(piece, n); i < end; i++) {
                        fresh[i] = rng.nextGaussian();
                    }
                });
                remembered.put(stream, fresh);
                rememberBytes -= 8L * n;
                normals = fresh;
            }
            // a piece's numbers do not depend on n, so a longer draw of the stream holds a shorter one's
            if (normals != null && normals.length >= n) {
                double[] g = normals;
                parallel.forEach(Chunks.count(n), piece -> {
                    for (int i = Chunks.from(piece), end = Chunks.to(piece, n); i < end; i++) {
                        out[i] = (float) (std * g[i]);
                    }
                });
                return;
            }
        }
        parallel.forEach(Chunks.count(n), piece -> {
            SplittableRandom rng = generator(stream, piece);
            for (int i = Chunks.from(piece), end = Chunks.to(piece, n); i < end; i++) {
                out[i] = (float) (std * rng.nextGaussian());
            }
        });
    }

    /**
     * Fills {@code out[0, n)} with U(−bound, bound).
     *
     * @param out Modified
     */
    public void fillUniform(float[] out, int n, double bound, long stream, Parallel parallel) {
        parallel.forEach(Chunks.count(n), piece -> {
            SplittableRandom rng = generator(stream, piece);
            for (int i = Chunks.from(piece), end = Chunks.to(piece, n); i < end; i++) {
                out[i] = (float) (bound * (2.0 * rng.nextDouble() - 1.0));
            }
        });
    }

    /** A generator for one piece of one stream. */
    public SplittableRandom generator(long stream, long piece) {
        return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * (stream + 1)) + piece));
    }

    /** SplitMix64's finalizer: a bijective 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
