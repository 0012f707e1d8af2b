package app.initscope.engine;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the requests of one kind of {@link Job}, one at a time, where a newer request supersedes the running one.
 *
 * <p>{@link #submit} cancels the running job (it does not wait behind it) and makes the new request the next
 * one, replacing any request that was waiting: a burst of requests (a slider drag) coalesces to at most one
 * running, being cancelled, and one waiting, and the newest request is always run. A request equal to the
 * running one (not cancelled) adds nothing. Jobs run on the engine's threads; the {@link JobListener} is called
 * through the executor given here, in order. Thread-safe.
 *
 * @param <R> the request type (immutable, with value equality)
 * @param <S> the snapshot type (immutable)
 */
public final class JobRunner<R, S> {

    private final Job<R, S> job;
    private final Executor threads;
    private final Executor callbacks;
    private final JobListener<R, S> listener;

    /** The running job, or null. Guarded by this. */
    private Run running;
    /** The request to run when the running job ends, or null. Guarded by this. */
    private R waiting;

    /**
     * @param threads   runs each job (the engine's job threads)
     * @param callbacks delivers the listener's calls, in order: {@code Platform::runLater} for the window, a
     *                  direct or queueing executor in tests
     */
    JobRunner(Job<R, S> job, Executor threads, Executor callbacks, JobListener<R, S> listener) {
        this.job = Objects.requireNonNull(job, "job");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Asks for {@code request} to be run: at once when idle; otherwise the running job is cancelled and this
     * request runs as soon as it has stopped, in place of any request still waiting.
     */
    public synchronized void submit(R request) {
        Objects.requireNonNull(request, "request");
        if (running == null) {
            start(new Run(request));
        } else if (!running.token.isCancelled() && running.request.equals(request)) {
            waiting = null;                 // exactly what runs: nothing to add, and an older waiting one is moot
        } else {
            running.token.cancel();
            waiting = request;
        }
    }

    /** Cancels the running job, if any, and drops the waiting request. */
    public synchronized void cancel() {
        waiting = null;
        if (running != null) {
            running.token.cancel();
        }
    }

    /** Whether a job runs (possibly being cancelled) or a request waits. */
    public synchronized boolean isBusy() {
        return running != null;
    }

    /** Whether a request waits for the running job to stop. */
    public synchronized boolean hasWaiting() {
        return waiting != null;
    }

    private void start(Run run) {
        running = run;
        try {
            threads.execute(run);
        } catch (RejectedExecutionException closed) {
            running = null;                 // the engine is closed: nothing runs any more
            waiting = null;
        }
    }

    /** One request's run: its token, its thread's work, and the coalesced delivery of what it emits. */
    private final class Run implements Runnable, Emitter<S> {
        final R request;
        final CancelToken token = new CancelToken();
        private final AtomicReference<S> pendingSnapshot = new AtomicReference<>();
        private final AtomicReference<Progress> pendingProgress = new AtomicReference<>();

        Run(R request) {
            this.request = request;
        }

        @Override
        public void run() {
            callbacks.execute(() -> listener.started(request));
            S result = null;
            Throwable error = null;
            try {
                result = job.run(request, this, token);
            } catch (Throwable t) {
                error = t;
            }
            Run next = null;
            boolean cancelled;
            synchronized (JobRunner.this) {
                cancelled = token.isCancelled() || error instanceof CancellationException;
                running = null;
                if (waiting != null) {
                    next = new Run(waiting);
                    waiting = null;
                    running = next;         // busy without a gap: the listener never sees idle in between
                }
            }
            deliverEnd(result, error, cancelled, next != null);
            if (next != null) {
                synchronized (JobRunner.this) {
                    if (running == next) {
                        start(next);
                    }
                }
            }
            if (error instanceof Error e && !(e instanceof OutOfMemoryError) && !cancelled) {
                throw e;                    // a real JVM failure is not swallowed (after the listener heard it)
            }
        }

        private void deliverEnd(S result, Throwable error, boolean cancelled, boolean superseded) {
            if (cancelled) {
                callbacks.execute(() -> listener.cancelled(request, superseded));
            } else if (error != null) {
                Throwable e = error;
                callbacks.execute(() -> listener.failed(request, e));
            } else {
                S r = result;
                callbacks.execute(() -> listener.finished(request, r));
            }
        }

        @Override
        public void emit(S snapshot) {
            token.throwIfCancelled();
            if (pendingSnapshot.getAndSet(Objects.requireNonNull(snapshot, "snapshot")) == null) {
                callbacks.execute(() -> {
                    S s = pendingSnapshot.getAndSet(null);
                    if (s != null && !token.isCancelled()) {
                        listener.snapshot(request, s);
                    }
                });
            }
        }

        @Override
        public void progress(double fraction, String stage) {
            if (pendingProgress.getAndSet(new Progress(fraction, stage)) == null) {
                callbacks.execute(() -> {
                    Progress p = pendingProgress.getAndSet(null);
                    if (p != null && !token.isCancelled()) {
                        listener.progress(request, p.fraction, p.stage);
                    }
                });
            }
        }
    }

    private record Progress(double fraction, String stage) {
    }
}
