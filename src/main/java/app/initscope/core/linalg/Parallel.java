package app.initscope.core.linalg;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Runs independent, indexed pieces of work, possibly at the same time.
 *
 * <p>{@code core} never creates threads: whoever owns threads (the {@code engine} package) passes an
 * implementation in. Callers must split work so that the result does not depend on which piece runs on which
 * thread or in which order: every piece writes its own disjoint part of the output, and any reduction over
 * pieces is done afterwards, by the caller, in piece order.
 */
public interface Parallel {

    /** How many pieces may run at once; at least 1. */
    int parallelism();

    /**
     * Runs {@code body.accept(i)} for every {@code i} in {@code [0, pieces)} and returns when all are done.
     * An exception thrown by a piece is rethrown here (unchecked) after the other pieces finished.
     *
     * @param pieces the number of pieces; 0 does nothing
     * @param body   the work of one piece; must only write state owned by that piece
     */
    void forEach(int pieces, IntConsumer body);

    /**
     * This parallel with a cancel check before every piece: once {@code cancelled} turns true, no further piece
     * starts, and {@link #forEach} throws {@link CancellationException} after the pieces already running end.
     * Work split into short pieces (a row block of a product, a {@link Chunks} piece of elementwise work) so
     * stops within a piece's time, however large the whole. Which pieces run never changes what a piece computes,
     * so a run that is not cancelled gives the same bits as without the check.
     *
     * @param cancelled polled before each piece, from any thread; must be cheap (a volatile read)
     */
    default Parallel cancellable(BooleanSupplier cancelled) {
        return new Cancellable(this, cancelled);
    }

    /**
     * A cancel point for long steps that do not run through {@link #forEach} (a QR decomposition's column
     * updates): throws {@link CancellationException} when this parallel is {@linkplain #cancellable cancelled},
     * and does nothing otherwise.
     */
    default void checkpoint() {
    }

    /** Runs every piece on the calling thread, in order. */
    static Parallel sequential() {
        return Sequential.INSTANCE;
    }

    /** The single-threaded implementation. */
    enum Sequential implements Parallel {
        INSTANCE;

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public void forEach(int pieces, IntConsumer body) {
            for (int i = 0; i < pieces; i++) {
                body.accept(i);
            }
        }
    }

    /**
     * See {@link Parallel#cancellable}.
     *
     * @param inner     runs the pieces
     * @param cancelled polled before each piece
     */
    record Cancellable(Parallel inner, BooleanSupplier cancelled) implements Parallel {

        @Override
        public int parallelism() {
            return inner.parallelism();
        }

        @Override
        public void forEach(int pieces, IntConsumer body) {
            check();
            inner.forEach(pieces, i -> {
                check();
                body.accept(i);
            });
        }

        @Override
        public Parallel cancellable(BooleanSupplier more) {
            return new Cancellable(inner, () -> cancelled.getAsBoolean() || more.getAsBoolean());
        }

        @Override
        public void checkpoint() {
            check();
            inner.checkpoint();
        }

        private void check() {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
        }
    }
}
