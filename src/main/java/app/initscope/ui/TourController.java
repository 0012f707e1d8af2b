package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.init.Strategy;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Walks the guided tour: each step sets the model's config and view; the caption follows the live result. Steps
 * go forward and back, and the tour can be left at any point (the settings then stay as the step left them).
 */
final class TourController {

    private final MainViewModel model;
    private final java.util.function.Supplier<Tour> load;
    private Tour tour;
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", -1);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<String>> charts =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "charts", List.of());
    /** The window's state when the tour started, given back when it is left; null while no tour runs. */
    private app.initscope.export.Preset before;
    private TrainService.Parked parked;
    private boolean settingsWereHidden;

    /**
     * @param tour reads the tour, on its first use: not while the window starts; a step's view names its tab, which
     *             the window shows as it shows the view options' tab
     */
    TourController(MainViewModel model, java.util.function.Supplier<Tour> tour) {
        this.model = model;
        this.load = tour;
        model.shownProperty().addListener((obs, old, now) -> updateCaption());
        model.train().service().latestProperty().addListener((obs, old, now) -> updateCaption());
        step.addListener((obs, old, now) -> updateCaption());
        model.view().strategyProperty().addListener((obs, old, now) -> updateCaption());
    }

    /** What the caption says after the last step. */
    static final String END = "End of the tour — Space to start again, Esc to leave";

    /** The step shown, 0-based; the number of steps at the end of the tour; −1 when the tour is not running. */
    ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** "Step 2 of 6 · title: caption with live numbers", or empty. */
    ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /**
     * The titles of the charts the step's caption talks about, which the window keeps in view while the step
     * shows; none when the tour does not run.
     */
    javafx.beans.property.ReadOnlyObjectProperty<List<String>> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    boolean isRunning() {
        return step.get() >= 0;
    }

    Tour tour() {
        if (tour == null) {
            tour = load.get();
        }
        return tour;
    }

    /**
     * Starts the tour (keeping the window's whole state to give back when it is left), or takes the next step;
     * after the last step the tour says that it has ended, and the next step after that starts it again.
     */
    void next() {
        if (!isRunning()) {
            before = model.toPreset();
            parked = model.train().park();
            // on a projector the settings and the caption together leave the charts no room at 720 rows: the tour
            // hides the settings while it runs in presentation (H shows them), and gives them back when it ends
            settingsWereHidden = model.presentation().controlsHiddenProperty().get();
            if (model.presentation().presentingProperty().get()) {
                model.presentation().setControlsHidden(true);
            }
        }
        go(step.get() >= tour().steps().size() ? 0 : step.get() + 1);
    }

    /** The step before (stays on the first). */
    void previous() {
        if (isRunning()) {
            go(Math.max(0, step.get() - 1));
        }
    }

    /**
     * Leaves the tour and gives back the state it found: every setting of the experiment, the training and the
     * view (the tab included), and the training run that was on screen, stopped where it was.
     */
    void stop() {
        if (!isRunning()) {
            return;
        }
        step.set(-1);
        charts.set(List.of());
        if (before != null) {
            model.train().reset();          // the tour's own training stops before the settings change back
            model.apply(before);
            model.train().unpark(parked);
            model.presentation().setControlsHidden(settingsWereHidden);
            before = null;
            parked = null;
            model.status().notice("left the tour: the settings are as they were before it");
        }
    }

    private void go(int index) {
        if (index >= tour().steps().size()) {
            step.set(tour().steps().size());
            charts.set(List.of());
            model.status().notice("end of the tour: the settings stay as the last step left them");
            return;
        }
        Tour.Step s = tour().steps().get(index);
        model.batch(() -> {
            s.config().forEach(model.draft()::set);
            model.view().applyAll(s.view()::get);
            model.view().clampLayer(model.draft().integer(Catalog.DEPTH).get());
            if (s.compared() != null) {
                model.view().comparedStrategies().setAll(s.compared());
            }
            s.train().forEach(model.train().draft()::set);
        });
        if (s.play()) {
            model.train().play();           // the same settings as the step before: it goes on
        }
        step.set(index);
        charts.set(tour().charts(index));
    }

    private void updateCaption() {
        int i = step.get();
        if (i < 0) {
            caption.set("");
            return;
        }
        if (i >= tour().steps().size()) {
            caption.set(END);
            return;
        }
        Tour.Step s = tour().steps().get(i);
        if (s.play()) {
            var run = model.train().latest();
            caption.set("Step " + (i + 1) + " of " + tour().steps().size() + " · " + s.title() + ": "
                    + Tour.trainCaption(s, run == null ? null : run.results()));
            return;
        }
        Strategy looking = model.view().strategyProperty().get();
        if (looking != s.strategy()) {
            // the user picked another strategy during a step: the step's text is not about these charts
            caption.set("Step " + (i + 1) + " of " + tour().steps().size() + " is about " + s.strategy().label()
                    + "; the charts show " + looking.label() + ". Space: next step · Backspace: the step before"
                    + " · Esc: leave the tour");
            return;
        }
        var shown = model.shownProperty().get();
        boolean current = shown != null && shown.strategy() == s.strategy()
                && model.config().activation() == s.activation();
        caption.set("Step " + (i + 1) + " of " + tour().steps().size() + " · " + s.title() + ": "
                + Tour.caption(s, current ? shown : null));
    }
}
