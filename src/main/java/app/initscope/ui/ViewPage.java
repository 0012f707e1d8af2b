package app.initscope.ui;

import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import java.util.List;
import javafx.scene.Node;

/**
 * One view of the window, shown as a tab: its node, how it redraws, and the figure that exports it. The window,
 * its menus, its keys (Ctrl+1, Ctrl+2, … in {@link ViewRegistry#PAGES} order), the export and the presets' {@code "tab"} all
 * take the views from {@link ViewRegistry#PAGES}, so a new view is one new class and one line there.
 */
interface ViewPage {

    /**
     * What names a view.
     *
     * @param id      a stable name: the tab's node id is {@code tab-<id>}, and a preset's view names its tab by it
     * @param title   the tab's text
     * @param tooltip what the view shows
     */
    record Info(String id, String title, String tooltip) {
    }

    default Node node() {
        return (Node) this;
    }

    /** Redraws from the view-model's current state. */
    void refresh();

    /**
     * The figure that exports this view.
     *
     * @param shown   the strategy the window shows
     * @param options the export's options (caption, ranges, axis mode)
     */
    Figure exportFigure(ExperimentResult result, Strategy shown, Figures.Options options);

    /**
     * Whether what the view shows belongs to other settings than the current ones, and the line that says so: the
     * experiment's result for the views that show it.
     */
    default StaleMark staleMark(MainViewModel model) {
        return new StaleMark(model.status().staleProperty(), model.status().staleTextProperty());
    }

    /** A view's staleness and its label. */
    record StaleMark(javafx.beans.value.ObservableBooleanValue stale,
                     javafx.beans.value.ObservableStringValue text) {
    }

    /**
     * Keeps the charts with these titles (or starts of titles) in view, scrolling to them now and when the figure
     * moves them; an empty list lets the view scroll freely again. Views without such charts ignore it.
     */
    default void reveal(List<String> charts) {
    }

    /** Whether the view's figure differs from the single view's (so it gets an export menu of its own). */
    default boolean hasOwnFigure() {
        return true;
    }
}
