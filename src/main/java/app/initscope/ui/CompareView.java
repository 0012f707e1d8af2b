package app.initscope.ui;

import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The compare view: a grid with a row per strategy and the columns z | activation | gradient, each column on one
 * shared x-axis so that vanishing and saturation show at a glance; under it a sortable table of every strategy's
 * statistics. Clicking a row or a row label selects that strategy.
 */
final class CompareView extends SplitPane {

    /** One strategy's numbers at the shown layer, as the table lists them. */
    record Row(Strategy strategy, double meanZ, double stdZ, double theoryStdZ, double meanA, double stdA,
               Double saturated, double zeros, double stdGradient, int distinctUnits, int units, double loss) {

        static Row of(StrategyResult r, int layer, TensorKind gradient) {
            LayerResult l = r.layer(layer);
            Summary z = l.z();
            Summary a = l.activation();
            return new Row(r.strategy(), z.mean(), z.std(), l.theory().stdZ(), a.mean(), a.std(),
                    a.saturatedFraction(), a.zeroFraction(), l.get(gradient).std(), l.distinctUnits(), l.fanOut(),
                    r.loss());
        }
    }

    private final MainViewModel model;
    private final GridPane grid = new GridPane();
    private final TableView<Row> table = new TableView<>();
    private final TableColumn<Row, Double> gradientColumn;
    private boolean selecting;

