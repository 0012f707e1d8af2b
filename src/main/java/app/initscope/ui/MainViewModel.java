package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.JacobianSpectrum;
import app.initscope.core.theory.PhaseDiagram;
import app.initscope.engine.Background;
import app.initscope.engine.PhaseJob;
import app.initscope.render.TheoryCache;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.export.Preset;
import app.initscope.core.init.Strategy;
import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The state of the first window, composed of its parts: the config {@link #draft()}, the {@link #view()} options,
 * the {@link #presentation()} state and the {@link #status()}. It owns the computation (through the engine's
 * adapter) and the latest result. The view binds to these properties; the view-model never touches a control and
 * never computes on the FX thread.
 */
public final class MainViewModel {

    private final ExperimentService service;
    private final ConfigDraft draft = new ConfigDraft();
    private final ViewOptions view = new ViewOptions();
    private final ReadOnlyObjectWrapper<ExperimentResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<StrategyResult> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final Status status;
    private final Presentation presentation;
    private final TrainModel train;
    private boolean batching;
    private ExperimentConfig theoryPrepared;
    private final javafx.beans.property.ReadOnlyIntegerWrapper theoryVersion =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "theoryVersion");

    /** @param service computes in the background; its config is set from here */
    public MainViewModel(ExperimentService service) {
        this.service = service;
        status = new Status(service, result, view.strategyProperty(), buildConfig());
        presentation = new Presentation(shown.getReadOnlyProperty(), status);
        train = new TrainModel(this, new TrainService(service.engine()));
        draft.addListener(obs -> compute());
        draft.integer(Catalog.DEPTH).addListener((obs, old, now) -> view.clampLayer(now.intValue()));
        service.latestProperty().addListener((obs, old, now) -> {
            status.arrived(now);
            result.set(now);
            status.update();
        });
        result.addListener((obs, old, now) -> updateShown());
        view.strategyProperty().addListener((obs, old, now) -> {
            updateShown();
            status.update();
        });
        result.addListener((obs, old, now) -> prepareTheory(now));
        view.jacobianProperty().addListener((obs, old, now) -> {
            service.setJacobianInputs(now ? JacobianSpectrum.DEFAULT_INPUTS : 0);
            compute();
        });
    }

    /**
     * Computes, off the FX thread, the mean-field numbers the views quote for a result's config (see
     * {@link TheoryCache}), then bumps {@link #theoryVersionProperty()} so that they redraw with them.
     */
    private void prepareTheory(ExperimentResult r) {
        if (r == null) {
            return;
        }
        ExperimentConfig c = r.config();
        if (c.equals(theoryPrepared)) {
            return;
        }
        theoryPrepared = c;
        app.initscope.engine.Engine engine = service.engine();
        Background.run(() -> {
            // not before the window's first picture, which does not quote them: on two cores this work took the
            // processor from the FX thread while it drew the first histograms
            engine.awaitFirstPicture(() -> false);
            TheoryCache.prepare(c, List.of(Strategy.values()));
            return c;
        }, done -> theoryVersion.set(theoryVersion.get() + 1), failed -> status.notice("theory: "
                + failed.getMessage()), javafx.application.Platform::runLater);
    }

    /** Grows by one whenever {@link TheoryCache} has new numbers for the views. */
    javafx.beans.property.ReadOnlyIntegerProperty theoryVersionProperty() {
        return theoryVersion.getReadOnlyProperty();
    }

    /**
     * The settings as they stand: the config last asked for, which the shown result catches up with when its
     * computation ends. The theory's pages (the phase diagram) draw these at once: they need no result.
     */
    ReadOnlyObjectProperty<ExperimentConfig> requestedProperty() {
        return service.requestedProperty();
    }

    /** Asks the engine for a phase diagram (a newer request cancels a running one; an equal one adds nothing). */
    void requestPhase(PhaseJob.Request request) {
        service.submitPhase(request);
    }

    /** Asks the engine for the depth view's runs "with and without" (a newer request cancels a running one). */
    void requestCounterparts(app.initscope.engine.CounterpartsJob.Request request) {
        service.submitCounterparts(request);
    }

    /** The newest runs "with and without" computed, or null. */
    ReadOnlyObjectProperty<app.initscope.engine.CounterpartsJob.Answer> counterpartsProperty() {
        return service.counterpartsProperty();
    }

    /** The newest phase diagram computed, or null. */
    ReadOnlyObjectProperty<PhaseDiagram> phaseProperty() {
        return service.phaseProperty();
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
            status.notice("error: " + e.getMessage());
            return;
        }
        status.requested(next);
        service.submit(next);
    }

    private ExperimentConfig buildConfig() {
        return draft.build(visibleFirst(view.strategyProperty().get(), view.comparedStrategies()));
    }

    /** Whether a computation runs or waits. */
    public boolean isComputing() {
        return service.isRunning() || service.hasWaiting();
    }

    /** Cancels any computation, running or waiting (the training too). */
    public void cancel() {
        service.cancelAll();
        train.cancel();
    }

    /** The Train view's state: the training settings, the training and what its charts show. */
    TrainModel train() {
        return train;
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

    private void updateShown() {
        ExperimentResult r = result.get();
        shown.set(r == null ? null : r.find(view.strategyProperty().get()).orElse(null));
    }

    /** The window's draft of the experiment: one property per setting of the catalog. */
    ConfigDraft draft() {
        return draft;
    }

    /** What is shown: the strategy, the layer, the gradient, the scales and the strategies compared. */
    public ViewOptions view() {
        return view;
    }

    /** The lecture state: presenting, the settings hidden, the keys shown, the pinned ghost. */
    public Presentation presentation() {
        return presentation;
    }

    /** What the status bar and the stale marking read. */
    public Status status() {
        return status;
    }

    /** The latest complete result. */
    public ReadOnlyObjectProperty<ExperimentResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The chosen strategy's result, once computed. */
    public ReadOnlyObjectProperty<StrategyResult> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The config of the result being shown, or of the first request before any result. */
    public ExperimentConfig config() {
        ExperimentResult r = result.get();
        return r != null ? r.config() : status.requested();
    }

    /** Draws new random numbers: a new seed from the current one. */
    public void resample() {
        LongProperty seed = draft.whole(Catalog.SEED);
        seed.set(Math.floorMod(seed.get() * 6364136223846793005L + 1442695040888963407L, 1_000_000L));
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
     * The window's whole state as a preset: the experiment with the compared strategies, every view option (the
     * tab included) and the training settings. The tour's snapshot, the saved presets and the round-trip tests
     * all take it from here, and {@link #apply} takes it back.
     */
    public Preset toPreset() {
        ExperimentConfig c = buildConfig().toBuilder().strategies(List.copyOf(view.comparedStrategies())).build();
        app.initscope.core.train.TrainConfig t;
        try {
            t = train.draft().build();
        } catch (IllegalArgumentException e) {
            t = null;                       // an invalid training draft is left out; the experiment is saved
        }
        return new Preset(null, null, c, new Preset.ViewState(view.values()), t);
    }

    /**
     * Takes a preset whole: the experiment, every view option and, when it has them, the training settings. A
     * value outside the window's range refuses the whole preset before anything changes.
     */
    public void apply(Preset p) {
        ExperimentConfig c = p.config();
        draft.checkWindowRanges(c);     // before anything changes: a refused preset leaves all as it was
        if (p.train() != null) {
            train.draft().checkWindowRanges(p.train());
        }
        batch(() -> {
            draft.apply(c);
            view.comparedStrategies().setAll(c.strategies());
            view.applyAll(p.view()::get);
            view.clampLayer(c.depth());
            if (p.train() != null) {
                train.draft().apply(p.train());
            }
        });
    }

    /** Every setting back to its default: the experiment, the training and the view options but the tab. */
    public void resetToDefaults() {
        batch(() -> {
            draft.reset();
            train.draft().reset();
            var tab = view.tabProperty().get();
            view.reset();
            view.tabProperty().set(tab);
        });
    }

    /** The window's drafts, each with the prefix of its keys in the saved preferences. */
    java.util.Map<String, SettingsDraft> drafts() {
        java.util.Map<String, SettingsDraft> m = new java.util.LinkedHashMap<>();
        m.put("", draft);
        m.put("train.", train.draft());
        m.put("view.", view);
        return m;
    }
}
