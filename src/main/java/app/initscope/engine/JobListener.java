package app.initscope.engine;

/**
 * Hears a {@link JobRunner}'s jobs, on the executor the caller gave the runner (the FX thread for the window).
 * For one request the calls come in order: {@code started}, any {@code progress} and {@code snapshot}, then
 * exactly one of {@code finished}, {@code cancelled} or {@code failed}. Progress and snapshots of a request
 * that was cancelled before they could be delivered are dropped, so nothing of an old request follows its
 * cancel.
 *
 * @param <R> the request type
 * @param <S> the snapshot type
 */
public interface JobListener<R, S> {

    /** The job for {@code request} started on an engine thread. */
    default void started(R request) {
    }

    /** See {@link Emitter#progress}. */
    default void progress(R request, double fraction, String stage) {
    }

    /** A partial result (the newest, when several came at once). */
    default void snapshot(R request, S snapshot) {
    }

    /** The job ended with its final snapshot. */
    default void finished(R request, S result) {
    }

    /**
     * The job stopped because it was cancelled.
     *
     * @param superseded true when a newer request cancelled it (and runs next), false for a plain cancel
     */
    default void cancelled(R request, boolean superseded) {
    }

    /** The job failed (not after a cancel, which is reported as cancelled). */
    default void failed(R request, Throwable error) {
    }
}
