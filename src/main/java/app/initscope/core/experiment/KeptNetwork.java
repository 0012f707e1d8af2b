package app.initscope.core.experiment;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Network;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The network of a runner's last run, with its matrix kernel, kept for the next run of the same shape: a run at the
 * seed size otherwise allocates (and the JVM zeroes) some 36 MB of buffers on the calling thread, the network's
 * tensors and the kernel's packing scratch, before it computes anything. Only buffers are kept, never numbers: every
 * run draws its data, initializes its weights and writes every tensor before reading it, as on a new network.
 *
 * <p>The network and its kernel are built on a {@link Relay}, which each run points at its own cancellable
 * {@link Parallel}. One run at a time holds the kept network; a run that starts meanwhile builds its own. A network
 * with a normalization (whose running statistics would carry over) is never kept, nor one that takes more than
 * {@link #MAX_HEAP_SHARE} of the heap.
 */
final class KeptNetwork {

    /** The largest share of the heap a kept network may hold between runs. */
    static final double MAX_HEAP_SHARE = 0.125;

    /** A network, the parallel it and its kernel run on, the config values it was built for, and its size. */
    record Held(Network network, Relay relay, Shape shape, long bytes) {
    }

    /** Everything a network's buffers and behaviour are made from. */
    record Shape(int samples, int fanIn, int width, int depth, int outputs, Activation activation, double leakySlope,
                 Norm norm, Residual residual) {

        static Shape of(ExperimentConfig c) {
            return new Shape(c.samples(), c.fanIn(), c.width(), c.depth(), c.outputs(), c.activation(),
                    c.leakySlope(), c.norm(), c.residual());
        }
    }

    private final AtomicReference<Held> kept = new AtomicReference<>();
    private final long maxHeapBytes;

    KeptNetwork(long maxHeapBytes) {
        this.maxHeapBytes = maxHeapBytes;
    }

    /**
     * The kept network if it was built for this config's shape, else a new one from {@code build} (the kept one, of
     * another shape, is let go first), either way running on {@code par} until {@link #give}n back.
     */
    Held take(ExperimentConfig config, Parallel par, Function<Parallel, Network> build) {
        Shape shape = Shape.of(config);
        Held held = kept.getAndSet(null);
        if (held == null || !held.shape().equals(shape)) {
            held = null;                                   // let the other shape's buffers go before allocating
            Relay relay = new Relay();
            relay.target = par;
            return new Held(build.apply(relay), relay, shape, MemoryEstimate.bytes(config));
        }
        held.relay().target = par;
        return held;
    }

    /** Keeps the network of a run that has ended (normally or not) for the next run, if it may be kept. */
    void give(Held held) {
        held.relay().target = Parallel.sequential();      // the run's parallel and its cancel check are not kept
        if (held.shape().norm() == Norm.NONE && held.bytes() <= maxHeapBytes * MAX_HEAP_SHARE) {
            kept.set(held);
        }
    }

    /** Hands every call to the parallel of the run that holds the network. */
    static final class Relay implements Parallel {
        private volatile Parallel target = Parallel.sequential();

        @Override
        public int parallelism() {
            return target.parallelism();
        }

        @Override
        public void forEach(int pieces, IntConsumer body) {
            target.forEach(pieces, body);
        }

        @Override
        public Parallel cancellable(BooleanSupplier cancelled) {
            return target.cancellable(cancelled);
        }

        @Override
        public void checkpoint() {
            target.checkpoint();
        }
    }
}
