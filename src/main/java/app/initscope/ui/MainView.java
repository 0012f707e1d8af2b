package app.initscope.ui;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Summary;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.StatusBar;

/** The first window: a strategy list, the three histograms of the chosen strategy, and a status bar. */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    private final HistogramView zView = new HistogramView();
    private final HistogramView aView = new HistogramView();
    private final HistogramView gView = new HistogramView();
    private final Label heading = new Label();
    private final Label formula = new Label();

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main-view");

        ListView<Strategy> list = new ListView<>();
        list.setId("strategies");
        list.getItems().setAll(Strategy.values());
        list.setCellFactory(v -> new StrategyCell());
        list.getSelectionModel().select(model.strategyProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.strategyProperty().set(now);
            }
        });
        list.setPrefWidth(230);
        Label listTitle = new Label("Initialization");
        listTitle.getStyleClass().add("section-title");
        VBox side = new VBox(8, listTitle, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        side.setPadding(new Insets(12));
        setLeft(side);

        heading.getStyleClass().add("heading");
        heading.setId("heading");
        formula.getStyleClass().add("formula");
        ExperimentConfig c = model.config();
        Label config = new Label(String.format(Locale.ROOT, "%s · fan_in %d · samples %d · width %d · depth %d · "
                + "seed %d", c.activation().label(), c.fanIn(), c.samples(), c.width(), c.depth(), c.seed()));
        config.getStyleClass().add("config");
        VBox top = new VBox(2, heading, formula, config);
        top.setPadding(new Insets(12, 12, 4, 0));

        zView.setId("histogram-z");
        aView.setId("histogram-activation");
        gView.setId("histogram-gradient");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.add(zView, 0, 0);
        grid.add(aView, 1, 0);
        grid.add(gView, 2, 0);
        for (HistogramView v : new HistogramView[] {zView, aView, gView}) {
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
            v.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }
        VBox center = new VBox(6, top, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        center.setPadding(new Insets(0, 12, 12, 0));
        setCenter(center);

        StatusBar status = new StatusBar();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.progressProperty().bind(model.progressProperty());
        setBottom(status);

        model.shownProperty().addListener((obs, old, now) -> show(now));
        model.strategyProperty().addListener((obs, old, now) -> showHeading(now));
        showHeading(model.strategyProperty().get());
        show(model.shownProperty().get());
    }

    private void showHeading(Strategy s) {
        heading.setText(s.label() + " initialization");
        formula.setText(s.formula());
    }

    private void show(StrategyResult r) {
        if (r == null) {
            zView.setData(null);
            aView.setData(null);
            gView.setData(null);
            return;
        }
        LayerResult l = r.layer(1);
        Color color = Palette.of(r.strategy());
        Summary z = l.z();
        String symmetry = l.distinctUnits() == 1 ? "⚠ all " + l.fanOut() + " units identical (symmetry)" : null;
        String activation = model.config().activation().label();
        zView.setData(new HistogramView.Data("Pre-activation z", "z = x·W", z, color, l.theory().varianceZ(),
                "theory: std " + Ticks.label(l.theory().stdZ()), false));
        aView.setData(new HistogramView.Data("Activation a", "a = " + activation + "(z)", l.activation(), color,
                Double.NaN, symmetry, symmetry != null));
        gView.setData(new HistogramView.Data("Gradient δ", "δ = ∂L/∂z", l.delta(), color, Double.NaN,
                String.format(Locale.ROOT, "distinct units %d / %d", l.distinctUnits(), l.fanOut()),
                l.distinctUnits() == 1));
    }

    /** A list cell with the strategy's colour swatch. */
    private static final class StrategyCell extends ListCell<Strategy> {
        @Override
        protected void updateItem(Strategy s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(s.label());
                Rectangle swatch = new Rectangle(14, 14, Palette.of(s));
                HBox box = new HBox(swatch);
                box.setPadding(new Insets(0, 4, 0, 0));
                setGraphic(box);
            }
        }
    }
}
