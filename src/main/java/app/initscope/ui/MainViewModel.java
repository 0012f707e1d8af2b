package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.export.Preset;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

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
    private final ConfigDraft draft = new ConfigDraft();
    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", 1);
    private final ObjectProperty<GradientView> gradient = new SimpleObjectProperty<>(this, "gradient",
            GradientView.DELTA);
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final BooleanProperty showTheory = new SimpleBooleanProperty(this, "showTheory", true);
    private final BooleanProperty lockAxes = new SimpleBooleanProperty(this, "lockAxes", false);
    private final ObservableList<Strategy> compared = FXCollections.observableArrayList(Strategy.SEED);
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting", false);
    private final BooleanProperty controlsHidden = new SimpleBooleanProperty(this, "controlsHidden", false);
    private final BooleanProperty helpShown = new SimpleBooleanProperty(this, "helpShown", false);
    private final ReadOnlyObjectWrapper<StrategyResult> pinned = new ReadOnlyObjectWrapper<>(this, "pinned");
    private boolean batching;

    // ---- computation and status (timing, stale marking) ----
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    /** The last drawing's time; NaN before the first. */
    private double drawMillis = Double.NaN;
    /** From the request to its last strategy, frozen when that arrives; NaN until then. */
    private double totalMillis = Double.NaN;
    private long startedNanos;
    private ExperimentConfig requested;

    /** @param service computes in the background; its config is set from here */
    public MainViewModel(ExperimentService service) {
        this.service = service;
        requested = buildConfig();
        draft.addListener(obs -> compute());
        depthProperty().addListener((obs, old, now) -> layer.set(Math.min(layer.get(), now.intValue())));
        service.latestProperty().addListener((obs, old, now) -> {
            // the total is measured once, when the last strategy of the request arrives, and then kept
            if (Double.isNaN(totalMillis) && isComplete(now) && now.config().equals(requested)) {
                totalMillis = (System.nanoTime() - startedNanos) / 1e6;
            }
            result.set(now);
            updateStatus();
        });
        service.errorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                status.set("error: " + message(now));
            }
        });
        service.runningProperty().addListener((obs, old, now) -> {
            if (now && (result.get() == null || !isComplete(result.get()))) {
                status.set("computing…");
            }
        });
        service.cancelledProperty().addListener((obs, old, now) -> {
            if (now) {
                status.set("cancelled · showing the last result computed");
            }
        });
        progress.bind(service.progressProperty());
        result.addListener((obs, old, now) -> updateShown());
        strategy.addListener((obs, old, now) -> {
            updateShown();
            updateStatus();
        });
        for (var p : List.of(result, service.runningProperty(), service.cancelledProperty(),
                service.errorProperty(), service.requestedProperty())) {
            p.addListener(o -> updateStale());
        }
    }

    /** Computes the current settings (after any running computation; bursts coalesce). */
    public void compute() {
        if (batching) {
            return;
        }
        ExperimentConfig next;
        try {
            next = buildConfig();
        } catch (IllegalArgumentException e) {
            status.set("error: " + e.getMessage());
            return;
        }
        startedNanos = System.nanoTime();
        requested = next;
        totalMillis = Double.NaN;
        service.submit(next);
    }

    private ExperimentConfig buildConfig() {
        return draft.build(visibleFirst(strategy.get(), compared));
    }

    /** Whether a computation runs or waits. */
    public boolean isComputing() {
        return service.isRunning() || service.hasWaiting();
    }

    /** Whether a computation runs or waits (what the Cancel button stops). */
    public ReadOnlyBooleanProperty computingProperty() {
        return service.runningProperty();
    }

    /**
     * Whether the result shown is not the one the controls ask for: its config differs from the newest request,
     * a computation for a newer config runs, or the newest request was cancelled or failed.
     */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** What the stale result shows and why, e.g. "stale: showing tanh, fan_in 1000, … — computing…". */
    public ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    /** Cancels any computation, running or waiting. */
    public void cancel() {
        service.cancelAll();
    }

    /**
     * Every strategy in the order to compute them: the visible one first, so that its picture comes first, then
     * the compared ones (a preset's list), whose grid and depth charts are then complete, then the rest for the
     * table and for stepping through strategies.
     */
    private static List<Strategy> visibleFirst(Strategy visible, List<Strategy> compared) {
        java.util.LinkedHashSet<Strategy> order = new java.util.LinkedHashSet<>();
        order.add(visible);
        order.addAll(compared);
        order.addAll(List.of(Strategy.values()));
        return List.copyOf(order);
    }

    /** Shows a one-line message in the status bar (e.g. where an export went). */
    public void notice(String message) {
        status.set(message);
    }

    /** Called by the view after it drew a new result, with how long the drawing took. */
    public void reportDrawn(double millis) {
        drawMillis = millis;
        updateStatus();
    }

    private static boolean isComplete(ExperimentResult r) {
        return r != null && !r.preview() && r.results().size() == r.config().strategies().size();
    }

    private void updateStatus() {
        ExperimentResult now = result.get();
        if (now == null || service.cancelledProperty().get() || service.errorProperty().get() != null) {
            return;                                 // "cancelled" or the error stays until the next request
        }
        int total = now.config().strategies().size();
        int done = now.results().size();
        StrategyResult visible = now.find(strategy.get()).orElse(null);
        String times = (visible == null ? strategy.get().label() + " not computed yet"
                : strategy.get().label() + " computed in " + millis(visible.computeMillis()))
                + " · drawn in " + millis(drawMillis);
        if (now.preview()) {
            status.set("preview from a subsample of rows · refining…");
        } else if (done < total) {
            status.set(String.format(Locale.ROOT, "%s · %d of %d strategies, computing the rest…", times, done,
                    total));
        } else {
            status.set(String.format(Locale.ROOT, "%s · all %d strategies in %s · kernel %s", times, total,
                    now.config().equals(requested) ? millis(totalMillis) : "–", now.kernel()));
        }
    }

    /** A duration for the status bar: "< 1 ms" below a millisecond, one decimal below 10 ms, "–" if unknown. */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        if (ms < 1) {
            return "< 1 ms";
        }
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private void updateStale() {
        ExperimentResult r = result.get();
        boolean cancelled = service.cancelledProperty().get();
        boolean failed = service.errorProperty().get() != null;
        boolean old = r != null && (!r.config().equals(requested) || cancelled || failed);
        stale.set(old);
        if (!old) {
            staleText.set("");
            return;
        }
        ExperimentConfig c = r.config();
        String why = service.isRunning() ? "computing…" : cancelled ? "cancelled" : failed ? "failed"
                : "not computed";
        staleText.set(String.format(Locale.ROOT,
                "stale: showing %s, fan_in %d, samples %d, width %d, depth %d — %s", c.activation().label(),
                c.fanIn(), c.samples(), c.width(), c.depth(), why));
    }

    private void updateShown() {
        ExperimentResult r = result.get();
        shown.set(r == null ? null : r.find(strategy.get()).orElse(null));
    }

    private static String message(Throwable t) {
        return t == null ? "unknown" : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The window's draft of the experiment: one property per setting of the catalog. */
    ConfigDraft draft() {
        return draft;
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

    /** The config of the result being shown, or of the first request before any result. */
    public ExperimentConfig config() {
        ExperimentResult r = result.get();
        return r != null ? r.config() : requested;
    }

    /** The input features, 1–4096. */
    public IntegerProperty fanInProperty() {
        return (IntegerProperty) draft.number(Catalog.FAN_IN);
    }

    /** The rows of the synthetic input, 10–20000. */
    public IntegerProperty samplesProperty() {
        return (IntegerProperty) draft.number(Catalog.SAMPLES);
    }

    /** The units per hidden layer, 1–4096. */
    public IntegerProperty widthProperty() {
        return (IntegerProperty) draft.number(Catalog.WIDTH);
    }

    /** The hidden layers, 1–20. */
    public IntegerProperty depthProperty() {
        return (IntegerProperty) draft.number(Catalog.DEPTH);
    }

    /** The outputs of the readout, 1–100. */
    public IntegerProperty outputsProperty() {
        return (IntegerProperty) draft.number(Catalog.OUTPUTS);
    }

    /** The histogram bins, 10–200. */
    public IntegerProperty binsProperty() {
        return (IntegerProperty) draft.number(Catalog.BINS);
    }

    /** The random seed: the same seed redraws the same picture. */
    public LongProperty seedProperty() {
        return (LongProperty) draft.number(Catalog.SEED);
    }

    /** Draws new random numbers: a new seed from the current one. */
    public void resample() {
        seedProperty().set(Math.floorMod(seedProperty().get() * 6364136223846793005L + 1442695040888963407L, 1_000_000L));
    }

    /**
     * Applies several setting changes as one: a single computation of the end state follows, instead of one
     * per changed property (the first of which would run a half-updated config).
     */
    public void batch(Runnable changes) {
        boolean outer = !batching;
        batching = true;
        try {
            changes.run();
        } finally {
            if (outer) {
                batching = false;
                compute();
            }
        }
    }

    /**
     * The current settings as a preset (the config as the window computes it, with the compared strategies as
     * its strategy list, and the view state).
     */
    public Preset toPreset(String tab) {
        ExperimentConfig c = buildConfig().toBuilder().strategies(List.copyOf(compared)).build();
        String gradientId = gradient.get().tensor().id();
        return new Preset(null, null, c, new Preset.ViewState(strategy.get().id(), layer.get(), gradientId,
                logY.get(), showTheory.get(), lockAxes.get(), tab));
    }

    /**
     * Applies a preset: its network and view. A preset outside the window's ranges (which are narrower than the
     * command line's) is refused with a message naming the setting, and nothing changes.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public void apply(Preset p) {
        ExperimentConfig c = p.config();
        Preset.ViewState v = p.view();
        draft.checkWindowRanges(c);     // before anything changes: a refused preset leaves all as it was
        batch(() -> {
            draft.apply(c);
            compared.setAll(c.strategies());
            strategy.set(Strategy.fromId(v.strategy()));
            layer.set(Math.min(v.layer(), c.depth()));
            gradient.set(java.util.Arrays.stream(GradientView.values())
                    .filter(g -> g.tensor().id().equals(v.gradient())).findFirst().orElse(GradientView.DELTA));
            logY.set(v.logY());
            showTheory.set(v.showTheory());
            lockAxes.set(v.lockAxes());
        });
    }

    /** Restores the seed experiment: its network, input, seed and view. */
    public void resetToDefaults() {
        batch(this::applyDefaults);
    }

    private void applyDefaults() {
        draft.reset();
        strategy.set(Strategy.XAVIER);
        layer.set(1);
        gradient.set(GradientView.DELTA);
        logY.set(false);
        showTheory.set(true);
        lockAxes.set(false);
        compared.setAll(Strategy.SEED);
    }

    /** The hidden layer shown, 1 to depth. */
    public IntegerProperty layerProperty() {
        return layer;
    }

    /** Which gradient the third histogram shows. */
    public ObjectProperty<GradientView> gradientProperty() {
        return gradient;
    }

    /** Whether histogram counts use a log scale. */
    public BooleanProperty logYProperty() {
        return logY;
    }

    /** Whether the theory's curve and numbers are drawn. */
    public BooleanProperty showTheoryProperty() {
        return showTheory;
    }

    /** Picks the strategy {@code offset} places after the current one in the list, wrapping around. */
    public void stepStrategy(int offset) {
        Strategy[] all = Strategy.values();
        int n = all.length;
        strategy.set(all[((strategy.get().ordinal() + offset) % n + n) % n]);
    }

    /** Picks strategy number {@code index} (0-based) of the list, if it exists. */
    public void pickStrategy(int index) {
        if (index >= 0 && index < Strategy.values().length) {
            strategy.set(Strategy.values()[index]);
        }
    }

    /** Presentation mode: full screen, large type, high contrast. */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    /** Whether the settings (side bar, sliders, menu) are hidden so the charts fill the screen. */
    public BooleanProperty controlsHiddenProperty() {
        return controlsHidden;
    }

    /** Whether the list of keys is shown over the window. */
    public BooleanProperty helpShownProperty() {
        return helpShown;
    }

    /** The result pinned as a faint "before" under the live histograms, or null. */
    public ReadOnlyObjectProperty<StrategyResult> pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** Pins the shown histograms as a ghost, or unpins them when something is pinned already. */
    public void togglePin() {
        pinned.set(pinned.get() == null ? shown.get() : null);
        notice(pinned.get() == null ? "unpinned" : "pinned " + pinned.get().strategy().label()
                + " as a grey ghost: pick another strategy to compare in place (P again to unpin)");
    }

    /** Whether histograms of the same tensor share one x-axis across strategies. */
    public BooleanProperty lockAxesProperty() {
        return lockAxes;
    }

    /** The slope of leaky ReLU for negative inputs, 0–1 (used only with leaky ReLU). */
    public DoubleProperty leakySlopeProperty() {
        return (DoubleProperty) draft.number(Catalog.LEAKY_SLOPE);
    }

    /** The strategies the compare and depth views show, in the list's order. */
    public ObservableList<Strategy> comparedStrategies() {
        return compared;
    }

    /** The activation function. */
    public ObjectProperty<Activation> activationProperty() {
        return draft.choice(Catalog.ACTIVATION);
    }
}
