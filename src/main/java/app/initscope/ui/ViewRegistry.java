package app.initscope.ui;

import app.initscope.render.ViewTab;
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
    static final List<Kind> PAGES = List.of(
            kind(ViewTab.SINGLE, "Single", SingleView::new,
                    "The chosen strategy's z, activation and gradient histograms"),
            kind(ViewTab.COMPARE, "Compare", CompareView::new,
                    "Every strategy side by side on shared axes, with a table"),
            kind(ViewTab.DEPTH, "Depth", DepthView::new,
                    "Layer by layer: what happens to the signal as the network gets deeper"),
            kind(ViewTab.EXPLAIN, "Explain", ExplainView::new,
                    "What the picture shows and why, with the live numbers"),
            kind(ViewTab.TRAIN, "Train", TrainView::new,
                    "Does it learn? Every compared strategy trained side by side: loss, update ratios, histograms "
                            + "over time"),
            kind(ViewTab.PHASE, "Phase", PhaseView::new,
                    "The order-to-chaos phase diagram: where χ₁ = 1, and where each strategy sits"));

    private ViewRegistry() {
    }

    private static Kind kind(ViewTab tab, String title, Factory factory, String tooltip) {
        return new Kind(new ViewPage.Info(tab.id(), title, tooltip), factory);
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
