package app.initscope.ui;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.service.ExperimentService;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Worker;

/**
 * The state of the first window: the config, the chosen strategy, and the latest result. The view binds to
 * these properties; the view-model never touches a control and never computes on the FX thread.
 */
public final class MainViewModel {

    private final ExperimentService service;
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(this, "strategy", Strategy.XAVIER);
    private final ReadOnlyObjectWrapper<ExperimentResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<StrategyResult> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "starting…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private long startedNanos;

    /** @param service computes in the background; its config is set from here */
    public MainViewModel(ExperimentService service) {
        this.service = service;
        service.configProperty().set(ExperimentConfig.builder().strategies(visibleFirst(strategy.get())).build());
        service.latestProperty().addListener((obs, old, now) -> {
            result.set(now);
            int total = now.config().strategies().size();
            double ms = (System.nanoTime() - startedNanos) / 1e6;
            status.set(now.results().size() < total
                    ? String.format(Locale.ROOT, "%d of %d strategies after %.0f ms · computing the rest…",
                            now.results().size(), total, ms)
                    : String.format(Locale.ROOT, "computed %d strategies in %.0f ms · kernel %s", total, ms,
                            now.kernel()));
        });
        service.setOnFailed(e -> status.set("error: " + message(service.getException())));
        service.stateProperty().addListener((obs, old, now) -> {
            if (now == Worker.State.RUNNING) {
                status.set("computing…");
            }
        });
        progress.bind(javafx.beans.binding.Bindings.when(service.runningProperty())
                .then(service.progressProperty()).otherwise(0.0));
        result.addListener((obs, old, now) -> updateShown());
        strategy.addListener((obs, old, now) -> updateShown());
    }

    /** Computes the current config (after any running computation). */
    public void compute() {
        startedNanos = System.nanoTime();
        service.submit(service.configProperty().get());
    }

    /** Cancels any computation, running or waiting. */
    public void cancel() {
        service.cancelAll();
    }

    /** Every strategy, the visible one first, so that its picture comes first. */
    private static List<Strategy> visibleFirst(Strategy visible) {
        List<Strategy> order = new java.util.ArrayList<>(List.of(Strategy.values()));
        order.remove(visible);
        order.addFirst(visible);
        return order;
    }

    private void updateShown() {
        ExperimentResult r = result.get();
        shown.set(r == null ? null : r.find(strategy.get()).orElse(null));
    }

    private static String message(Throwable t) {
        return t == null ? "unknown" : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The strategy whose histograms are shown. */
    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    /** The latest complete result. */
    public ReadOnlyObjectProperty<ExperimentResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The chosen strategy's result, once computed. */
    public ReadOnlyObjectProperty<StrategyResult> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** A one-line status for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The progress of the computation, 0 to 1, or −1 when unknown; 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The config being shown. */
    public ExperimentConfig config() {
        return service.configProperty().get();
    }
}
