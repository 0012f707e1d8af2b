package app.initscope.ui;

import app.initscope.render.Plots;
import app.initscope.render.LayerLines;
import app.initscope.render.HistogramChart;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The depth view: small multiples of the chosen strategy's activation and gradient histograms for every layer
 * (each row on one shared x-axis, so that shrinking and saturating show layer by layer), and line charts of
 * std(a) and std(gradient) by layer for every compared strategy on a log axis.
 */
final class DepthView extends SplitPane {

    /** Layers per band of small multiples; deeper networks wrap to a second band. */
    static final int PER_BAND = 10;

    private final MainViewModel model;
    private final GridPane grid = new GridPane();
    private final LayerChart activationChart = new LayerChart();
    private final LayerChart gradientChart = new LayerChart();
    private List<Object> drawnKey;

    DepthView(MainViewModel model) {
        this.model = model;
        setId("depth-view");
        setOrientation(Orientation.VERTICAL);
        grid.setId("depth-grid");
        grid.setHgap(4);
        grid.setVgap(2);
        ScrollPane scroll = Fx.scrolling(grid);
        activationChart.setId("depth-chart-activation");
        gradientChart.setId("depth-chart-gradient");
        HBox charts = new HBox(10, activationChart, gradientChart);
        HBox.setHgrow(activationChart, Priority.ALWAYS);
        HBox.setHgrow(gradientChart, Priority.ALWAYS);
        activationChart.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        gradientChart.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        getItems().addAll(scroll, charts);
        setDividerPositions(0.6);
    }

    /** The number of layers the small multiples show. */
    int layersShown() {
        return (int) grid.getChildren().stream().filter(n -> n.getId() != null
                && n.getId().startsWith("depth-activation-")).count();
    }

    /** Redraws from the model's current result. */
    void refresh() {
        ExperimentResult result = model.resultProperty().get();
        StrategyResult r = model.shownProperty().get();
        if (result == null || r == null) {
            grid.getChildren().clear();
            drawnKey = null;
            activationChart.setData("", "", List.of());
            gradientChart.setData("", "", List.of());
            return;
        }
        GradientView g = model.gradientProperty().get();
        boolean log = model.logYProperty().get();
        List<Object> key = List.of(r, g, log, result.preview());
        if (!key.equals(drawnKey)) {           // a partial result for other strategies leaves these as they are
            drawnKey = key;
            drawSmallMultiples(result, r, g, log);
        }
        drawCharts(result, g);
    }

    private void drawSmallMultiples(ExperimentResult result, StrategyResult r, GradientView g, boolean log) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        int depth = r.layers().size();
        List<HistogramChart.Data> as = new ArrayList<>();
        List<HistogramChart.Data> gs = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            as.add(Plots.data(result, r, l, TensorKind.ACTIVATION, "layer " + l, false, log));
            gs.add(Plots.data(result, r, l, g.tensor(), "layer " + l, false, log));
        }
        as = Plots.locked(as);
        gs = Plots.locked(gs);
        int columns = Math.min(depth, PER_BAND);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(30);
        grid.getColumnConstraints().add(labels);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int l = 1; l <= depth; l++) {
            int band = (l - 1) / PER_BAND;
            int col = (l - 1) % PER_BAND + 1;
            HistogramView a = small("depth-activation-" + l, as.get(l - 1));
            HistogramView d = small("depth-gradient-" + l, gs.get(l - 1));
            grid.add(a, col, band * 2);
            grid.add(d, col, band * 2 + 1);
        }
        int bands = (depth + PER_BAND - 1) / PER_BAND;
        for (int b = 0; b < bands; b++) {
            grid.add(rowLabel("a"), 0, b * 2);
            grid.add(rowLabel(g.tensor().symbol()), 0, b * 2 + 1);
            for (int i = 0; i < 2; i++) {
                RowConstraints rc = new RowConstraints();
                rc.setVgrow(Priority.ALWAYS);
                rc.minHeightProperty().bind(CanvasRegion.zoomProperty().multiply(80));
                grid.getRowConstraints().add(rc);
            }
        }

    }

    private void drawCharts(ExperimentResult result, GradientView g) {
        List<LayerLines.Series> sa = new ArrayList<>();
        List<LayerLines.Series> sg = new ArrayList<>();
        for (var s : model.comparedStrategies()) {
            result.find(s).ifPresent(sr -> {
                sa.add(new LayerLines.Series(s, sr.layers().stream().mapToDouble(l -> l.activation().std())
                        .toArray()));
                sg.add(new LayerLines.Series(s, sr.layers().stream().mapToDouble(l -> l.get(g.tensor()).std())
                        .toArray()));
            });
        }
        activationChart.setData("std(a) by layer", "std(a), log scale", sa);
        gradientChart.setData("std(" + g.tensor().symbol() + ") by layer",
                "std(" + g.tensor().symbol() + "), log scale", sg);
    }

    private static HistogramView small(String id, HistogramChart.Data data) {
        HistogramView v = new HistogramView();
        v.setCompact(true);
        v.setId(id);
        v.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        v.setData(data);
        return v;
    }

    private static Label rowLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    LayerChart activationChart() {
        return activationChart;
    }
}
