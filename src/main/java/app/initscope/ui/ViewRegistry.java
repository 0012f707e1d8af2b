package app.initscope.ui;

import java.util.List;

/**
 * Every view of the window, in tab order, and how to make each: the window, its menus, its keys (Ctrl+1, Ctrl+2,
 * …), the export and the presets' {@code "tab"} take the views from here. The registry lives above the views it
 * lists, which do not import it; a new view is one class and one line here, and its id one entry of
 * {@link app.initscope.render.ViewTab}.
 */
final class ViewRegistry {

    /** Makes a view for a view-model. */
    interface Factory {
        ViewPage create(MainViewModel model);
    }

    /** A view's names and how to make it: the window makes a view when it is first shown or asked for. */
    record Kind(ViewPage.Info info, Factory factory) {
    }

    /** Every view, in tab order: the order of {@link app.initscope.render.ViewTab}. */
    static final List<Kind> PAGES = List.of(new Kind(SingleView.INFO, SingleView::new),
            new Kind(CompareView.INFO, CompareView::new), new Kind(DepthView.INFO, DepthView::new),
            new Kind(ExplainView.INFO, ExplainView::new), new Kind(TrainView.INFO, TrainView::new),
            new Kind(PhaseView.INFO, PhaseView::new));

    private ViewRegistry() {
    }

    /** The place of the view with this id in {@link #PAGES}, or -1. */
    static int indexOf(String id) {
        for (int i = 0; i < PAGES.size(); i++) {
            if (PAGES.get(i).info().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
