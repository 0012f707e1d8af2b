package app.initscope.engine;

import app.initscope.core.linalg.Parallel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Counts the work a job does after its cancel, in the units the code controls: the pieces of a
 * {@link Parallel#forEach} (a row block of a product, a chunk of elementwise work) and the cancel points of long
 * steps ({@link Parallel#checkpoint}, one per column of a QR decomposition). Wrapped around the compute pool
 * ({@link Engine#Engine(int, java.util.function.UnaryOperator)}), it sits inside the runner's cancel check, so it
 * sees a piece only once the piece got past that check.
 *
 * <p>Once {@linkplain #arm armed}, it sends the cancel itself from inside a long call: when a piece of a call with
 * at least {@code minPieces} pieces ends and others of that call are still to come. So the cancel lands inside the
 * work whatever the machine's load, and the counts below do not depend on timing.
 */
final class PieceCounter implements Parallel {

    private final Parallel inner;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile Runnable sendCancel;
    private volatile int minPieces;
    private volatile boolean cancelSent;
    private volatile boolean counting;

    /** Pieces and cancel points reached after the cancel was sent: started before it, or not at all. */
    final AtomicInteger piecesEndedAfterCancel = new AtomicInteger();
    final AtomicInteger piecesStartedAfterCancel = new AtomicInteger();
    final AtomicInteger callsStartedAfterCancel = new AtomicInteger();
    final AtomicInteger checkpointsAfterCancel = new AtomicInteger();
    final AtomicInteger checkpoints = new AtomicInteger();
    /** The pieces of the call inside which the cancel was sent, 0 until then. */
    final AtomicInteger piecesOfCancelledCall = new AtomicInteger();

    PieceCounter(Parallel inner) {
        this.inner = inner;
    }

    /**
     * Sends {@code cancel} (once) when a piece of a call of at least {@code minPieces} pieces ends with more of the
     * call to come, or at a cancel point when {@code minPieces} is 0.
     */
    void arm(int minPieces, Runnable cancel) {
        for (AtomicInteger count : List.of(piecesEndedAfterCancel, piecesStartedAfterCancel, callsStartedAfterCancel,
                checkpointsAfterCancel, checkpoints, piecesOfCancelledCall)) {
            count.set(0);
        }
        cancelSent = false;
        this.minPieces = minPieces;
        this.sendCancel = cancel;
        counting = true;
        armed.set(true);
    }

    /** Stops counting: the cancelled job has ended, and what runs next is another job's work. */
    void freeze() {
        counting = false;
        armed.set(false);
    }

    boolean cancelSent() {
        return cancelSent;
    }

    @Override
    public int parallelism() {
        return inner.parallelism();
    }

    @Override
    public void forEach(int pieces, IntConsumer body) {
        if (!counting) {
            inner.forEach(pieces, body);
            return;
        }
        if (cancelSent) {
            callsStartedAfterCancel.incrementAndGet();
        }
        AtomicInteger ended = new AtomicInteger();
        inner.forEach(pieces, i -> {
            boolean afterCancel = cancelSent;
            body.accept(i);                 // the runner's cancel check, then the piece's work
            if (afterCancel) {
                piecesStartedAfterCancel.incrementAndGet();
            } else if (cancelSent) {
                piecesEndedAfterCancel.incrementAndGet();
            }
            if (ended.incrementAndGet() < pieces && minPieces > 0 && pieces >= minPieces
                    && ended.get() >= pieces / 100) {
                cancelOnce(pieces);
            }
        });
    }

    @Override
    public void checkpoint() {
        if (!counting) {
            inner.checkpoint();
            return;
        }
        if (cancelSent) {
            checkpointsAfterCancel.incrementAndGet();
        }
        checkpoints.incrementAndGet();
        if (minPieces == 0 && checkpoints.get() >= 10) {
            cancelOnce(0);
        }
        inner.checkpoint();
    }

    private void cancelOnce(int pieces) {
        if (armed.compareAndSet(true, false)) {
            piecesOfCancelledCall.set(pieces);
            sendCancel.run();
            cancelSent = true;              // after the token is set: a piece that sees this cannot pass its check
        }
    }
}
