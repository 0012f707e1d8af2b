package app.initscope.engine;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A job's cancel flag: set once, from any thread, and polled by the job before every short piece of its work
 * (see {@code Parallel.cancellable}), so that cancelling takes effect within a piece's time.
 */
public final class CancelToken implements BooleanSupplier {

    private volatile boolean cancelled;

    /** Asks the job to stop; it stops at its next poll. Idempotent. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** The same as {@link #isCancelled()}: a token is the cancel check that {@code core} polls. */
    @Override
    public boolean getAsBoolean() {
        return cancelled;
    }

    /** @throws CancellationException once cancelled */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
