package app.initscope.ui;

import app.initscope.render.GradientView;
import app.initscope.fx.FxColors;
import app.initscope.render.AxisMode;
import app.initscope.render.Figures;
import app.initscope.render.Ticks;
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
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.CheckComboBox;

/**
 * The compare view: the compare figure (the one the export writes), a row per strategy and the columns
 * z | activation | gradient, each column's rows on x-axes as the axis mode says (shared linear, shared
 * symmetric-log, or each row its own); under it, folded away until asked for, a sortable table of every
 * strategy's statistics. The grid has the height. Clicking a grid row or a table row selects that strategy.
 */
final class CompareView extends VBox implements ViewPage {

    /** Whether the strategy checks are being set from the model (and must not write back). */
    private boolean syncing;

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
    private List<Strategy> rowsShown = List.of();
    private final FigureView grid = new FigureView();
    private final TitledPane tablePane;
    /**
     * A table line: one per strategy, kept for the life of the view. A new result only changes each line's row,
     * so the table updates its cells' text instead of rebuilding its rows (which took 10–20 ms on the FX thread).
     */
    static final class Line {
        final Strategy strategy;
        final ObjectProperty<Row> row = new SimpleObjectProperty<>();

        Line(Strategy strategy) {
            this.strategy = strategy;
        }
    }

    private final TableView<Line> table = new TableView<>();
    private final TableColumn<Line, Double> gradientColumn;
    private boolean selecting;

    CompareView(MainViewModel model) {
        this.model = model;
        setId("compare-view");

        CheckComboBox<Strategy> pick = new CheckComboBox<>();
        pick.setId("compare-strategies");
        pick.getItems().setAll(Strategy.values());
        pick.setConverter(Fx.labels(Strategy::label));
        pick.setTitle("strategies in the grid");
        pick.setShowCheckedCount(true);
        for (Strategy s : model.view().comparedStrategies()) {
            pick.getCheckModel().check(s);
        }
        pick.getCheckModel().getCheckedItems().addListener((ListChangeListener<Strategy>) c -> {
            if (syncing) {
                return;     // the checks are following the model: each single check is a half-done state
            }
            List<Strategy> now = new ArrayList<>(pick.getCheckModel().getCheckedItems());
            now.sort(null);
            if (!now.equals(model.view().comparedStrategies())) {
                model.view().comparedStrategies().setAll(now);
            }
        });
        model.view().comparedStrategies().addListener((ListChangeListener<Strategy>) c -> {
            syncing = true;
            try {
                for (Strategy s : Strategy.values()) {
                    boolean want = model.view().comparedStrategies().contains(s);
                    if (want != pick.getCheckModel().isChecked(s)) {
                        if (want) {
                            pick.getCheckModel().check(s);
                        } else {
                            pick.getCheckModel().clearCheck(s);
                        }
                    }
                }
            } finally {
                syncing = false;
            }
        });
        pick.setTooltip(new Tooltip("Which strategies the grid shows. The table always lists all of them."));
        ChoiceBox<AxisMode> axes = new ChoiceBox<>();
        axes.setId("compare-axes");
        axes.getItems().setAll(AxisMode.values());
        axes.setConverter(Fx.labels(AxisMode::label));
        axes.valueProperty().bindBidirectional(model.view().compareAxesProperty());
        axes.setTooltip(new Tooltip("How each column puts its rows on x-axes. Shared linear shows true widths, but "
                + "a wide row (Large) squeezes narrow ones into a bar or two. Shared symlog keeps one axis, "
                + "linear within ±c (the smallest std of the column) and logarithmic beyond. Own: each row "
                + "scaled to itself."));
        Label axesLabel = new Label("x-axes:");
        axesLabel.setLabelFor(axes);
        Label note = new Label("each row scales its counts to its own peak");
        note.getStyleClass().add("config");
        note.setMinWidth(0);
        // the controls keep their width on a projector; only the note gives way
        for (javafx.scene.layout.Region r : List.of(pick, axesLabel, axes)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, pick, axesLabel, axes, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 0, 6, 0));

        grid.setId("compare-grid");
        grid.setOnStrategyClicked(id -> model.view().strategyProperty().set(Strategy.fromId(id)));
        ScrollPane scroll = Fx.scrolling(grid);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        model.view().compareAxesProperty().addListener((obs, old, now) -> refresh());
        model.status().computingProperty().addListener((obs, old, now) -> refresh());

