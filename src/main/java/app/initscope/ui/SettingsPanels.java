package app.initscope.ui;

import app.initscope.render.GradientView;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.settings.Setting;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Control;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's settings: the side bar's view options and the network's settings, whose sliders come from the
 * catalog. Holds the layer spinner's binding strongly (a binding to {@code asObject()} alone is only weakly held
 * and would be collected).
 */
final class SettingsPanels {

    private final MainViewModel model;
    private final javafx.beans.property.ObjectProperty<Integer> layerValue;

    SettingsPanels(MainViewModel model) {
        this.model = model;
        this.layerValue = model.view().layerProperty().asObject();
    }

    /** The side bar's view options: layer, gradient, seed, log counts, locked axes, theory, reset. */
    VBox viewOptions() {
        Label title = new Label("View");
        title.getStyleClass().add("section-title");

        Spinner<Integer> layer = new Spinner<>();
        layer.setId("layer");
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, model.draft().integer(Catalog.DEPTH).get(), 1);
        factory.maxProperty().bind(model.draft().integer(Catalog.DEPTH));
        factory.valueProperty().bindBidirectional(layerValue);
        factory.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    return factory.getValue();          // not a number: keep the layer shown
                }
            }
        });
        layer.setValueFactory(factory);
        layer.setEditable(true);
        layer.setPrefWidth(90);
        layer.disableProperty().bind(model.draft().integer(Catalog.DEPTH).lessThan(2));
        HBox layerRow = labeledRow("layer", "Which hidden layer the histograms show (when depth > 1).", layer);

        ChoiceBox<GradientView> gradient = new ChoiceBox<>();
        gradient.setId("gradient");
        gradient.getItems().setAll(GradientView.values());
        gradient.valueProperty().bindBidirectional(model.view().gradientProperty());
        HBox gradientRow = labeledRow("gradient", "The third histogram: δ = ∂L/∂z (what each unit is told), ∂L/∂W "
                + "(what a step would change), or φ′(z) (the slope that scales δ).", gradient);

        CheckBox logY = new CheckBox("log-scale counts");
        logY.setId("log-y");
        logY.selectedProperty().bindBidirectional(model.view().logYProperty());
        Tips.set("Counts on a log scale: shows the thin tails and what is left of a vanished or saturated "
                + "distribution.", logY::setTooltip);
        CheckBox lock = new CheckBox("lock axes across strategies");
        lock.setId("lock-axes");
        lock.selectedProperty().bindBidirectional(model.view().lockAxesProperty());
        Tips.set("Give each histogram the x-axis of all strategies together, so that stepping through strategies "
                + "keeps the axis still: a vanished signal is then a thin spike.", lock::setTooltip);
        lock.setWrapText(true);
        lock.setMinHeight(Region.USE_PREF_SIZE);        // two lines in presentation, never "lock axes across ..."
        CheckBox theory = new CheckBox("show theory");
        theory.setId("show-theory");
        theory.selectedProperty().bindBidirectional(model.view().showTheoryProperty());
        Tips.set("Draw the mean-field prediction N(0, q) over the z histogram.", theory::setTooltip);
        TextField seed = new TextField(Long.toString(model.draft().whole(Catalog.SEED).get()));
        seed.setId("seed");
        seed.setPrefColumnCount(3);
        Label seedHint = new Label();
        seedHint.getStyleClass().add("hint");
        seedHint.setManaged(false);
        seedHint.setVisible(false);
        Runnable commitSeed = () -> {
            try {
                model.draft().whole(Catalog.SEED).set(Long.parseLong(seed.getText().trim()));
                seedHint.setVisible(false);
                seedHint.setManaged(false);
            } catch (NumberFormatException e) {
                seedHint.setText("a seed is a whole number; kept " + model.draft().whole(Catalog.SEED).get());
                seedHint.setVisible(true);
                seedHint.setManaged(true);
            }
        };
        seed.setOnAction(e -> commitSeed.run());
        model.draft().whole(Catalog.SEED).addListener((obs, old, now) -> seed.setText(Long.toString(now.longValue())));
        Button resample = new Button("Resample");
        resample.setId("resample");
        resample.setOnAction(e -> model.resample());
        resample.setMinWidth(Region.USE_PREF_SIZE);
        Tips.set("Draw new random numbers (a new seed): the shapes stay, the details move.", resample::setTooltip);
        HBox seedRow = labeledRow("seed", Catalog.SEED.help(), seed, resample);
        Button reset = new Button("Reset to defaults");
        reset.setId("reset");
        reset.setOnAction(e -> model.resetToDefaults());
        Tips.set("Back to the seed experiment: tanh, fan_in 1000, 1000 samples, width 1000, one layer, seed 42.",
                reset::setTooltip);
        VBox box = new VBox(10, title, layerRow, gradientRow, seedRow, seedHint, logY, lock, theory, reset);
        return box;
    }

    /**
     * The normalization before φ and the residual connections, beside depth: a choice of none, BatchNorm and
     * LayerNorm, and the branch scale α, picked from the usual ones or typed.
     */
    private HBox[] architecture() {
        ChoiceBox<Norm> norm = new ChoiceBox<>();
        norm.setId("norm");
        norm.getItems().setAll(Norm.values());
        norm.setConverter(Fx.labels(n -> switch (n) {
            case NONE -> "none";
            case BATCH -> "BatchNorm";
            case LAYER -> "LayerNorm";
        }));
        norm.valueProperty().bindBidirectional(model.draft().choice(Catalog.NORM));
        Label normLabel = new Label("norm");
        normLabel.getStyleClass().add("control-label");
        Tips.wrapped(Catalog.NORM.help(), norm::setTooltip, normLabel::setTooltip);
        normLabel.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<Residual> residual = new ComboBox<>();
        residual.setId("residual");
        residual.getItems().setAll(Residual.OFF, Residual.scaled(1), Residual.SQRT_DEPTH, Residual.scaled(0.5),
                Residual.scaled(0));
        residual.setEditable(true);
        residual.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Residual r) {
                return r == null ? "" : r.sqrtDepth() ? SQRT_DEPTH_LABEL : r.on() ? "α " + r.id() : "off";
            }

            @Override
            public Residual fromString(String text) {
                String t = text.trim();
                if (t.equals(SQRT_DEPTH_LABEL)) {
                    return Residual.SQRT_DEPTH;
                }
                try {
                    return Residual.parse(t.startsWith("α") ? t.substring(1) : t);
                } catch (IllegalArgumentException e) {
                    return residual.getValue();         // not a scale: keep what was there
                }
            }
        });
        residual.valueProperty().bindBidirectional(model.draft().choice(Catalog.RESIDUAL));
        residual.setPrefWidth(140);
        Label residualLabel = new Label("residual");
        residualLabel.getStyleClass().add("control-label");
        Tips.wrapped(Catalog.RESIDUAL.help() + " Type any α ≥ 0, or pick one.", residual::setTooltip,
                residualLabel::setTooltip);
        residualLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox normBox = new HBox(6, normLabel, norm);
        HBox residualBox = new HBox(6, residualLabel, residual);
        normBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        residualBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new HBox[] {normBox, residualBox};
    }

    /** How the residual control shows α = 1/√(depth − 1). */
    private static final String SQRT_DEPTH_LABEL = "1/√(depth−1)";

    /**
     * A bold label of fixed width (so rows line up) followed by its control, which shares the label's tooltip, and
     * any further nodes.
     */
    private static HBox labeledRow(String text, String tip, Control control, Node... more) {
        Label label = new Label(text);
        label.getStyleClass().add("control-label");
        label.setPrefWidth(72);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Tips.set(tip, label::setTooltip, control::setTooltip);
        HBox row = new HBox(6, label, control);
        row.getChildren().addAll(more);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    /**
     * The network's settings in two rows (so the charts keep their height): the activation and the catalog's first
     * three sliders, then the normalization, the residual connections and the next two sliders (depth beside
     * them); a setting beyond those five gets its slider in the side bar, under "More settings".
     */
    GridPane network(VBox side) {
        ChoiceBox<Activation> activation = new ChoiceBox<>();
        activation.setId("activation");
        activation.getItems().setAll(Activation.values());
        activation.setConverter(Fx.labels(Activation::label));
        activation.valueProperty().bindBidirectional(model.draft().choice(Catalog.ACTIVATION));
        Label activationLabel = new Label("activation");
        activationLabel.getStyleClass().add("control-label");
        Tips.wrapped(Catalog.ACTIVATION.help(), activation::setTooltip, activationLabel::setTooltip);
        HBox activationBox = new HBox(6, activationLabel, activation);
        activationBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        activationLabel.setMinWidth(Region.USE_PREF_SIZE);
        activation.setPrefWidth(150);

        GridPane bar = new GridPane();
        bar.setHgap(18);
        bar.setVgap(6);
        bar.add(activationBox, 0, 0);
        // every numeric setting of the catalog that the window edits gets a slider, in catalog order; the leaky
        // slope sits under the activation and shows only with leaky ReLU
        ConfigDraft draft = model.draft();
        List<Setting<?>> sliders = draft.settings().stream()
                .filter(s -> s.isNumeric() && s.inWindow() && s != Catalog.LEAKY_SLOPE).toList();
        int columns = 3;
        VBox more = new VBox(8);
        for (int i = 0; i < sliders.size(); i++) {
            @SuppressWarnings("unchecked")
            Setting<? extends Number> n = (Setting<? extends Number>) sliders.get(i);
            NumberControl control = NumberControl.of(n, draft.number(n));
            // row 1 starts with the normalization and the residual control, so depth sits beside them
            if (i < columns) {
                bar.add(control, 1 + i, 0);
            } else if (i < 2 * columns - 1) {
                bar.add(control, 2 + i - columns, 1);
            } else {
                more.getChildren().add(control);
            }
        }
        if (!more.getChildren().isEmpty()) {
            Label title = new Label("More settings");
            title.getStyleClass().add("section-title");
            more.getChildren().addFirst(title);
            side.getChildren().add(more);
        }
        HBox[] architecture = architecture();
        bar.add(architecture[0], 0, 1);
        bar.add(architecture[1], 1, 1);
        NumberControl slope = NumberControl.of(Catalog.LEAKY_SLOPE, draft.number(Catalog.LEAKY_SLOPE));
        slope.visibleProperty().bind(model.draft().choice(Catalog.ACTIVATION).isEqualTo(Activation.LEAKY_RELU));
        slope.managedProperty().bind(slope.visibleProperty());
        bar.add(slope, 0, 2);
        for (int i = 0; i <= columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / (columns + 1));
            c.setHgrow(Priority.ALWAYS);
            bar.getColumnConstraints().add(c);
        }
        bar.setPadding(new Insets(8, 0, 4, 0));
        bar.getStyleClass().add("settings-bar");
        return bar;
    }

}
