package app.initscope.ui;

import app.initscope.engine.Engine;
import app.initscope.engine.Job;
import app.initscope.engine.JobListener;
import app.initscope.engine.JobRunner;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A side job of the window whose newest answer alone counts, such as the phase diagram or the depth view's
 * counterparts: a newer request cancels a running one, a request equal to the last one adds nothing (until it was
 * cancelled or failed: asked again, it runs again), and the answer arrives as a read-only property on the FX thread.
 * Use it from the FX thread only.
 *
 * @param <R> the request
 * @param <S> the answer
 */
final class NewestJob<R, S> {

    private final JobRunner<R, S> jobs;
    private final ReadOnlyObjectWrapper<S> answer = new ReadOnlyObjectWrapper<>(this, "answer");
    private R requested;

    /**
     * @param engine runs the job on its threads
     * @param job    the work
     * @param failed told of a failure, on the FX thread
     */
    NewestJob(Engine engine, Job<R, S> job, Consumer<Throwable> failed) {
        this.jobs = engine.jobs(job, Platform::runLater, new JobListener<>() {
            @Override
            public void finished(R request, S result) {
                if (request.equals(requested)) {
                    answer.set(result);
                }
            }

            @Override
            public void cancelled(R request, boolean superseded) {
                if (request.equals(requested)) {
                    requested = null;
                }
            }

            @Override
            public void failed(R request, Throwable e) {
                cancelled(request, false);
                failed.accept(e);
            }
        });
    }

    /** Asks for {@code request}'s answer, unless it is the one asked for last. */
    void submit(R request) {
        if (request.equals(requested)) {
            return;
        }
        requested = request;
        jobs.submit(request);
    }

    /** Cancels a running request; the next request runs whatever it is. */
    void cancel() {
        jobs.cancel();
        requested = null;
    }

    /** The newest answer computed, or null before any. */
    ReadOnlyObjectProperty<S> answerProperty() {
        return answer.getReadOnlyProperty();
    }
}
