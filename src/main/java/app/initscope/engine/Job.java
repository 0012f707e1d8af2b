package app.initscope.engine;

/**
 * A piece of background work of the engine: an experiment, and next a training run or a parameter sweep.
 *
 * <p>A job takes an immutable request, runs on one of the engine's threads (and may fan out on its compute
 * pool), streams immutable snapshots through its {@link Emitter}, and polls its {@link CancelToken} often
 * enough to stop within about 100 ms. A {@link JobRunner} runs one job at a time and lets a newer request
 * supersede the running one.
 *
 * @param <R> the request: immutable, with value equality (a request equal to the running one is not re-run)
 * @param <S> the snapshot: immutable
 */
@FunctionalInterface
public interface Job<R, S> {

    /**
     * Does the work and returns the final snapshot.
     *
     * @throws java.util.concurrent.CancellationException when cancelled (any exception after a cancel counts as
     *                                                    a cancel)
     * @throws Exception                                  when the work fails
     */
    S run(R request, Emitter<S> out, CancelToken cancel) throws Exception;
}
