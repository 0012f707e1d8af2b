package app.initscope.ui;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableObjectValue;

/**
 * What the status bar and the stale marking read: the one-line status with its timings, the progress, whether
 * the result shown is stale and why, and whether the last request was cancelled. All read-only; the view writes
 * only through {@link #notice} and {@link #reportDrawn}.
 */
public final class Status {

    private final ExperimentService service;
    private final ObservableObjectValue<ExperimentResult> result;
    private final ObservableObjectValue<Strategy> strategy;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "starting…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    /** The last drawing's time; NaN before the first. */
    private double drawMillis = Double.NaN;
    /** From the request to its last strategy, frozen when that arrives; NaN until then. */
    private double totalMillis = Double.NaN;
    private long startedNanos;
    private ExperimentConfig requested;

    /**
     * @param service   the computation whose state is reported
     * @param result    the result shown
     * @param strategy  the strategy shown, whose times the status names
     * @param requested the config asked for before any request is sent
     */
    Status(ExperimentService service, ObservableObjectValue<ExperimentResult> result,
            ObservableObjectValue<Strategy> strategy, ExperimentConfig requested) {
        this.service = service;
        this.result = result;
        this.strategy = strategy;
        this.requested = requested;
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
        for (var p : List.of(result, service.runningProperty(), service.cancelledProperty(),
                service.errorProperty(), service.requestedProperty())) {
            p.addListener(o -> updateStale());
        }
    }

    /** A one-line status for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The progress of the computation, 0 to 1, or −1 when unknown; 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether a computation runs or waits (what the Cancel button stops). */
    public ReadOnlyBooleanProperty computingProperty() {
        return service.runningProperty();
    }

    /** Whether the newest request was cancelled (the result shown is then the last one computed). */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return service.cancelledProperty();
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

    /** Shows a one-line message in the status bar (e.g. where an export went). */
    public void notice(String message) {
        status.set(message);
    }

    /** Called by the view after it drew a new result, with how long the drawing took. */
    public void reportDrawn(double millis) {
        drawMillis = millis;
        update();
    }

    /** The newest config asked for. */
    ExperimentConfig requested() {
        return requested;
    }

    /** A new request is sent now: its total time is measured from here. */
    void requested(ExperimentConfig next) {
        startedNanos = System.nanoTime();
        requested = next;
        totalMillis = Double.NaN;
    }

    /** A result arrives: the total is measured once, when the last strategy of the request arrives, then kept. */
    void arrived(ExperimentResult now) {
        if (Double.isNaN(totalMillis) && isComplete(now) && now.config().equals(requested)) {
            totalMillis = (System.nanoTime() - startedNanos) / 1e6;
        }
    }

    private static boolean isComplete(ExperimentResult r) {
        return r != null && !r.preview() && r.results().size() == r.config().strategies().size();
    }

    /** Writes the status line for the result and strategy shown. */
    void update() {
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
            status.set(previewText(now));
        } else if (done < total) {
            status.set(String.format(Locale.ROOT, "%s · %d of %d strategies, computing the rest…", times, done,
                    total));
        } else {
            status.set(String.format(Locale.ROOT, "%s · all %d strategies in %s · kernel %s", times, total,
                    now.config().equals(requested) ? millis(totalMillis) : "–", now.kernel()));
        }
    }

    /**
     * What the status bar says of a preview: how many rows the first picture has, and that the whole result follows
     * (a cold start previews even the seed's network, while the fast kernel warms up).
     */
    static String previewText(ExperimentResult preview) {
        ExperimentConfig c = preview.config();
        long rows = preview.results().isEmpty() ? 0 : preview.results().getFirst().layer(1).z().count() / c.width();
        return String.format(Locale.ROOT, "first picture from %d of %d rows · all %d rows follow…", rows,
                c.samples(), c.samples());
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

    private static String message(Throwable t) {
        return t == null ? "unknown" : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
