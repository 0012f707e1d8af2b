package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import java.util.function.Consumer;
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
    private final Consumer<String> showView;
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", -1);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");

    /**
     * @param tour     reads the tour, on its first use: not while the window starts
     * @param showView shows a view by its id (single, compare, depth, explain, train, phase)
     */
    TourController(MainViewModel model, java.util.function.Supplier<Tour> tour, Consumer<String> showView) {
        this.model = model;
        this.load = tour;
        this.showView = showView;
        model.shownProperty().addListener((obs, old, now) -> updateCaption());
        model.train().service().latestProperty().addListener((obs, old, now) -> updateCaption());
        step.addListener((obs, old, now) -> updateCaption());
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
     * The next step (the first when the tour is not running); after the last step the tour says that it has ended,
     * and the next step after that starts it again.
     */
    void next() {
        go(step.get() >= tour().steps().size() ? 0 : step.get() + 1);
    }

    /** The step before (stays on the first). */
    void previous() {
        if (isRunning()) {
            go(Math.max(0, step.get() - 1));
        }
    }

    /** Leaves the tour. */
    void stop() {
        step.set(-1);
    }

    private void go(int index) {
        if (index >= tour().steps().size()) {
            step.set(tour().steps().size());
            model.status().notice("end of the tour: the settings stay as the last step left them");
            return;
        }
        Tour.Step s = tour().steps().get(index);
        model.batch(() -> {
            s.config().forEach(model.draft()::set);
            model.view().strategyProperty().set(s.strategy());
            model.view().layerProperty().set(Math.min(s.layer(), model.draft().integer(Catalog.DEPTH).get()));
            model.view().gradientProperty().set(s.gradient());
            if (s.compared() != null) {
                model.view().comparedStrategies().setAll(s.compared());
            }
            s.train().forEach(model.train().draft()::set);
            model.view().jacobianProperty().set(s.jacobian());
        });
        showView.accept(s.tab());
        if (s.play()) {
            model.train().play();           // the same settings as the step before: it goes on
        }
        step.set(index);
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
        var shown = model.shownProperty().get();
        boolean current = shown != null && shown.strategy() == s.strategy()
                && model.config().activation() == s.activation();
        caption.set("Step " + (i + 1) + " of " + tour().steps().size() + " · " + s.title() + ": "
                + Tour.caption(s, current ? shown : null));
    }
}
