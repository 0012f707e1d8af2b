package app.initscope.ui;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.train.TrainConfig;
import app.initscope.engine.TrainRequest;
import app.initscope.engine.TrainRun;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Train view's state: the training draft, the training itself (through {@link TrainService}), and what the
 * charts show. The network is the window's (its draft and its compared strategies); when any setting changes, a
 * training that has started runs again with the new settings, once per burst of changes.
 */
final class TrainModel {

    private final MainViewModel model;
    private final TrainService service;
    private final TrainDraft draft = new TrainDraft();
    /** The strategy of the ratio chart, heat map and histograms; null: all (the ratio chart) and the first. */
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(this, "strategy");
    private boolean restartQueued;
    private final javafx.beans.property.ReadOnlyBooleanWrapper stale =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "stale");
    private final javafx.beans.property.ReadOnlyStringWrapper staleText =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "staleText", "");

    TrainModel(MainViewModel model, TrainService service) {
        this.model = model;
        this.service = service;
        // the strategy of the charts is a view option, kept as an id ("all" for none) so that it saves as text
        ObjectProperty<String> id = model.view().trainStrategyProperty();
        strategy.set(id.get().equals("all") ? null : Strategy.fromId(id.get()));
        id.addListener((obs, old, now) -> strategy.set(now.equals("all") ? null : Strategy.fromId(now)));
        strategy.addListener((obs, old, now) -> id.set(now == null ? "all" : now.id()));
        draft.addListener(o -> queueRestart());
        // the charts belong to the run on screen: greyed and labelled when the settings are no longer its own
        draft.addListener(o -> updateStale());
        model.draft().addListener(o -> updateStale());
        model.view().comparedStrategies().addListener((javafx.collections.ListChangeListener<Strategy>) c ->
                updateStale());
        service.latestProperty().addListener(o -> updateStale());
        model.draft().addListener(o -> queueRestart());
        model.view().comparedStrategies().addListener((javafx.collections.ListChangeListener<Strategy>) c ->
                queueRestart());
    }

    /** The request the current settings make. @throws IllegalArgumentException naming an invalid setting */
    TrainRequest request() {
        ExperimentConfig c = model.draft().build(List.copyOf(model.view().comparedStrategies()));
        TrainConfig t = draft.build();
        return new TrainRequest(c, t);
    }

    private void queueRestart() {
        if (!restartQueued && service.stateProperty().get() != TrainService.State.IDLE) {
            restartQueued = true;
            Platform.runLater(() -> {
                restartQueued = false;
                TrainRequest r = tryRequest();
                if (r != null) {
                    evalProperty().set(app.initscope.render.ViewCatalog.NEWEST);
                    service.restart(r);
                }
            });
        }
    }

    private void updateStale() {
        TrainRun run = service.latestProperty().get();
        TrainRequest now;
        try {
            now = request();
        } catch (IllegalArgumentException e) {
            now = null;
        }
        boolean old = run != null && !run.request().equals(now);
        stale.set(old);
        staleText.set(!old ? "" : String.format(java.util.Locale.ROOT,
                "stale: these charts trained %s on %s, depth %d — Play (K) trains the current settings",
                run.request().config().activation().label(), run.request().train().dataset().id(),
                run.request().config().depth()));
    }

    /** Whether the run on screen was trained with other settings than the current ones. */
    javafx.beans.property.ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** What the stale run shows, and what trains the current settings; empty when not stale. */
    javafx.beans.property.ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    private TrainRequest tryRequest() {
        try {
            TrainRequest r = request();
            app.initscope.core.train.TrainMemory.check(r.config(), r.train(), 1, false,
                    Runtime.getRuntime().maxMemory());       // the command line's estimate (issue 20)
            return r;
        } catch (IllegalArgumentException e) {
            model.status().notice("training not started: " + e.getMessage());
            return null;
        }
    }

    void play() {
        TrainRequest r = tryRequest();
        if (r != null) {
            service.play(r);
        }
    }

    void pause() {
        service.pause();
    }

    void step() {
        TrainRequest r = tryRequest();
        if (r != null) {
            service.step(r);
        }
    }

    void reset() {
        evalProperty().set(app.initscope.render.ViewCatalog.NEWEST);
        service.reset();
    }

    /** Stops the training and puts its run aside. */
    TrainService.Parked park() {
        return service.park();
    }

    /** Shows a parked run again, stopped. */
    void unpark(TrainService.Parked p) {
        service.unpark(p);
    }

    /** Play when stopped or paused, pause while training: the K key. */
    void playOrPause() {
        if (service.stateProperty().get() == TrainService.State.RUNNING) {
            pause();
        } else {
            play();
        }
    }

    void cancel() {
        service.cancel();
    }

    TrainDraft draft() {
        return draft;
    }

    TrainService service() {
        return service;
    }

    /** The newest snapshot, or null. */
    TrainRun latest() {
        return service.latestProperty().get();
    }

    ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    /** The hidden layer of the heat map and the histograms: the window's layer (the side bar's, a preset's). */
    IntegerProperty layerProperty() {
        return model.view().layerProperty();
    }

    ObjectProperty<TensorKind> tensorProperty() {
        return model.view().heatTensorProperty();
    }

    IntegerProperty evalProperty() {
        return model.view().evalProperty();
    }
}
