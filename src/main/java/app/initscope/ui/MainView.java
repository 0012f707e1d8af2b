package app.initscope.ui;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Node;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.export.Preset;
import app.initscope.export.PresetException;
import java.io.File;
import java.io.IOException;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * The main window: the strategy picker and the network's settings on top, the view options on the left, and the
 * four views (single, compare, depth, explain) in tabs, with a status bar.
 */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    private final SingleView single;
    private final CompareView compare;
    private final DepthView depth;
    private final ExplainView explain;
    private final TabPane tabs = new TabPane();
    private final ExportController export;
    private final TourController tour;
    private final Label tourCaption = new Label();
    private final Label heading = new Label();
    private final Label formula = new Label();
    private final Label config = new Label();
    private final Set<Tab> stale = new HashSet<>();
    private boolean refreshQueued;
    private boolean newResult;

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        single = new SingleView(model);
        compare = new CompareView(model);
        depth = new DepthView(model);
        explain = new ExplainView(model);
        export = new ExportController(model, () -> getScene() == null ? null : getScene().getWindow());
        export.compareAxes(() -> compare.axisModeProperty().get());      // the compare view's axis mode
        tour = new TourController(model, Tour.bundled(), this::showView);

        VBox side = viewOptions();
        side.setPadding(new Insets(12));
        side.setPrefWidth(272);
        side.getStyleClass().add("side-bar");
        side.setMinWidth(Region.USE_PREF_SIZE);
        setLeft(side);

        heading.getStyleClass().add("heading");
        heading.setId("heading");
        formula.getStyleClass().add("formula");
        config.getStyleClass().add("config");
        config.setId("config");
        showConfig(model.config());
        config.setWrapText(true);
        side.getChildren().add(config);
        HBox title = new HBox(14, heading, formula);
        title.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        title.setMinWidth(Region.USE_PREF_SIZE);
        // the title and the picker share a row while they fit, and wrap onto two rows in a narrow window
        FlowPane headline = new FlowPane(24, 6, title, new StrategyPicker(model.strategyProperty()));
        headline.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(4, headline, controls());
        top.setPadding(new Insets(10, 12, 0, 0));

        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("single", "Single", "The chosen strategy's z, activation and gradient histograms (Ctrl+1)",
                        single),
                tab("compare", "Compare", "Every strategy side by side on shared axes, with a table (Ctrl+2)",
                        compare),
                tab("depth", "Depth", "Layer by layer: what happens to the signal as the network gets deeper "
                        + "(Ctrl+3)", depth),
                tab("explain", "Explain", "What the picture shows and why, with the live numbers (Ctrl+4)",
                        explain));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> requestRefresh(false));
        contextMenus();
        VBox center = new VBox(6, top, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        center.setPadding(new Insets(0, 12, 8, 0));
        StackPane stack = new StackPane(center, helpOverlay());
        setCenter(stack);

        MenuBar menus = menuBar();
        setTop(menus);
        // H hides the settings so that the charts fill a projector
        for (Node n : List.of(side, top, menus)) {
            n.visibleProperty().bind(model.controlsHiddenProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        model.presentingProperty().addListener((obs, old, now) -> {
            getStyleClass().remove("present");
            if (now) {
                getStyleClass().add("present");
            }
            CanvasRegion.zoomProperty().set(now ? PRESENT_ZOOM : 1);
        });
        model.pinnedProperty().addListener((obs, old, now) -> requestRefresh(false));

        StatusBar status = new StatusBar();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.progressProperty().bind(model.progressProperty());
        tourCaption.setId("tour-caption");
        tourCaption.getStyleClass().add("tour-caption");
        tourCaption.setWrapText(true);
        tourCaption.textProperty().bind(tour.captionProperty());
        Label tourKeys = new Label("Space: next · Backspace: back · Esc: leave the tour");
        tourKeys.getStyleClass().add("config");
        VBox tourBar = new VBox(2, tourCaption, tourKeys);
        tourBar.getStyleClass().add("tour-bar");
        tourBar.setPadding(new Insets(8, 14, 8, 14));
        tourBar.visibleProperty().bind(tour.stepProperty().greaterThanOrEqualTo(0));
        tourBar.managedProperty().bind(tourBar.visibleProperty());
        setBottom(new VBox(tourBar, status));

        model.shownProperty().addListener((obs, old, now) -> requestRefresh(true));
        for (var p : List.of(model.layerProperty(), model.gradientProperty(), model.logYProperty(),
                model.showTheoryProperty(), model.lockAxesProperty())) {
            p.addListener((obs, old, now) -> requestRefresh(false));
        }
        model.comparedStrategies().addListener((javafx.collections.ListChangeListener<Strategy>) c ->
                requestRefresh(false));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        model.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showConfig(now.config());
            }
            requestRefresh(true);
        });
        model.strategyProperty().addListener((obs, old, now) -> showHeading(now));
        showHeading(model.strategyProperty().get());
        refreshNow();
    }

    private static Tab tab(String id, String text, String tip, Node content) {
        Tab t = new Tab(text, content);
        t.setId("tab-" + id);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    /** Marks every view stale and redraws the visible one once, after the current burst of changes. */
    private void requestRefresh(boolean fromResult) {
        stale.addAll(tabs.getTabs());
        newResult |= fromResult;
        if (!refreshQueued) {
            refreshQueued = true;
            javafx.application.Platform.runLater(this::refreshNow);
        }
    }

    private void refreshNow() {
        refreshQueued = false;
        Tab visible = tabs.getSelectionModel().getSelectedItem();
        if (visible == null || !stale.remove(visible)) {
            return;
        }
        long start = System.nanoTime();
        Node content = visible.getContent();
        if (content == single) {
            single.refresh();
        } else if (content == compare) {
            compare.refresh();
        } else if (content == depth) {
            depth.refresh();
        } else if (content == explain) {
            explain.refresh();
        }
        if (newResult) {
            newResult = false;
            model.reportDrawn((System.nanoTime() - start) / 1e6);
        }
    }

    /** Applies a preset; a refused one leaves everything as it was and says why. Returns whether it applied. */
    boolean applyPreset(Preset p, String source) {
        try {
            model.apply(p);
        } catch (IllegalArgumentException e) {
            presetError(source, e.getMessage());
            return false;
        }
        showView(Preset.ViewState.TABS.indexOf(p.view().tab()));
        model.notice("preset " + (p.name() == null ? source : p.name()) + (p.description() == null ? ""
                : ": " + p.description()));
        return true;
    }

    private void openPreset() {
        FileChooser chooser = presetChooser("Open a preset");
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            try {
                applyPreset(Preset.read(file.toPath()), file.getName());
            } catch (PresetException e) {
                presetError(file.getName(), e.problem());
            }
        }
    }

    private void savePreset() {
        FileChooser chooser = presetChooser("Save the settings as a preset");
        chooser.setInitialFileName("lecture.json");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                model.toPreset(visibleView()).write(file.toPath());
                model.notice("saved preset " + file);
            } catch (IOException e) {
                presetError(file.getName(), e.getMessage());
            }
        }
    }

    private static FileChooser presetChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("InitScope presets", "*.json"));
        return chooser;
    }

    private void presetError(String source, String problem) {
        model.notice("preset " + source + " not applied: " + problem);
        if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
            Alert alert = new Alert(Alert.AlertType.ERROR, problem, ButtonType.OK);
            alert.initOwner(getScene().getWindow());
            alert.setHeaderText("The preset " + source + " was not applied; nothing changed");
            alert.show();
        }
    }

    private void about() {
        ExperimentResult r = model.resultProperty().get();
        Alert about = new Alert(Alert.AlertType.INFORMATION, "Version " + app.initscope.Version.get()
                + "\nJava " + Runtime.version() + "\nMatrix kernel: " + (r == null ? "…" : r.kernel())
                + "\n\nSee why weight initialization decides whether a neural network can learn."
                + "\nThe command line: initscope run --help, initscope export --help", ButtonType.OK);
        about.initOwner(getScene().getWindow());
        about.setTitle("About InitScope");
        about.setHeaderText("InitScope " + app.initscope.Version.get());
        about.show();
    }

    /** How much larger the charts draw in presentation mode: 14 px type becomes 20 px. */
    static final double PRESENT_ZOOM = 1.45;

    TourController tour() {
        return tour;
    }

    /** The keys, over the charts; ? shows and hides it. */
    private Node helpOverlay() {
        String[][] keys = {
            {"1 – 9", "pick a strategy"}, {"← →", "step through the strategies"},
            {"Ctrl+1 – 4", "single, compare, depth, explain"}, {"L", "log-scale counts"},
            {"T", "theory on or off"}, {"P", "pin the histograms as a grey ghost (again: unpin)"},
            {"Space", "next step of the guided tour"}, {"Backspace", "previous step of the tour"},
            {"F11", "presentation mode"}, {"H", "hide or show the settings"}, {"Esc", "leave the tour, "
                + "then presentation mode"}, {"Ctrl+E", "export the view"}, {"?", "this list"}};
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        Label title = new Label("Keys");
        title.getStyleClass().add("heading");
        grid.add(title, 0, 0, 2, 1);
        for (int i = 0; i < keys.length; i++) {
            Label key = new Label(keys[i][0]);
            key.getStyleClass().add("help-key");
            grid.addRow(i + 1, key, new Label(keys[i][1]));
        }
        grid.getStyleClass().add("help-overlay");
        grid.setPadding(new Insets(24, 32, 24, 32));
        grid.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        grid.setId("help");
        grid.visibleProperty().bind(model.helpShownProperty());
        grid.setOnMouseClicked(e -> model.helpShownProperty().set(false));
        return grid;
    }

    /** The id of the visible view: single, compare, depth or explain. */
    String visibleView() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? "single" : t.getId().substring("tab-".length());
    }

    ExportController exporter() {
        return export;
    }

    private MenuBar menuBar() {
        MenuItem exportView = item("Export view…", "shortcut+E", () -> export.exportWithDialog(
                caption -> export.view(visibleView(), caption)));
        Menu exportOne = new Menu("Export histogram");
        for (TensorKind k : new TensorKind[] {TensorKind.Z, TensorKind.ACTIVATION, null}) {
            exportOne.getItems().add(item(k == null ? "gradient" : k == TensorKind.Z ? "z" : "activation", null,
                    () -> export.exportWithDialog(caption -> export.histogram(
                            k == null ? model.gradientProperty().get().tensor() : k, caption))));
        }
        MenuItem copy = item("Copy image", "shortcut+shift+C", () -> export.copy(export.view(visibleView(), true)));
        MenuItem all = item("Export all strategies…", null, export::exportAll);
        MenuItem open = item("Open preset…", "shortcut+O", this::openPreset);
        MenuItem save = item("Save preset…", "shortcut+S", this::savePreset);
        MenuItem quit = item("Quit", "shortcut+Q", () -> {
            if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
                stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                stage.close();
            }
        });
        Menu file = new Menu("File");
        file.getItems().addAll(open, save, new SeparatorMenuItem(), exportView, exportOne, copy, all,
                new SeparatorMenuItem(), quit);
        Menu presets = new Menu("Presets");
        presets.setId("menu-presets");
        for (String name : Preset.bundledNames()) {
            Preset p = Preset.bundled(name);
            MenuItem it = item(p.name() == null ? name : p.name(), null, () -> applyPreset(p, name));
            it.setId("preset-" + name);
            presets.getItems().add(it);
        }
        file.setId("menu-file");
        Menu view = new Menu("View");
        view.setId("menu-view");
        String[] names = {"Single", "Compare", "Depth", "Explain"};
        for (int i = 0; i < names.length; i++) {
            int index = i;
            view.getItems().add(item(names[i], "shortcut+" + (i + 1), () -> showView(index)));
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                item("Present (full screen)", "F11", () -> model.presentingProperty().set(
                        !model.presentingProperty().get())),
                // plain keys are handled by the window's key filter (not accelerators, which would also fire
                // while typing in a field); the menu only names them
                item("Hide or show the settings    H", null, () -> model.controlsHiddenProperty().set(
                        !model.controlsHiddenProperty().get())),
                item("Pin as a ghost / unpin    P", null, model::togglePin),
                item("Keys    ?", null, () -> model.helpShownProperty().set(true)));
        Menu tourMenu = new Menu("Tour");
        tourMenu.setId("menu-tour");
        tourMenu.getItems().addAll(item("Start, or the next step    Space", null, tour::next),
                item("Previous step    Backspace", null, tour::previous),
                item("Leave the tour    Esc", null, tour::stop));
        Menu help = new Menu("Help");
        help.setId("menu-help");
        help.getItems().addAll(item("Keys    ?", null, () -> model.helpShownProperty().set(true)),
                item("About InitScope", null, this::about));
        MenuBar bar = new MenuBar(file, view, presets, tourMenu, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Right-click on any chart: export or copy it, or the whole view. */
    private void contextMenus() {
        TensorKind[] kinds = {TensorKind.Z, TensorKind.ACTIVATION, null};
        HistogramView[] views = {single.zView(), single.aView(), single.gView()};
        for (int i = 0; i < 3; i++) {
            TensorKind k = kinds[i];
            java.util.function.Supplier<TensorKind> kind = () -> k == null ? model.gradientProperty().get().tensor() : k;
            ContextMenu menu = new ContextMenu(
                    item("Export this histogram…", null, () -> export.exportWithDialog(
                            caption -> export.histogram(kind.get(), caption))),
                    item("Copy this histogram", null, () -> export.copy(export.histogram(kind.get(), true))),
                    item("Export the single view…", null, () -> export.exportWithDialog(
                            caption -> export.view("single", caption))));
            HistogramView v = views[i];
            v.setOnContextMenuRequested(e -> menu.show(v, e.getScreenX(), e.getScreenY()));
        }
        for (var pair : List.of(java.util.Map.entry("compare", (Node) compare), java.util.Map.entry("depth",
                (Node) depth))) {
            ContextMenu menu = new ContextMenu(
                    item("Export the " + pair.getKey() + " view…", null, () -> export.exportWithDialog(
                            caption -> export.view(pair.getKey(), caption))),
                    item("Copy the " + pair.getKey() + " view", null, () -> export.copy(
                            export.view(pair.getKey(), true))));
            pair.getValue().setOnContextMenuRequested(e -> menu.show(pair.getValue(), e.getScreenX(), e.getScreenY()));
        }
    }

    /** Shows a view: 0 single, 1 compare, 2 depth, 3 explain. */
    void showView(int index) {
        tabs.getSelectionModel().select(index);
    }

    SingleView single() {
        return single;
    }

    CompareView compare() {
        return compare;
    }

    DepthView depth() {
        return depth;
    }

    ExplainView explain() {
        return explain;
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
        CheckBox lock = new CheckBox("lock axes across strategies");
        lock.setId("lock-axes");
        lock.selectedProperty().bindBidirectional(model.lockAxesProperty());
        lock.setTooltip(new Tooltip("Give each histogram the x-axis of all strategies together, so that stepping "
                + "through strategies keeps the axis still: a vanished signal is then a thin spike."));
        lock.setWrapText(true);
        CheckBox theory = new CheckBox("show theory");
        theory.setId("show-theory");
        theory.selectedProperty().bindBidirectional(model.showTheoryProperty());
        theory.setTooltip(new Tooltip("Draw the mean-field prediction N(0, q) over the z histogram."));
        TextField seed = new TextField(Long.toString(model.seedProperty().get()));
        seed.setId("seed");
        seed.setPrefColumnCount(3);
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
        resample.setMinWidth(Region.USE_PREF_SIZE);
        resample.setTooltip(new Tooltip("Draw new random numbers (a new seed): the shapes stay, the details move."));
        HBox seedRow = labeledRow("seed", seedTip, seed, resample);
        Button reset = new Button("Reset to defaults");
        reset.setId("reset");
        reset.setOnAction(e -> model.resetToDefaults());
        reset.setTooltip(new Tooltip("Back to the seed experiment: tanh, fan_in 1000, 1000 samples, width 1000, "
                + "one layer, seed 42."));
        VBox box = new VBox(10, title, layerRow, gradientRow, seedRow, seedHint, logY, lock, theory, reset);
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
        activation.setConverter(Fx.labels(Activation::label));
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
                + "unless the weights shrink as 1/fan_in.", model.fanInProperty(), 1, 4096, true, true), 1, 0);
        bar.add(new NumberControl("samples", "samples", "Rows of the synthetic input: more rows give smoother "
                + "histograms, fewer run faster.", model.samplesProperty(), 10, 20000, true, true), 2, 0);
        bar.add(new NumberControl("width", "width", "Units per hidden layer (the fan-in of the layers after the "
                + "first).", model.widthProperty(), 1, 4096, true, true), 3, 0);
        bar.add(new NumberControl("depth", "depth", "Hidden layers: depth multiplies whatever one layer does to "
                + "the signal.", model.depthProperty(), 1, 20, true, false), 1, 1);
        bar.add(new NumberControl("outputs", "outputs", "Outputs of the linear readout that the loss compares "
                + "with random targets.", model.outputsProperty(), 1, 100, true, false), 2, 1);
        bar.add(new NumberControl("bins", "bins", "Histogram bins: more show finer shape, fewer are less noisy.",
                model.binsProperty(), 10, 200, true, false), 3, 1);
        NumberControl slope = new NumberControl("leaky-slope", "slope", "Leaky ReLU's slope for negative inputs: "
                + "0 is plain ReLU; a small slope keeps a trickle of gradient flowing through units that are off. "
                + "He's gain becomes 2/(1+slope²).", model.leakySlopeProperty(), 0, 1, false, false);
        slope.visibleProperty().bind(model.activationProperty().isEqualTo(Activation.LEAKY_RELU));
        slope.managedProperty().bind(slope.visibleProperty());
        bar.add(slope, 0, 1);
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
        config.setText(String.format(Locale.ROOT, "showing: %s · fan_in %d · samples %d · width %d · depth %d · seed %d",
                c.activation().label(), c.fanIn(), c.samples(), c.width(), c.depth(), c.seed()));
    }

    private void showHeading(Strategy s) {
        heading.setText(s.label() + " initialization");
        formula.setText(s.formula());
    }

    /** The lecture keys; true when the key was one of them. */
    private boolean lectureKey(KeyEvent e) {
        if ("?".equals(e.getText()) || (e.getCode() == KeyCode.SLASH && e.isShiftDown())) {
            model.helpShownProperty().set(!model.helpShownProperty().get());
            return true;
        }
        switch (e.getCode()) {
            case F11 -> model.presentingProperty().set(!model.presentingProperty().get());
            case H -> model.controlsHiddenProperty().set(!model.controlsHiddenProperty().get());
            case L -> model.logYProperty().set(!model.logYProperty().get());
            case T -> model.showTheoryProperty().set(!model.showTheoryProperty().get());
            case P -> model.togglePin();
            case SPACE -> tour.next();
            case BACK_SPACE -> tour.previous();
            case ESCAPE -> {
                if (model.helpShownProperty().get()) {
                    model.helpShownProperty().set(false);
                } else if (tour.isRunning()) {
                    tour.stop();
                } else if (model.presentingProperty().get()) {
                    model.presentingProperty().set(false);
                } else {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() && !e.isAltDown() && e.getCode().isDigitKey()) {
            int index = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
            if (index >= 0 && index < tabs.getTabs().size()) {
                showView(index);        // Ctrl+1..4: the views
                e.consume();
            }
            return;
        }
        if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (lectureKey(e)) {
            e.consume();
        } else if (code.isDigitKey() && code != KeyCode.DIGIT0 && code != KeyCode.NUMPAD0) {
            model.pickStrategy(Integer.parseInt(code.getChar().isEmpty() ? "0" : code.getChar()) - 1);
            e.consume();
        } else if ((code == KeyCode.LEFT || code == KeyCode.RIGHT) && !(e.getTarget() instanceof Slider)
                && !(e.getTarget() instanceof Spinner)) {
            model.stepStrategy(code == KeyCode.LEFT ? -1 : 1);
            e.consume();
        }
    }
}
