package app.initscope.ui;

import app.initscope.render.Plots;
import app.initscope.render.HistogramChart;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.stats.Histogram;
import java.util.List;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The single view: three large histograms (z, the activation, and the chosen gradient) of the chosen strategy
 * and layer. With "lock axes" on, each histogram's x-axis spans that tensor's range over every strategy, so that
 * stepping through strategies keeps the axis still and only the data moves.
 */
final class SingleView extends GridPane {

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

    /** Draws the model's current result. */
    void refresh() {
        StrategyResult r = model.shownProperty().get();
        ExperimentResult all = model.resultProperty().get();
        if (r == null || all == null) {
            zView.setData(null);
            aView.setData(null);
            gView.setData(null);
            return;
        }
        int layer = Math.min(model.layerProperty().get(), r.layers().size());
        String where = r.layers().size() > 1 ? " · layer " + layer : "";
        boolean log = model.logYProperty().get();
        boolean theory = model.showTheoryProperty().get();
        GradientView g = model.gradientProperty().get();
        zView.setData(axis(all, layer, TensorKind.Z,
                Plots.data(all, r, layer, TensorKind.Z, "Pre-activation z" + where, theory, log)));
        aView.setData(axis(all, layer, TensorKind.ACTIVATION,
                Plots.data(all, r, layer, TensorKind.ACTIVATION, "Activation a" + where, theory, log)));
        gView.setData(axis(all, layer, g.tensor(), Plots.data(all, r, layer, g.tensor(), g.title() + where, theory,
                log)));
    }

    private HistogramChart.Data axis(ExperimentResult all, int layer, TensorKind kind, HistogramChart.Data d) {
        StrategyResult pin = model.pinnedProperty().get();
        Histogram ghost = pin == null ? null : pin.layer(Math.min(layer, pin.layers().size())).get(kind).histogram();
        List<Histogram> hs = new java.util.ArrayList<>();
        if (model.lockAxesProperty().get()) {
            all.results().stream().filter(s -> s.layers().size() >= layer)
                    .forEach(s -> hs.add(s.layer(layer).get(kind).histogram()));
        }
        if (ghost != null) {
            hs.add(d.histogram());
            hs.add(ghost);
        }
        if (hs.isEmpty()) {
            return d;
        }
        double[] range = Plots.union(hs);
        HistogramChart.Data live = Plots.onAxis(d, range);
        if (ghost == null || range == null) {
            return live;
        }
        Histogram g = ghost.rebin(range[0], range[1], live.histogram().bins());
        return live.withGhost(g);
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
}