        table.setId("compare-table");
        table.setFixedCellSize(26);             // rows of one height lay out much faster when the items change
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        for (Strategy s : Strategy.values()) {
            table.getItems().add(new Line(s));
        }
        TableColumn<Line, Strategy> name = new TableColumn<>("strategy");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().strategy));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Strategy s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.label());
                setGraphic(empty || s == null ? null : new Rectangle(12, 12, FxColors.of(s)));
            }
        });
        name.setPrefWidth(150);
        table.getColumns().add(name);
        table.getColumns().add(number("mean z", Row::meanZ));
        table.getColumns().add(number("std z", Row::stdZ));
        table.getColumns().add(number("theory\nstd z", Row::theoryStdZ));
        table.getColumns().add(number("mean a", Row::meanA));
        table.getColumns().add(number("std a", Row::stdA));
        table.getColumns().add(percent("saturated\na", Row::saturated));
        table.getColumns().add(percent("zeros\na", Row::zeros));
        gradientColumn = number("std δ", Row::stdGradient);
        table.getColumns().add(gradientColumn);
        TableColumn<Line, Integer> distinct = new TableColumn<>("distinct\nunits");
        distinct.setCellValueFactory(c -> of(c.getValue(), Row::distinctUnits));
        distinct.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(distinct);
        table.getColumns().add(number("loss", Row::loss));
        table.setPlaceholder(new Label("computing…"));
        table.setTooltip(new Tooltip("Every strategy's numbers at the shown layer (the same as `initscope run`). "
                + "theory std z is the mean-field prediction. Click a header to sort, a row to show that strategy."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !selecting) {
                model.view().strategyProperty().set(now.strategy);
            }
        });

        table.setPrefHeight(300);
        tablePane = new TitledPane("Table of every strategy's statistics", table);
        tablePane.setId("compare-table-pane");
        tablePane.setExpanded(false);              // the grid has the height; the table folds out when asked
        tablePane.setAnimated(false);
        getChildren().addAll(bar, scroll, tablePane);
        model.view().strategyProperty().addListener((obs, old, now) -> selectRow(now));
    }

    /** A line's value, which follows the line's row (null until the strategy is computed). */
    private static <T> ObservableValue<T> of(Line line, Function<Row, T> value) {
        return Bindings.createObjectBinding(() -> line.row.get() == null ? null : value.apply(line.row.get()),
                line.row);
    }

    private static TableColumn<Line, Double> number(String title, Function<Row, Double> value) {
        TableColumn<Line, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> of(d.getValue(), value));
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

    private static TableColumn<Line, Double> percent(String title, Function<Row, Double> value) {
        TableColumn<Line, Double> c = number(title, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                Row row = empty || getTableRow() == null || getTableRow().getItem() == null ? null
                        : getTableRow().getItem().row.get();
                setText(row == null ? null : v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }

    private void selectRow(Strategy s) {
        selecting = true;
        try {
            table.getItems().stream().filter(r -> r.strategy == s).findFirst()
                    .ifPresentOrElse(r -> table.getSelectionModel().select(r),
                            () -> table.getSelectionModel().clearSelection());
        } finally {
            selecting = false;
        }
    }

    /** The table's computed rows, in the table's current (possibly sorted) order. */
    List<Row> rows() {
        return table.getItems().stream().map(l -> l.row.get()).filter(r -> r != null).toList();
    }

    /** Redraws the grid and refills the table from the model's current result. */
    @Override
    public void refresh() {
        ExperimentResult result = model.resultProperty().get();
        if (result == null) {
            table.getItems().forEach(l -> l.row.set(null));
            return;
        }
        int depth = result.config().depth();
        int layer = Math.min(model.view().layerProperty().get(), depth);
        GradientView g = model.view().gradientProperty().get();
        gradientColumn.setText("std " + g.tensor().symbol());

        // the table: every computed strategy, sorted as the user last sorted it
        for (Line line : table.getItems()) {
            Row row = result.find(line.strategy).map(r -> Row.of(r, layer, g.tensor())).orElse(null);
            if (!java.util.Objects.equals(row, line.row.get())) {
                line.row.set(row);
            }
        }
        if (!table.getSortOrder().isEmpty() && result.results().size() == result.config().strategies().size()) {
            table.sort();                      // re-sort once the numbers are complete, not at every partial one
        }

        // the grid: the compare figure of the chosen strategies, as the export draws it
        // a strategy not computed yet keeps its row ("computing…") while the work goes on; after a cancel or a
        // failure nothing will come, so the grid shows what there is (and the stale label says why)
        boolean coming = model.status().computingProperty().get();
        List<Strategy> rowsNow = model.view().comparedStrategies().stream()
                .filter(s -> coming || result.find(s).isPresent()).toList();
        rowsShown = rowsNow;
        grid.minHeightProperty().bind(CanvasRegion.zoomProperty().multiply(34 + 72 * Math.max(1, rowsNow.size())));
        grid.setFigure(Figures.compare(result, rowsNow, FigureOptions.of(model, false, model.view().compareAxesProperty().get()),
                model.view().strategyProperty().get()));
    }

    /** How the grid's columns put their rows on x-axes: a view option, drawn into the figure's header. */
    ObjectProperty<AxisMode> axisModeProperty() {
        return model.view().compareAxesProperty();
    }

    /** The strategies that have a row in the grid on screen, computed or coming. */
    List<Strategy> rowsShown() {
        return rowsShown;
    }

    /** The grid on screen: the compare figure, painted with the JavaFX pen. */
    FigureView grid() {
        return grid;
    }

    /** The folding pane that holds the table (collapsed at first). */
    TitledPane tablePane() {
        return tablePane;
    }

    @Override
    public app.initscope.render.Figure exportFigure(ExperimentResult result, Strategy shown,
                                                    app.initscope.render.Figures.Options options) {
        return app.initscope.render.Figures.compare(result, List.copyOf(model.view().comparedStrategies()),
                options.withCompareAxes(model.view().compareAxesProperty().get()));
    }
}
