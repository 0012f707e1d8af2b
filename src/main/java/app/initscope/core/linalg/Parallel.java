package app.initscope.core.linalg;

import java.util.function.IntConsumer;

/**
 * Runs independent, indexed pieces of work, possibly at the same time.
 *
 * <p>{@code core} never creates threads: whoever owns threads (the {@code service} package) passes an
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
}
