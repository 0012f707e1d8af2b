package app.initscope.service;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.experiment.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs experiments in the background for the GUI.
 *
 * <p>The config is an input property; {@link #createTask()} copies it into the task, so a later change never
 * reaches a running computation. {@link #submit} coalesces bursts of requests (a slider drag): at most one
 * computation runs and at most one waits, and a newer request replaces the waiting one. Results therefore
 * arrive in request order, the last request is always computed, and a stale result never follows a newer one.
 * Use it from the FX thread only, like every {@link Service}.
 */
public final class ExperimentService extends Service<ExperimentResult> {

    /**
     * Above this many multiply-adds for one strategy, a quick preview from the first rows comes first. Measured
     * (PipelineBenchmark): the seed's 2·10⁹ take 26 ms, so 8·10⁹ is about the 100 ms a slider change may take.
     */
    public static final double PREVIEW_THRESHOLD = 8e9;
    /** The size of the preview: about 10⁹ multiply-adds, some 15 ms. */
    public static final double PREVIEW_BUDGET = 1e9;

    private final Engine engine;
    private final ObjectProperty<ExperimentConfig> config = new SimpleObjectProperty<>(this, "config",
            ExperimentConfig.defaults());
    private final ReadOnlyObjectWrapper<ExperimentResult> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private ExperimentConfig waiting;

    /** @param engine the engine to compute with; its threads are shared by every task */
    public ExperimentService(Engine engine) {
        this.engine = engine;
        valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                latest.set(now);
            }
        });
        stateProperty().addListener((obs, old, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                // after every listener has seen this state: restarting inside the notification would reorder it
                Platform.runLater(this::startWaiting);
            }
        });
    }

    /** The config the next task will run. */
    public ObjectProperty<ExperimentConfig> configProperty() {
        return config;
    }

    /**
     * The newest result: a partial snapshot while a computation runs (the strategies finished so far, in the
     * config's order), then the complete one. It only ever moves forward in request order.
     */
    public ReadOnlyObjectProperty<ExperimentResult> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /**
     * Asks for {@code next} to be computed: at once when idle, otherwise after the running computation, in
     * place of any request still waiting; a request equal to the running one is not queued again.
     */
    public void submit(ExperimentConfig next) {
        if (isRunning()) {
            // a request for exactly what is already running adds nothing (and drops an older waiting one)
            waiting = next.equals(config.get()) ? null : next;
        } else {
            config.set(next);
            restart();
        }
    }

    /** Whether a request waits for the running computation to finish. */
    public boolean hasWaiting() {
        return waiting != null;
    }

    /** Cancels the running computation and drops any waiting request. */
    public void cancelAll() {
        waiting = null;
        cancel();
    }

    private void startWaiting() {
        if (waiting != null && !isRunning()) {
            ExperimentConfig next = waiting;
            waiting = null;
            config.set(next);
            restart();
        }
    }

    @Override
    protected Task<ExperimentResult> createTask() {
        final ExperimentConfig input = config.get();
        return new Task<>() {
            @Override
            protected ExperimentResult call() {
                updateMessage("computing…");
                engine.warmUp();
                List<StrategyResult> done = new ArrayList<>();
                String kernel = engine.runner().kernelName();
                if (input.multiplyAdds() > PREVIEW_THRESHOLD && !input.strategies().isEmpty()) {
                    int rows = input.previewRows(PREVIEW_BUDGET);
                    if (rows < input.samples()) {
                        StrategyResult first = engine.runner().preview(input, input.strategies().getFirst(), rows,
                                this::isCancelled);
                        updateValue(new ExperimentResult(input, List.of(first), kernel, true));
                    }
                }
                return engine.runner().run(input, new RunListener() {
                    @Override
                    public void progress(double fraction, String stage) {
                        updateProgress(fraction, 1.0);
                        updateMessage(stage);
                    }

                    @Override
                    public void strategyDone(StrategyResult result) {
                        done.add(result);
                        if (done.size() < input.strategies().size()) {
                            updateValue(new ExperimentResult(input, done, kernel));   // an immutable copy
                        }
                    }
                }, this::isCancelled);
            }
        };
    }
}
