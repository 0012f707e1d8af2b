package app.initscope.ui;

import app.initscope.engine.Engine;
import app.initscope.engine.JobListener;
import app.initscope.engine.JobRunner;
import app.initscope.engine.TrainJob;
import app.initscope.engine.TrainRequest;
import app.initscope.engine.TrainRun;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The JavaFX side of the engine's {@link TrainJob}: Play, Pause, Step and Reset, and read-only properties on the FX
 * thread. The engine trains; a newer request (a setting changed) cancels the running one, and snapshots of a
 * superseded request are dropped. Use it from the FX thread only.
 */
final class TrainService {

    /** What the training does. */
    enum State {
        /** Nothing trained (or Reset): the charts are empty. */
        IDLE,
        /** Training runs. */
        RUNNING,
        /** Training waits at a step; Play goes on, Step makes one more. */
        PAUSED,
        /** Every step is made. */
        DONE
    }

    private final TrainJob job;
    private final JobRunner<TrainRequest, TrainRun> jobs;
    private TrainRequest requested;
    private final ReadOnlyObjectWrapper<TrainRun> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    TrainService(Engine engine) {
        this.job = new TrainJob(engine);
        this.jobs = engine.jobs(job, Platform::runLater, new JobListener<>() {
            @Override
            public void progress(TrainRequest request, double fraction, String stage) {
                if (request.equals(requested) && state.get() != State.IDLE) {
                    message.set(stage);
                }
            }

            @Override
            public void snapshot(TrainRequest request, TrainRun snapshot) {
                if (request.equals(requested) && state.get() != State.IDLE) {
                    latest.set(snapshot);
                }
            }

            @Override
            public void finished(TrainRequest request, TrainRun result) {
                if (request.equals(requested) && state.get() != State.IDLE) {
                    latest.set(result);
                    state.set(State.DONE);
                    message.set("done: " + request.train().steps() + " steps");
                }
            }

            @Override
            public void cancelled(TrainRequest request, boolean superseded) {
                if (!superseded && request.equals(requested) && state.get() != State.IDLE) {
                    state.set(State.IDLE);          // the charts keep what was made; Play starts again
                    message.set("stopped");
                }
            }

            @Override
            public void failed(TrainRequest request, Throwable e) {
                if (request.equals(requested)) {
                    state.set(State.IDLE);
                    message.set("training failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()));
                }
            }
        });
    }

    /** Trains {@code request} (from the start unless it is the one paused, which then goes on). */
    void play(TrainRequest request) {
        job.resume();
        boolean same = request.equals(requested);
        if (same && state.get() == State.PAUSED) {
            state.set(State.RUNNING);
            return;
        }
        if (same && state.get() == State.RUNNING) {
            return;                 // it runs already
        }
        start(request);
    }

    /** Stops at the next step; Play goes on from there. */
    void pause() {
        if (state.get() == State.RUNNING) {
            job.pause();
            state.set(State.PAUSED);
        }
    }

    /** Makes one step and pauses: from the start when nothing is trained yet. */
    void step(TrainRequest request) {
        boolean same = request.equals(requested) && (state.get() == State.RUNNING || state.get() == State.PAUSED);
        boolean wasPaused = state.get() == State.PAUSED;
        job.pause();
        if (!same) {
            start(request);
        } else if (wasPaused) {
            job.step();
        }
        state.set(State.PAUSED);
    }

    /** Stops and clears. */
    void reset() {
        jobs.cancel();
        job.resume();
        requested = null;
        latest.set(null);
        message.set("");
        state.set(State.IDLE);
    }

    /** A training put aside: its request and the newest snapshot it had made. */
    record Parked(TrainRequest requested, TrainRun latest) {
    }

    /** Stops the training and puts it aside, so that other settings can be tried (the tour) and it comes back. */
    Parked park() {
        Parked p = new Parked(requested, latest.get());
        reset();
        return p;
    }

    /** Shows a parked training again, stopped where it was; Play trains its settings again from the start. */
    void unpark(Parked p) {
        if (p == null || p.latest() == null) {
            return;
        }
        reset();
        requested = p.requested();
        latest.set(p.latest());
        message.set("stopped");
    }

    /**
     * A setting changed: a training that has started runs again from step 0 with the new settings (paused at its
     * first step when it was paused); with nothing trained, nothing happens.
     */
    void restart(TrainRequest request) {
        if (state.get() == State.IDLE || request.equals(requested)) {
            return;
        }
        State before = state.get();
        start(request);
        state.set(before == State.PAUSED ? State.PAUSED : State.RUNNING);
    }

    private void start(TrainRequest request) {
        requested = request;
        latest.set(null);
        message.set("starting…");
        state.set(State.RUNNING);
        jobs.submit(request);
    }

    /** Cancels any training (the window closes). */
    void cancel() {
        jobs.cancel();
    }

    /** The request of the training shown, or null. */
    TrainRequest requested() {
        return requested;
    }

    /** The newest snapshot of the current request, or null (nothing trained yet, or Reset). */
    ReadOnlyObjectProperty<TrainRun> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The training's progress in words, e.g. "training: step 120 of 1000". */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
