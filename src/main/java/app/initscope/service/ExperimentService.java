package app.initscope.service;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.RunListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Runs experiments in the background for the GUI. The config is an input property; {@link #createTask()} copies
 * it into the task, so a later change never reaches a running computation. Progress and messages are those of
 * the runner; cancelling stops the runner at its next step.
 */
public final class ExperimentService extends Service<ExperimentResult> {

    private final Engine engine;
    private final ObjectProperty<ExperimentConfig> config = new SimpleObjectProperty<>(this, "config",
            ExperimentConfig.defaults());

    /** @param engine the engine to compute with; its threads are shared by every task */
    public ExperimentService(Engine engine) {
        this.engine = engine;
    }

    /** The config the next task will run. */
    public ObjectProperty<ExperimentConfig> configProperty() {
        return config;
    }

    @Override
    protected Task<ExperimentResult> createTask() {
        final ExperimentConfig input = config.get();
        return new Task<>() {
            @Override
            protected ExperimentResult call() {
                updateMessage("computing…");
                engine.warmUp();
                return engine.runner().run(input, new RunListener() {
                    @Override
                    public void progress(double fraction, String stage) {
                        updateProgress(fraction, 1.0);
                        updateMessage(stage);
                    }
                }, this::isCancelled);
            }
        };
    }
}
