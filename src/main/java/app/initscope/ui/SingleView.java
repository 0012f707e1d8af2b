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
 * and layer. With "lock axes" on, each histogram's x-axis spans that tensor's range over every strategy, so that
 * stepping through strategies keeps the axis still and only the data moves.
 */
final class SingleView extends GridPane implements ViewPage {

    private final MainViewModel model;
    private final HistogramView zView = new HistogramView();
    private final HistogramView aView = new HistogramView();
    private final HistogramView gView = new HistogramView();

    SingleView(MainViewModel model) {
        this.model = model;
        setId("single-view");
        setHgap(10);
        zView.setId("histogram-z");
        aView.setId("histogram-activation");
        gView.setId("histogram-gradient");
        add(zView, 0, 0);
        add(aView, 1, 0);
        add(gView, 2, 0);
        for (HistogramView v : List.of(zView, aView, gView)) {
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
            zView.setData(null);
            aView.setData(null);
            gView.setData(null);
            return;
        }
        Figure figure = Figures.single(all, r, FigureOptions.of(model, false, AxisMode.SHARED),
                model.presentation().pinnedProperty().get());
        zView.setData(figure.panels().get(0).data());
        aView.setData(figure.panels().get(1).data());
        gView.setData(figure.panels().get(2).data());
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
