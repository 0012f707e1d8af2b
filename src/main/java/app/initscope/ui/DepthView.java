package app.initscope.ui;

import app.initscope.core.init.Strategy;
import app.initscope.core.experiment.Counterparts;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.engine.CounterpartsJob;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.render.AxisMode;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.StackPane;

/**
 * The depth view: the depth figure, the one the export writes, painted at the view's size: small multiples of the
 * chosen strategy's activation and gradient histograms for every layer (each row on one shared x-axis, so that
 * shrinking and saturating show layer by layer), and line charts of std(a) and std(gradient) by layer for every
 * compared strategy on a log axis. Deep networks wrap to further bands and scroll.
 */
final class DepthView extends StackPane implements ViewPage {

    private final MainViewModel model;
    private final FigureView figure = new FigureView();
    private final CheckBox jacobian = new CheckBox("Jacobian spectrum (slow)");
    private final CheckBox withAndWithout = new CheckBox("with and without");
    private List<Object> drawnKey;

    DepthView(MainViewModel model) {
        this.model = model;
        setId("depth-view");
        figure.setId("depth-figure");
        ScrollPane scroll = Fx.scrolling(figure);
        jacobian.setId("jacobian-toggle");
        jacobian.selectedProperty().bindBidirectional(model.view().jacobianProperty());
        jacobian.setTooltip(new javafx.scene.control.Tooltip("Also take each strategy's input–output Jacobian and "
                + "draw the shown one's singular values. Slow: one SVD of a fan_in × width matrix per input (4) "
                + "and strategy, about a second of CPU each at 1000 × 1000."));
        Label hint = new Label();
        hint.getStyleClass().add("config");
        // BatchNorm ties the samples together: no Jacobian of one input is taken with a normalization, so the
        // toggle is off then, and the hint says why
        var norm = model.draft().choice(app.initscope.core.experiment.Catalog.NORM);
        jacobian.disableProperty().bind(norm.isNotEqualTo(app.initscope.core.nn.Norm.NONE));
        hint.textProperty().bind(javafx.beans.binding.Bindings.when(norm.isEqualTo(app.initscope.core.nn.Norm.NONE))
                .then("correlations show with c₀ > 0 or σ_b > 0")
                .otherwise("no Jacobian with a normalization: it ties the samples together"));
        withAndWithout.setId("with-and-without-toggle");
        withAndWithout.selectedProperty().bindBidirectional(model.view().withAndWithoutProperty());
        withAndWithout.setTooltip(new javafx.scene.control.Tooltip("Also run the shown strategy's network without "
                + "its normalization or residual branches, or at the other branch scale (a plain network: with "
                + "BatchNorm and with skips), and draw their std by layer dashed in its colour."));
        model.counterpartsProperty().addListener((obs, old, now) -> refresh());
        withAndWithout.selectedProperty().addListener((obs, old, now) -> refresh());
        HBox bar = new HBox(14, withAndWithout, jacobian, hint);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new javafx.geometry.Insets(4, 4, 4, 4));
        VBox box = new VBox(bar, scroll);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().add(box);
    }

    /** The number of layers the small multiples show. */
    int layersShown() {
        Figure f = figure.figure();
        return f == null ? 0 : f.panels(TensorKind.ACTIVATION.id()).size();
    }

    /** The figure on screen, or null. */
    Figure figure() {
        return figure.figure();
    }

    /** Redraws from the model's current result. */
    @Override
    public void refresh() {
        ExperimentResult result = model.resultProperty().get();
        StrategyResult r = model.shownProperty().get();
        if (result == null || r == null || result.find(r.strategy()).isEmpty()) {
            drawnKey = null;
            figure.setFigure(null);
            return;
        }
        List<Counterparts.Run> overlay = counterparts(result, r.strategy());
        List<Object> key = List.of(result, r, overlay, model.theoryVersionProperty().get(),
                model.view().gradientProperty().get(),
                model.view().logYProperty().get(), List.copyOf(model.view().comparedStrategies()));
        if (key.equals(drawnKey)) {
            return;
        }
        drawnKey = key;
        int bands = Figures.depthBands(r.layers().size());
        int rows = Figures.depthChartRows(result, r.strategy());
        figure.minHeightProperty().bind(CanvasRegion.zoomProperty().multiply(bands * 2 * 80 + 220 * rows));
        figure.setFigure(Figures.depth(result, r.strategy(), List.copyOf(model.view().comparedStrategies()),
                overlay, FigureOptions.of(model, false, AxisMode.SHARED)));
    }

    /**
     * The runs "with and without" of the shown network when asked for and computed; asks for them (off the FX
     * thread) when they are not, and until then returns none. A preview waits for the full result.
     */
    private List<Counterparts.Run> counterparts(ExperimentResult result, Strategy shown) {
        if (!withAndWithout.isSelected() || result.preview()) {
            return List.of();
        }
        CounterpartsJob.Request request = new CounterpartsJob.Request(result.config(), shown);
        CounterpartsJob.Answer answer = model.counterpartsProperty().get();
        if (answer != null && answer.request().equals(request)) {
            return answer.runs();
        }
        model.requestCounterparts(request);
        return List.of();
    }

    @Override
    public app.initscope.render.Figure exportFigure(ExperimentResult result, Strategy shown,
                                                    app.initscope.render.Figures.Options options) {
        return app.initscope.render.Figures.depth(result, shown, List.copyOf(model.view().comparedStrategies()),
                counterparts(result, shown), options);
    }

    @Override
    public void reveal(List<String> charts) {
        figure.reveal(charts);
    }
}