    CompareView(MainViewModel model) {
        this.model = model;
        setId("compare-view");
        setOrientation(Orientation.VERTICAL);

        CheckComboBox<Strategy> pick = new CheckComboBox<>();
        pick.setId("compare-strategies");
        pick.getItems().setAll(Strategy.values());
        pick.setConverter(new StringConverter<>() {
            @Override
            public String toString(Strategy s) {
                return s == null ? "" : s.label();
            }

            @Override
            public Strategy fromString(String s) {
                return null;
            }
        });
        pick.setTitle("strategies in the grid");
        pick.setShowCheckedCount(true);
        for (Strategy s : model.comparedStrategies()) {
            pick.getCheckModel().check(s);
        }
        pick.getCheckModel().getCheckedItems().addListener((ListChangeListener<Strategy>) c -> {
            List<Strategy> now = new ArrayList<>(pick.getCheckModel().getCheckedItems());
            now.sort(null);
            if (!now.equals(model.comparedStrategies())) {
                model.comparedStrategies().setAll(now);
            }
        });
        model.comparedStrategies().addListener((ListChangeListener<Strategy>) c -> {
            for (Strategy s : Strategy.values()) {
                boolean want = model.comparedStrategies().contains(s);
                if (want != pick.getCheckModel().isChecked(s)) {
                    if (want) {
                        pick.getCheckModel().check(s);
                    } else {
                        pick.getCheckModel().clearCheck(s);
                    }
                }
            }
            refresh();
        });
        pick.setTooltip(new Tooltip("Which strategies the grid shows. The table always lists all of them."));
        Label axes = new Label("Each column shares one x-axis across the rows; each row scales its counts to "
                + "its own peak.");
        axes.getStyleClass().add("config");
        axes.setWrapText(true);
        HBox bar = new HBox(12, pick, axes);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 0, 6, 0));

        grid.setId("compare-grid");
        grid.setHgap(8);
        grid.setVgap(4);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox top = new VBox(bar, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        table.setId("compare-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, Strategy> name = new TableColumn<>("strategy");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().strategy()));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Strategy s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.label());
                setGraphic(empty || s == null ? null : new Rectangle(12, 12, Palette.of(s)));
            }
        });
        name.setPrefWidth(150);
        table.getColumns().add(name);
        table.getColumns().add(number("mean z", Row::meanZ));
        table.getColumns().add(number("std z", Row::stdZ));
        table.getColumns().add(number("theory std z", Row::theoryStdZ));
        table.getColumns().add(number("mean a", Row::meanA));
        table.getColumns().add(number("std a", Row::stdA));
        table.getColumns().add(percent("saturated", Row::saturated));
        table.getColumns().add(percent("zeros", Row::zeros));
        gradientColumn = number("std δ", Row::stdGradient);
        table.getColumns().add(gradientColumn);
        TableColumn<Row, Integer> distinct = new TableColumn<>("distinct units");
        distinct.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().distinctUnits()));
        table.getColumns().add(distinct);
        table.getColumns().add(number("loss", Row::loss));
        table.setPlaceholder(new Label("computing…"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !selecting) {
                model.strategyProperty().set(now.strategy());
            }
        });

        getItems().addAll(top, table);
        setDividerPositions(0.58);
        model.strategyProperty().addListener((obs, old, now) -> {
            selectRow(now);
            refresh();
        });
    }

    private static TableColumn<Row, Double> number(String title, Function<Row, Double> value) {
        TableColumn<Row, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Ticks.label(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }

    private static TableColumn<Row, Double> percent(String title, Function<Row, Double> value) {
        TableColumn<Row, Double> c = number(title, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }

    private void selectRow(Strategy s) {
        selecting = true;
        try {
            table.getItems().stream().filter(r -> r.strategy() == s).findFirst()
                    .ifPresentOrElse(r -> table.getSelectionModel().select(r),
                            () -> table.getSelectionModel().clearSelection());
        } finally {
            selecting = false;
        }
    }

    /** The table's rows, in the table's current (possibly sorted) order. */
    List<Row> rows() {
        return List.copyOf(table.getItems());
    }

    /** Redraws the grid and refills the table from the model's current result. */
    void refresh() {
        ExperimentResult result = model.resultProperty().get();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        if (result == null) {
            table.getItems().clear();
            return;
        }
        int depth = result.config().depth();
        int layer = Math.min(model.layerProperty().get(), depth);
        GradientView g = model.gradientProperty().get();
        gradientColumn.setText("std " + g.tensor().symbol());

        // the table: every computed strategy, sorted as the user last sorted it
        List<Row> rows = result.results().stream().sorted((x, y) -> x.strategy().compareTo(y.strategy()))
                .map(r -> Row.of(r, layer, g.tensor())).toList();
        table.getItems().setAll(rows);
        table.sort();
        selectRow(model.strategyProperty().get());

        // the grid: the chosen strategies, in the list's order
        List<StrategyResult> shown = model.comparedStrategies().stream()
                .map(s -> result.find(s).orElse(null)).filter(r -> r != null).toList();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        grid.getColumnConstraints().add(labels);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.ALWAYS);
            cc.setPercentWidth(-1);
            grid.getColumnConstraints().add(cc);
        }
        TensorKind[] kinds = {TensorKind.Z, TensorKind.ACTIVATION, g.tensor()};
        String where = depth > 1 ? " · layer " + layer : "";
        for (int c = 0; c < 3; c++) {
            Label head = new Label(Plots.axisLabel(kinds[c], result.config().activation()) + where);
            head.getStyleClass().add("section-title");
            grid.add(head, c + 1, 0);
        }
        boolean log = model.logYProperty().get();
        boolean theory = model.showTheoryProperty().get();
        for (int c = 0; c < 3; c++) {
            TensorKind kind = kinds[c];
            List<HistogramView.Data> column = Plots.locked(shown.stream()
                    .map(r -> Plots.data(result, r, layer, kind, r.strategy().label(), theory, log)).toList());
            for (int i = 0; i < column.size(); i++) {
                HistogramView v = new HistogramView();
                v.setCompact(true);
                v.setId("compare-" + shown.get(i).strategy().id() + "-" + kind.id());
                v.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                v.setData(column.get(i));
                grid.add(v, c + 1, i + 1);
            }
        }
        grid.getRowConstraints().add(new RowConstraints());
        for (int i = 0; i < shown.size(); i++) {
            Strategy s = shown.get(i).strategy();
            Label label = new Label(s.label(), new Rectangle(14, 14, Palette.of(s)));
            label.getStyleClass().add(s == model.strategyProperty().get() ? "row-label-chosen" : "row-label");
            label.setOnMouseClicked(e -> model.strategyProperty().set(s));
            label.setTooltip(new Tooltip("Show " + s.label() + " in the single view's histograms"));
            grid.add(label, 0, i + 1);
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            rc.setMinHeight(90);
            grid.getRowConstraints().add(rc);
        }
    }
}
