package app.initscope.ui;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;
import org.controlsfx.control.StatusBar;

/** The first window: a strategy list, the three histograms of the chosen strategy, and a status bar. */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    private final HistogramView zView = new HistogramView();
    private final HistogramView aView = new HistogramView();
    private final HistogramView gView = new HistogramView();
    private final Label heading = new Label();
    private final Label formula = new Label();
    private final Label config = new Label();

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
        list.setPrefHeight(Strategy.values().length * 31 + 4);
        list.setMinHeight(160);
        model.strategyProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        list.setTooltip(new Tooltip("Keys 1–9 pick a strategy; ← and → step through them."));
        Label listTitle = new Label("Initialization");
        listTitle.getStyleClass().add("section-title");
        VBox side = new VBox(8, listTitle, list, viewOptions());
        side.setPadding(new Insets(12));
        setLeft(side);

        heading.getStyleClass().add("heading");
        heading.setId("heading");
        formula.getStyleClass().add("formula");
        config.getStyleClass().add("config");
        config.setId("config");
        showConfig(model.config());
        VBox top = new VBox(2, heading, formula, config, controls());
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
        for (var p : List.of(model.layerProperty(), model.gradientProperty(), model.logYProperty(),
                model.showTheoryProperty())) {
            p.addListener((obs, old, now) -> show(model.shownProperty().get()));
        }
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        model.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showConfig(now.config());
            }
        });
        model.strategyProperty().addListener((obs, old, now) -> showHeading(now));
        showHeading(model.strategyProperty().get());
        show(model.shownProperty().get());
    }

    private VBox viewOptions() {
        Label title = new Label("View");
        title.getStyleClass().add("section-title");

        Spinner<Integer> layer = new Spinner<>();
        layer.setId("layer");
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, model.depthProperty().get(), 1);
        factory.maxProperty().bind(model.depthProperty());
        factory.valueProperty().bindBidirectional(model.layerProperty().asObject());
        layer.setValueFactory(factory);
        layer.setPrefWidth(90);
        layer.disableProperty().bind(model.depthProperty().lessThan(2));
        layer.setTooltip(new Tooltip("Which hidden layer the histograms show (when depth > 1)."));
        HBox layerRow = labeledRow("layer", layer.getTooltip(), layer);

        ChoiceBox<GradientView> gradient = new ChoiceBox<>();
        gradient.setId("gradient");
        gradient.getItems().setAll(GradientView.values());
        gradient.valueProperty().bindBidirectional(model.gradientProperty());
        gradient.setTooltip(new Tooltip("The third histogram: δ = ∂L/∂z (what each unit is told), ∂L/∂W (what a "
                + "step would change), or φ′(z) (the slope that scales δ)."));
        HBox gradientRow = labeledRow("gradient", gradient.getTooltip(), gradient);

        CheckBox logY = new CheckBox("log-scale counts");
        logY.setId("log-y");
        logY.selectedProperty().bindBidirectional(model.logYProperty());
        logY.setTooltip(new Tooltip("Counts on a log scale: shows the thin tails and what is left of a "
                + "vanished or saturated distribution."));
        CheckBox theory = new CheckBox("show theory");
        theory.setId("show-theory");
        theory.selectedProperty().bindBidirectional(model.showTheoryProperty());
        theory.setTooltip(new Tooltip("Draw the mean-field prediction N(0, q) over the z histogram."));
        TextField seed = new TextField(Long.toString(model.seedProperty().get()));
        seed.setId("seed");
        seed.setPrefColumnCount(4);
        Label seedHint = new Label();
        seedHint.getStyleClass().add("hint");
        seedHint.setManaged(false);
        seedHint.setVisible(false);
        Runnable commitSeed = () -> {
            try {
                model.seedProperty().set(Long.parseLong(seed.getText().trim()));
                seedHint.setVisible(false);
                seedHint.setManaged(false);
            } catch (NumberFormatException e) {
                seedHint.setText("a seed is a whole number; kept " + model.seedProperty().get());
                seedHint.setVisible(true);
                seedHint.setManaged(true);
            }
        };
        seed.setOnAction(e -> commitSeed.run());
        model.seedProperty().addListener((obs, old, now) -> seed.setText(Long.toString(now.longValue())));
        Tooltip seedTip = new Tooltip("The random seed of the input, the targets and the weights: the same seed "
                + "always redraws the same picture.");
        seed.setTooltip(seedTip);
        Button resample = new Button("Resample");
        resample.setId("resample");
        resample.setOnAction(e -> model.resample());
        resample.setTooltip(new Tooltip("Draw new random numbers (a new seed): the shapes stay, the details move."));
        HBox seedRow = labeledRow("seed", seedTip, seed, resample);
        Button reset = new Button("Reset to defaults");
        reset.setId("reset");
        reset.setOnAction(e -> model.resetToDefaults());
        reset.setTooltip(new Tooltip("Back to the seed experiment: tanh, fan_in 1000, 1000 samples, width 1000, "
                + "one layer, seed 42."));
        VBox box = new VBox(8, title, layerRow, gradientRow, seedRow, seedHint, logY, theory, reset);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** A bold label of fixed width (so rows line up) followed by its controls. */
    private static HBox labeledRow(String text, Tooltip tip, Node... controls) {
        Label label = new Label(text);
        label.getStyleClass().add("control-label");
        label.setPrefWidth(72);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setTooltip(tip);
        HBox row = new HBox(6, label);
        row.getChildren().addAll(controls);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private GridPane controls() {
        ChoiceBox<Activation> activation = new ChoiceBox<>();
        activation.setId("activation");
        activation.getItems().setAll(Activation.values());
        activation.setConverter(new StringConverter<>() {
            @Override
            public String toString(Activation a) {
                return a == null ? "" : a.label();
            }

            @Override
            public Activation fromString(String s) {
                return null;
            }
        });
        activation.valueProperty().bindBidirectional(model.activationProperty());
        Tooltip tip = new Tooltip("The nonlinearity φ after every hidden layer. Xavier suits tanh and sigmoid; "
                + "He suits ReLU, which zeroes half its inputs.");
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        activation.setTooltip(tip);
        Label activationLabel = new Label("activation");
        activationLabel.getStyleClass().add("control-label");
        activationLabel.setTooltip(tip);
        HBox activationBox = new HBox(6, activationLabel, activation);
        activationBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        activationLabel.setMinWidth(Region.USE_PREF_SIZE);
        activation.setPrefWidth(150);

        GridPane bar = new GridPane();
        bar.setHgap(18);
        bar.setVgap(6);
        bar.add(activationBox, 0, 0);
        bar.add(new NumberControl("fan-in", "fan_in", "Inputs per unit of the first layer. Var(z) grows with it "
                + "unless the weights shrink as 1/fan_in.", model.fanInProperty(), 1, 4096, true), 1, 0);
        bar.add(new NumberControl("samples", "samples", "Rows of the synthetic input: more rows give smoother "
                + "histograms, fewer run faster.", model.samplesProperty(), 10, 20000, true), 2, 0);
        bar.add(new NumberControl("width", "width", "Units per hidden layer (the fan-in of the layers after the "
                + "first).", model.widthProperty(), 1, 4096, true), 3, 0);
        bar.add(new NumberControl("depth", "depth", "Hidden layers: depth multiplies whatever one layer does to "
                + "the signal.", model.depthProperty(), 1, 20, false), 1, 1);
        bar.add(new NumberControl("outputs", "outputs", "Outputs of the linear readout that the loss compares "
                + "with random targets.", model.outputsProperty(), 1, 100, false), 2, 1);
        bar.add(new NumberControl("bins", "bins", "Histogram bins.", model.binsProperty(), 10, 200, false), 3, 1);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(25);
            c.setHgrow(Priority.ALWAYS);
            bar.getColumnConstraints().add(c);
        }
        bar.setPadding(new Insets(8, 0, 4, 0));
        return bar;
    }

    private void showConfig(ExperimentConfig c) {
        config.setText(String.format(Locale.ROOT, "%s · fan_in %d · samples %d · width %d · depth %d · seed %d",
                c.activation().label(), c.fanIn(), c.samples(), c.width(), c.depth(), c.seed()));
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
        int layer = Math.min(model.layerProperty().get(), r.layers().size());
        LayerResult l = r.layer(layer);
        Color color = Palette.of(r.strategy());
        boolean log = model.logYProperty().get();
        boolean theory = model.showTheoryProperty().get();
        String where = r.layers().size() > 1 ? " · layer " + layer : "";
        String symmetry = l.distinctUnits() == 1 ? "⚠ all " + l.fanOut() + " units identical (symmetry)" : null;
        String activation = model.config().activation().label();
        zView.setData(new HistogramView.Data("Pre-activation z" + where, "z = a·W", l.z(), color,
                theory ? l.theory().varianceZ() : Double.NaN,
                theory ? "theory: std " + Ticks.label(l.theory().stdZ()) : null, false, log));
        aView.setData(new HistogramView.Data("Activation a" + where, "a = " + activation + "(z)", l.activation(),
                color, Double.NaN, symmetry, symmetry != null, log));
        GradientView g = model.gradientProperty().get();
        gView.setData(new HistogramView.Data(g.title() + where, g.symbol(), l.get(g.tensor()), color, Double.NaN,
                String.format(Locale.ROOT, "distinct units %d / %d", l.distinctUnits(), l.fanOut()),
                l.distinctUnits() == 1, log));
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (code.isDigitKey() && code != KeyCode.DIGIT0 && code != KeyCode.NUMPAD0) {
            model.pickStrategy(Integer.parseInt(code.getChar().isEmpty() ? "0" : code.getChar()) - 1);
            e.consume();
        } else if ((code == KeyCode.LEFT || code == KeyCode.RIGHT) && !(e.getTarget() instanceof Slider)
                && !(e.getTarget() instanceof Spinner)) {
            model.stepStrategy(code == KeyCode.LEFT ? -1 : 1);
            e.consume();
        }
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
