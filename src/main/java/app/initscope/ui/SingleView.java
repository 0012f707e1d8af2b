package app.initscope.ui;

import app.initscope.core.init.Strategy;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.render.AxisMode;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import java.util.List;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The single view: three large histograms (z, the activation, and the chosen gradient) of the chosen strategy
 * and layer, and with a normalization a fourth, N(z), between z and the activation. With "lock axes" on, each histogram's x-axis spans that tensor's range over every strategy, so that
 * stepping through strategies keeps the axis still and only the data moves.
 */
final class SingleView extends GridPane implements ViewPage {

    private final MainViewModel model;
    private final HistogramView zView = new HistogramView();
    private final HistogramView aView = new HistogramView();
    private final HistogramView gView = new HistogramView();
    private final HistogramView nView = new HistogramView();

    SingleView(MainViewModel model) {
        this.model = model;
        setId("single-view");
        setHgap(10);
        zView.setId("histogram-z");
        aView.setId("histogram-activation");
        gView.setId("histogram-gradient");
        nView.setId("histogram-normalized");
        place(false);
        for (HistogramView v : List.of(zView, nView, aView, gView)) {
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
            v.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    /**
     * Draws the model's current result: the panels of the single figure that the export writes too (the same
     * axes, lock and ghost), each in its own view so that each can be pointed at and exported alone.
     */
    @Override
    public void refresh() {
        StrategyResult r = model.shownProperty().get();
        ExperimentResult all = model.resultProperty().get();
        if (r == null || all == null) {
            for (HistogramView v : List.of(zView, nView, aView, gView)) {
                v.setData(null);
            }
            return;
        }
        Figure figure = Figures.single(all, r, FigureOptions.of(model, false, AxisMode.SHARED),
                model.presentation().pinnedProperty().get());
        boolean normalized = figure.panels().size() == 4;
        place(normalized);
        List<HistogramView> views = normalized ? List.of(zView, nView, aView, gView) : List.of(zView, aView, gView);
        for (int i = 0; i < views.size(); i++) {
            views.get(i).setData(figure.panels().get(i).data());
        }
        if (!normalized) {
            nView.setData(null);
        }
    }

    /** Lays the histograms out in a row: z, N(z) when normalized, a, the gradient. */
    private void place(boolean normalized) {
        List<HistogramView> views = normalized ? List.of(zView, nView, aView, gView) : List.of(zView, aView, gView);
        if (getChildren().equals(views)) {
            return;
        }
        getChildren().clear();
        for (int i = 0; i < views.size(); i++) {
            add(views.get(i), i, 0);
        }
    }

    HistogramView nView() {
        return nView;
    }

    HistogramView zView() {
        return zView;
    }

    HistogramView aView() {
        return aView;
    }

    HistogramView gView() {
        return gView;
    }

    @Override
    public app.initscope.render.Figure exportFigure(ExperimentResult result, Strategy shown,
                                                    app.initscope.render.Figures.Options options) {
        return app.initscope.render.Figures.single(result, shown, options);
    }
}
