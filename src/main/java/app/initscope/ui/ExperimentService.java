package app.initscope.ui;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.engine.Engine;
import app.initscope.engine.ExperimentJob;
import app.initscope.engine.JobListener;
import app.initscope.engine.JobRunner;
import app.initscope.engine.CounterpartsJob;
import app.initscope.engine.PhaseJob;
import app.initscope.core.theory.PhaseDiagram;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The JavaFX side of the engine's {@link ExperimentJob}: read-only properties on the FX thread for the
 * view-model. The engine runs the jobs, cancels a running one when a newer request comes, and coalesces bursts;
 * this adapter only turns its events into properties. Use it from the FX thread only.
 */
public final class ExperimentService {

    private final Engine engine;
    private final JobRunner<ExperimentJob.Request, ExperimentResult> jobs;
    private final NewestJob<PhaseJob.Request, PhaseDiagram> phases;
    private final NewestJob<CounterpartsJob.Request, CounterpartsJob.Answer> counterparts;
    private ExperimentJob.Request requestedJob;
    private int jacobianInputs;
    private final ReadOnlyObjectWrapper<ExperimentConfig> requested = new ReadOnlyObjectWrapper<>(this,
            "requested", ExperimentConfig.defaults());
    private final ReadOnlyObjectWrapper<ExperimentResult> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(this, "cancelled");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>(this, "error");

    /** @param engine the engine to compute with; its threads are shared by every job */
    public ExperimentService(Engine engine) {
        this.engine = engine;
        this.phases = new NewestJob<>(engine, new PhaseJob(engine), error::set);
        this.counterparts = new NewestJob<>(engine, new CounterpartsJob(engine), error::set);
        this.jobs = engine.jobs(ExperimentJob.requests(engine), Platform::runLater, new JobListener<>() {
            @Override
            public void started(ExperimentJob.Request request) {
                running.set(true);
                progress.set(-1);
            }

            @Override
            public void progress(ExperimentJob.Request request, double fraction, String stage) {
                progress.set(fraction);
            }

            @Override
            public void snapshot(ExperimentJob.Request request, ExperimentResult snapshot) {
                if (request.equals(requestedJob)) {
                    latest.set(snapshot);
                }
            }

            @Override
            public void finished(ExperimentJob.Request request, ExperimentResult result) {
                // a request that finished while newer ones were being submitted is superseded by the time its
                // result reaches the FX thread: showing it would flash a stale picture
                if (request.equals(requestedJob)) {
                    latest.set(result);
                }
                ended();
            }

            @Override
            public void cancelled(ExperimentJob.Request request, boolean superseded) {
                if (!superseded) {
                    cancelled.set(true);
                }
                ended();
            }

            @Override
            public void failed(ExperimentJob.Request request, Throwable e) {
                error.set(e);
                ended();
            }
        });
    }

    private void ended() {
        running.set(jobs.isBusy());
        if (!running.get()) {
            progress.set(0);
        }
    }

    /**
     * Asks for {@code next} to be computed: at once when idle, otherwise as soon as the running computation,
     * which this cancels, has stopped (within about 100 ms); a request equal to the running one adds nothing.
     */
    public void submit(ExperimentConfig next) {
        requested.set(next);
        cancelled.set(false);
        error.set(null);
        running.set(true);
        requestedJob = new ExperimentJob.Request(next, jacobianInputs);
        jobs.submit(requestedJob);
    }

    /**
     * How many inputs each strategy's Jacobian spectrum is taken at in the next requests, 0 for none (the
     * default: it costs one SVD of a fan_in × width matrix per input and strategy).
     */
    public void setJacobianInputs(int inputs) {
        jacobianInputs = inputs;
    }

    /** Asks for a phase diagram; a newer request cancels a running one. */
    public void submitPhase(PhaseJob.Request request) {
        phases.submit(request);
    }

    /** The newest phase diagram asked for, once computed; null before. */
    public ReadOnlyObjectProperty<PhaseDiagram> phaseProperty() {
        return phases.answerProperty();
    }

    /** Asks for the runs "with and without" of the depth view; a newer request cancels a running one. */
    public void submitCounterparts(CounterpartsJob.Request request) {
        counterparts.submit(request);
    }

    /** The newest counterparts' runs computed, or null before any. */
    public ReadOnlyObjectProperty<CounterpartsJob.Answer> counterpartsProperty() {
        return counterparts.answerProperty();
    }

    /** The engine this service computes with (the training shares its threads). */
    Engine engine() {
        return engine;
    }

    /** Cancels the running computation and drops any waiting request. */
    public void cancelAll() {
        jobs.cancel();
        phases.cancel();
        counterparts.cancel();
    }

    /** Whether a request waits for the running computation to stop. */
    public boolean hasWaiting() {
        return jobs.hasWaiting();
    }

    /** Whether a computation runs (or is about to). */
    public boolean isRunning() {
        return running.get();
    }

    /** The newest request, the defaults before any. */
    public ReadOnlyObjectProperty<ExperimentConfig> requestedProperty() {
        return requested.getReadOnlyProperty();
    }

    /**
     * The newest result: a partial snapshot while a computation runs (the strategies finished so far, in the
     * config's order), then the complete one. Nothing of a superseded request follows a newer request's result.
     */
    public ReadOnlyObjectProperty<ExperimentResult> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** Whether a computation runs or waits. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the newest request was cancelled (by {@link #cancelAll()}) before it finished. */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    /** The running computation's progress, 0 to 1, or −1 when unknown; 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the newest request failed, or null. */
    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
