package app.initscope.engine;

/**
 * Where a running job sends what it has so far. Called on the job's thread; the runner hands each call on to the
 * listener through the caller's executor, coalescing: when snapshots come faster than the listener takes them,
 * only the newest is delivered.
 *
 * @param <S> the job's immutable snapshot type
 */
public interface Emitter<S> {

    /**
     * Publishes a partial result. It must be immutable: the listener reads it on another thread.
     *
     * @throws java.util.concurrent.CancellationException when the job was cancelled, so it stops at once
     */
    void emit(S snapshot);

    /**
     * @param fraction how much is done, 0 to 1
     * @param stage    what is being done, e.g. {@code "xavier: forward layer 3"}
     */
    void progress(double fraction, String stage);
}
