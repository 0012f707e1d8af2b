package app.initscope.ui;

import app.initscope.render.Plots;
import app.initscope.render.Palette;
import app.initscope.render.Ticks;
import app.initscope.render.HistogramChart;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
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
    private final Label[] heads = new Label[3];
    private final Map<Strategy, HistogramView[]> cells = new EnumMap<>(Strategy.class);
    private final Map<Strategy, Label> rowLabels = new EnumMap<>(Strategy.class);
    private List<Strategy> gridRows = List.of();

    CompareView(MainViewModel model) {
        this.model = model;
        setId("compare-view");
        setOrientation(Orientation.VERTICAL);

        CheckComboBox<Strategy> pick = new CheckComboBox<>();
        pick.setId("compare-strategies");
        pick.getItems().setAll(Strategy.values());
        pick.setConverter(Fx.labels(Strategy::label));
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
        ScrollPane scroll = Fx.scrolling(grid);
        VBox top = new VBox(bar, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);

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
                setGraphic(empty || s == null ? null : new Rectangle(12, 12, Palette.of(s)));
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
                model.strategyProperty().set(now.strategy);
            }
        });

        getItems().addAll(top, table);
        setDividerPositions(0.64);
        model.strategyProperty().addListener((obs, old, now) -> selectRow(now));
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
    void refresh() {
        ExperimentResult result = model.resultProperty().get();
        if (result == null) {
            table.getItems().forEach(l -> l.row.set(null));
            return;
        }
        int depth = result.config().depth();
        int layer = Math.min(model.layerProperty().get(), depth);
        GradientView g = model.gradientProperty().get();
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

        // the grid: the chosen strategies, in the list's order; its nodes are rebuilt only when that list changes
        List<Strategy> rowsNow = List.copyOf(model.comparedStrategies());
        if (!rowsNow.equals(gridRows)) {
            buildGrid(rowsNow);
        }
        List<StrategyResult> shown = rowsNow.stream().map(s -> result.find(s).orElse(null))
                .filter(r -> r != null).toList();
        TensorKind[] kinds = {TensorKind.Z, TensorKind.ACTIVATION, g.tensor()};
        String where = depth > 1 ? " · layer " + layer : "";
        for (int c = 0; c < 3; c++) {
            heads[c].setText(Plots.axisLabel(kinds[c], result.config().activation()) + where);
        }
        boolean log = model.logYProperty().get();
        boolean theory = model.showTheoryProperty().get();
        for (int c = 0; c < 3; c++) {
            TensorKind kind = kinds[c];
            List<HistogramChart.Data> column = Plots.locked(shown.stream()
                    .map(r -> Plots.data(result, r, layer, kind, "", theory, log)).toList());
            Map<Strategy, HistogramChart.Data> byStrategy = new EnumMap<>(Strategy.class);
            for (int i = 0; i < column.size(); i++) {
                byStrategy.put(shown.get(i).strategy(), column.get(i));
            }
            for (Strategy s : rowsNow) {
                HistogramView cell = cells.get(s)[c];
                String id = "compare-" + s.id() + "-" + kind.id();
                if (!id.equals(cell.getId())) {
                    cell.setId(id);                    // only on a change: a new id means new CSS and layout
                }
                cell.setData(byStrategy.get(s));       // null, "computing…", until this strategy's result arrives
            }
        }
        Strategy chosen = model.strategyProperty().get();
        rowLabels.forEach((s, label) -> {
            String style = s == chosen ? "row-label-chosen" : "row-label";
            if (!label.getStyleClass().contains(style)) {
                label.getStyleClass().setAll(style);
            }
        });
    }

    private void buildGrid(List<Strategy> rowsNow) {
        gridRows = rowsNow;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        cells.clear();
        rowLabels.clear();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        grid.getColumnConstraints().add(labels);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            heads[c] = new Label();
            heads[c].getStyleClass().add("section-title");
            grid.add(heads[c], c + 1, 0);
        }
        grid.getRowConstraints().add(new RowConstraints());
        for (int i = 0; i < rowsNow.size(); i++) {
            Strategy s = rowsNow.get(i);
            Label label = new Label(s.label(), new Rectangle(14, 14, Palette.of(s)));
            label.setOnMouseClicked(e -> model.strategyProperty().set(s));
            label.setTooltip(new Tooltip("Show " + s.label() + " in the single view's histograms"));
            grid.add(label, 0, i + 1);
            rowLabels.put(s, label);
            HistogramView[] row = new HistogramView[3];
            for (int c = 0; c < 3; c++) {
                row[c] = new HistogramView();
                row[c].setCompact(true);
                row[c].setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                grid.add(row[c], c + 1, i + 1);
            }
            cells.put(s, row);
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            // small multiples need their height in drawing units: taller rows when the charts are zoomed
            rc.minHeightProperty().bind(CanvasRegion.zoomProperty().multiply(72));
            grid.getRowConstraints().add(rc);
        }
    }
}
