package app.initscope.ui;

import app.initscope.render.Ticks;
import app.initscope.render.ViewTab;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import java.util.ArrayList;
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
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
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
 * views of {@link ViewPage#PAGES} in tabs, with a status bar.
 */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    /** The views made so far, by their place in {@link ViewPage#PAGES}; a view is made when first needed. */
    private final ViewPage[] pages = new ViewPage[ViewPage.PAGES.size()];
    private final TabPane tabs = new TabPane();
    /** The Presets menu, filled by {@link #fillPresets()}. */
    private final Menu presets = new Menu("Presets");
    private boolean presetsRead;
    private final ExportController export;
    private final TourController tour;
    private final KeyTable keys;
    private final Label tourCaption = new Label();
    private final Label heading = new Label();
    private final Label formula = new Label();
    private final Label config = new Label();
    private final Label presentCaption = new Label();
    /**
     * The layer as an object property for the spinner: held here, because a bidirectional binding references
     * both sides only weakly, and an unreferenced {@code asObject()} wrapper is collected (and the spinner then
     * moves nothing).
     */
    private final SettingsPanels panels;
    private final Set<Tab> stale = new HashSet<>();
    private Label staleLabel;
    private boolean refreshQueued;
    private boolean newResult;

    public MainView(MainViewModel model) {
        this.model = model;
        panels = new SettingsPanels(model);
        getStyleClass().add("main-view");
        export = new ExportController(model, () -> getScene() == null ? null : getScene().getWindow());
        export.pages(this::page);
        tour = new TourController(model, Tour::bundled, id -> showView(Math.max(0, indexOf(id))));
        keys = keyTable();

        VBox side = panels.viewOptions();
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
        // the heading over its formula, as wide as the widest strategy's: the picker after it never moves
        VBox title = new VBox(0, heading, formula);
        title.getStyleClass().add("headline-title");
        heading.fontProperty().addListener((obs, old, now) -> fitTitle(title));
        formula.fontProperty().addListener((obs, old, now) -> fitTitle(title));
        fitTitle(title);
        // the title and the picker share a row while they fit, and wrap onto two rows in a narrow window
        FlowPane headline = new FlowPane(16, 6, title, new StrategyPicker(model.view().strategyProperty()));
        headline.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(4, headline, panels.network(side));
        top.setPadding(new Insets(10, 12, 0, 0));
        side.getChildren().add(config);

        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (int i = 0; i < ViewPage.PAGES.size(); i++) {
            ViewPage.Info p = ViewPage.PAGES.get(i).info();
            tabs.getTabs().add(tab(p.id(), p.title(), p.tooltip() + " (Ctrl+" + (i + 1) + ")", null));
        }
        // a view is made when its tab is first shown: the window's first picture waits only for the one it shows
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                page(now.intValue());
                model.view().tabProperty().set(ViewTab.values()[now.intValue()]);
                showStaleMark(pages[now.intValue()]);
            }
            requestRefresh(false);
        });
        // the tab is a view option like the others: a preset, the preferences or the tour's restore set it
        model.view().tabProperty().addListener((obs, old, now) -> showView(now.ordinal()));
        showView(model.view().tabProperty().get().ordinal());
        contextMenus();
        // a stale result (older settings, cancelled, or a newer one computing) is greyed and labelled
        Label staleLabel = new Label();
        staleLabel.setId("stale");
        staleLabel.getStyleClass().add("stale-label");
        staleLabel.setStyle("-fx-background-color: rgba(255, 244, 204, 0.95); -fx-text-fill: #5a4500; "
                + "-fx-padding: 3 8 3 8; -fx-background-radius: 4;");
        staleLabel.setMouseTransparent(true);
        this.staleLabel = staleLabel;
        StackPane views = new StackPane(tabs, staleLabel);
        // under the tab headers, never over them
        StackPane.setAlignment(staleLabel, javafx.geometry.Pos.TOP_RIGHT);
        StackPane.setMargin(staleLabel, new Insets(38, 8, 0, 0));
        showStaleMark(page(Math.max(0, tabs.getSelectionModel().getSelectedIndex())));
        VBox center = new VBox(6, presentBar(), top, views);
        VBox.setVgrow(views, Priority.ALWAYS);
        center.setPadding(new Insets(0, 12, 8, 0));
        StackPane stack = new StackPane(center, helpOverlay());
        setCenter(stack);

        MenuBar menus = menuBar();
        setTop(menus);
        // H hides the settings so that the charts fill a projector
        for (Node n : List.of(side, top, menus)) {
            n.visibleProperty().bind(model.presentation().controlsHiddenProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        model.presentation().presentingProperty().addListener((obs, old, now) -> {
            getStyleClass().remove("present");
            if (now) {
                getStyleClass().add("present");
            }
            CanvasRegion.zoomProperty().set(now ? PRESENT_ZOOM : 1);
        });
        model.presentation().pinnedProperty().addListener((obs, old, now) -> requestRefresh(false));

        StatusBar status = new StatusBar();
        status.setId("status");
        status.textProperty().bind(model.status().statusProperty());
        status.progressProperty().bind(model.status().progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setTooltip(new Tooltip("Stop the running computation"));
        cancel.disableProperty().bind(model.status().computingProperty().not());
        cancel.setOnAction(e -> model.cancel());
        status.getRightItems().add(cancel);
        tourCaption.setId("tour-caption");
        tourCaption.getStyleClass().add("tour-caption");
        tourCaption.setWrapText(true);
        tourCaption.textProperty().bind(tour.captionProperty());
        Label tourKeys = new Label("Space: next · Backspace: back · Esc: leave the tour (your settings come back)");
        tourKeys.getStyleClass().add("config");
        VBox tourBar = new VBox(2, tourCaption, tourKeys);
        tourBar.getStyleClass().add("tour-bar");
        tourBar.setPadding(new Insets(8, 14, 8, 14));
        tourBar.visibleProperty().bind(tour.stepProperty().greaterThanOrEqualTo(0));
        tourBar.managedProperty().bind(tourBar.visibleProperty());
        setBottom(new VBox(tourBar, status));

        model.shownProperty().addListener((obs, old, now) -> requestRefresh(true));
        for (var p : List.of(model.view().layerProperty(), model.view().gradientProperty(), model.view().logYProperty(),
                model.view().showTheoryProperty(), model.view().lockAxesProperty())) {
            p.addListener((obs, old, now) -> requestRefresh(false));
        }
        model.view().comparedStrategies().addListener((javafx.collections.ListChangeListener<Strategy>) c ->
                requestRefresh(false));
        model.theoryVersionProperty().addListener((obs, old, now) -> requestRefresh(false));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        model.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showConfig(now.config());
            }
            requestRefresh(true);
        });
        model.view().strategyProperty().addListener((obs, old, now) -> showHeading(now));
        showHeading(model.view().strategyProperty().get());
        refreshNow();
    }

    /** Sizes the title for the widest strategy's heading and formula in their current fonts. */
    private void fitTitle(Region title) {
        double widest = 0;
        for (Strategy s : Strategy.values()) {
            widest = Math.max(widest, Math.max(textWidth(s.label() + " initialization", heading.getFont()),
                    textWidth(s.formula(), formula.getFont())));
        }
        double w = Math.ceil(widest) + 4;
        title.setMinWidth(w);
        title.setPrefWidth(w);
        title.setMaxWidth(w);
    }

    private static double textWidth(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * While H hides the settings: one slim line that says what the charts show (strategy, activation, sizes, and
     * the grey ghost when one is pinned), and a button that brings the settings back.
     */
    private Node presentBar() {
        presentCaption.setId("present-caption");
        presentCaption.getStyleClass().add("present-caption");
        presentCaption.setMinWidth(0);
        presentCaption.setMaxWidth(Double.MAX_VALUE);
        Button back = new Button("H: show the settings");
        back.setId("show-settings");
        back.setFocusTraversable(false);
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> model.presentation().setControlsHidden(false));
        HBox bar = new HBox(12, presentCaption, back);
        HBox.setHgrow(presentCaption, Priority.ALWAYS);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("present-bar");
        bar.setPadding(new Insets(6, 0, 0, 12));
        bar.visibleProperty().bind(model.presentation().controlsHiddenProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        presentCaption.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::presentText,
                model.view().strategyProperty(), model.draft().choice(Catalog.ACTIVATION),
                model.presentation().pinnedProperty(), model.resultProperty(), model.view().layerProperty(),
                model.view().tabProperty(), model.train().draft().choice(app.initscope.core.train.TrainCatalog.DATASET),
                model.train().draft().choice(app.initscope.core.train.TrainCatalog.OPTIMIZER),
                model.train().draft().decimal(app.initscope.core.train.TrainCatalog.LEARNING_RATE)));
        return bar;
    }

    private String presentText() {
        ExperimentResult r = model.resultProperty().get();
        ExperimentConfig c = r == null ? model.config() : r.config();
        var pin = model.presentation().pinnedProperty().get();
        String network = c.activation().label()
                + String.format(Locale.ROOT, " · fan_in %d · width %d · depth %d", c.fanIn(), c.width(), c.depth());
        if (model.view().tabProperty().get() == ViewTab.TRAIN) {
            // the Train tab's charts are about a data set and an optimizer, not about the strategy picked above
            var t = model.train().draft();
            return "Training on " + t.get(app.initscope.core.train.TrainCatalog.DATASET).id() + " · "
                    + t.get(app.initscope.core.train.TrainCatalog.OPTIMIZER).id() + " lr "
                    + Ticks.label(t.get(app.initscope.core.train.TrainCatalog.LEARNING_RATE)) + " · " + network;
        }
        return model.view().strategyProperty().get().label() + " · " + network
                + (c.depth() > 1 ? " · layer " + model.view().layerProperty().get() : "")
                + (pin == null ? "" : " · grey ghost: " + pin.strategy().label());
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
        page(tabs.getTabs().indexOf(visible)).refresh();
        if (newResult) {
            newResult = false;
            model.status().reportDrawn((System.nanoTime() - start) / 1e6);
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
        model.status().notice("preset " + (p.name() == null ? source : p.name()) + (p.description() == null ? ""
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
                model.toPreset().write(file.toPath());
                model.status().notice("saved preset " + file);
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
        model.status().notice("preset " + source + " not applied: " + problem);
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
                + "\nThe command line: initscope run --help, initscope train --help, initscope export --help,"
                + " initscope theory --help"
                + "\n\nThe handwritten digits: \"Optical Recognition of Handwritten Digits\", E. Alpaydin and"
                + " C. Kaynak (1998), UCI Machine Learning Repository, licensed CC BY 4.0.", ButtonType.OK);
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
        List<KeyTable.Command> keys = this.keys.withKeys();
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        Label title = new Label("Keys");
        title.getStyleClass().add("heading");
        grid.add(title, 0, 0, 4, 1);
        // two columns of keys, so that the list fits a 720-pixel projector in presentation mode
        int half = (keys.size() + 1) / 2;
        for (int i = 0; i < keys.size(); i++) {
            Label key = new Label(keys.get(i).keys());
            key.getStyleClass().add("help-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(keys.get(i).help());
            what.setWrapText(true);
            what.setPrefWidth(250);
            what.setMinWidth(Region.USE_PREF_SIZE);
            what.setMinHeight(Region.USE_PREF_SIZE);
            int column = i < half ? 0 : 2;
            grid.add(key, column, 1 + i % half);
            grid.add(what, column + 1, 1 + i % half);
        }
        grid.getStyleClass().add("help-overlay");
        grid.setPadding(new Insets(24, 32, 24, 32));
        grid.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        grid.setId("help");
        grid.visibleProperty().bind(model.presentation().helpShownProperty());
        grid.setOnMouseClicked(e -> model.presentation().setHelpShown(false));
        return grid;
    }

    /** The id of the visible view: single, compare, depth or explain. */
    String visibleView() {
        return model.view().tabProperty().get().id();
    }

    ExportController exporter() {
        return export;
    }

    /** Every command of the window and its keys: the menus, the help and the key handler all read this. */
    private KeyTable keyTable() {
        KeyTable t = new KeyTable();
        t.custom("pick", "1 – 9", e -> !e.isShortcutDown() && !e.isAltDown() && e.getCode().isDigitKey()
                        && e.getCode() != KeyCode.DIGIT0 && e.getCode() != KeyCode.NUMPAD0,
                "pick a strategy", null,
                e -> model.view().pickStrategy(e.getCode().getChar().isEmpty() ? -1
                        : Integer.parseInt(e.getCode().getChar()) - 1));
        t.custom("step", "← →", e -> (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)
                        && !e.isShortcutDown() && !(e.getTarget() instanceof Slider)
                        && !(e.getTarget() instanceof Spinner), "step through all twelve", null,
                e -> model.view().stepStrategy(e.getCode() == KeyCode.LEFT ? -1 : 1));
        StringBuilder viewKeys = new StringBuilder();
        for (int i = 0; i < ViewPage.PAGES.size(); i++) {
            int index = i;
            ViewPage.Info p = ViewPage.PAGES.get(i).info();
            t.combination("view-" + p.id(), "shortcut+" + (i + 1), null, p.title(), () -> showView(index));
            viewKeys.append(i == 0 ? "" : i % 2 == 0 ? "\n" : "  ").append("Ctrl+").append(i + 1);
        }
        t.helpOnly("views", viewKeys.toString(), String.join(", ", ViewPage.PAGES.stream()
                .map(p -> p.info().title().toLowerCase(Locale.ROOT)).toList()));
        t.plain("log-y", KeyCode.L, "log-scale counts", null, () -> toggle(model.view().logYProperty()));
        t.plain("theory", KeyCode.T, "theory on or off", null, () -> toggle(model.view().showTheoryProperty()));
        t.plain("pin", KeyCode.P, "pin the histograms as a grey ghost (again: unpin)", "Pin as a ghost / unpin",
                model.presentation()::togglePin);
        t.plain("tour-next", KeyCode.SPACE, "next step of the guided tour", "Start, or the next step", tour::next);
        t.plain("train-play", KeyCode.K, "play or pause the training (Train view)", "Play / pause training",
                model.train()::playOrPause);
        t.plain("tour-back", KeyCode.BACK_SPACE, "previous step of the tour", "Previous step", tour::previous);
        t.combination("present", "F11", "presentation mode on or off", "Present (full screen)",
                () -> model.presentation().togglePresenting());
        t.plain("hide", KeyCode.H, "hide or show the settings", "Hide or show the settings",
                () -> model.presentation().toggleControlsHidden());
        // Esc matches only when it has something to leave (escape() leaves it), so a field's own Esc still works
        t.custom("escape", "Esc", e -> e.getCode() == KeyCode.ESCAPE && escape(),
                "the first that applies: close this list, leave the tour, show the settings, leave presentation",
                "Leave the tour", e -> {
                    if (e == null) {
                        tour.stop();        // from the menu: the menu item says "leave the tour"
                    }
                });
        t.combination("export-view", "shortcut+E", "export the view", "Export view…", () -> export.exportWithDialog(
                caption -> export.view(visibleView(), caption)));
        t.combination("copy", "shortcut+shift+C", "copy the view as a picture", "Copy image",
                () -> export.copy(export.view(visibleView(), true)));
        t.combination("open", "shortcut+O", "open a preset", "Open preset…", this::openPreset);
        t.combination("save", "shortcut+S", "save the settings as a preset", "Save preset…", this::savePreset);
        t.combination("quit", "shortcut+Q", "quit", "Quit", () -> {
            if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
                stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                stage.close();
            }
        });
        t.custom("help", "?", e -> "?".equals(e.getText()) || (e.getCode() == KeyCode.SLASH && e.isShiftDown()),
                "this list", "Keys", e -> model.presentation().toggleHelp());
        t.menuOnly("export-all", "Export all strategies…", export::exportAll);
        t.menuOnly("about", "About InitScope", this::about);
        return t;
    }

    private static void toggle(javafx.beans.property.BooleanProperty p) {
        p.set(!p.get());
    }

    /** Esc does one thing at a time, the topmost first; false when there is nothing to leave. */
    private boolean escape() {
        // the stage's own full-screen exit key is off (see App), so that Esc is ours
        if (model.presentation().helpShownProperty().get()) {
            model.presentation().setHelpShown(false);
        } else if (tour.isRunning()) {
            tour.stop();
        } else if (model.presentation().controlsHiddenProperty().get()) {
            model.presentation().setControlsHidden(false);
        } else if (model.presentation().presentingProperty().get()) {
            model.presentation().setPresenting(false);
        } else {
            return false;
        }
        return true;
    }

    /** Puts the bundled presets into their menu, once. */
    private void fillPresets() {
        if (presetsRead) {
            return;
        }
        presetsRead = true;
        List<MenuItem> items = new ArrayList<>();
        for (String name : Preset.bundledNames()) {
            Preset p = Preset.bundled(name);
            MenuItem it = item(p.name() == null ? name : p.name(), null, () -> applyPreset(p, name));
            it.setId("preset-" + name);
            items.add(it);
        }
        presets.getItems().setAll(items);
    }

    private MenuBar menuBar() {
        Menu exportOne = new Menu("Export histogram");
        for (TensorKind k : new TensorKind[] {TensorKind.Z, TensorKind.ACTIVATION, null}) {
            exportOne.getItems().add(item(k == null ? "gradient" : k == TensorKind.Z ? "z" : "activation", null,
                    () -> export.exportWithDialog(caption -> export.histogram(
                            k == null ? model.view().gradientProperty().get().tensor() : k, caption))));
        }
        Menu file = new Menu("File");
        file.getItems().addAll(keys.menuItem("open"), keys.menuItem("save"), new SeparatorMenuItem(),
                keys.menuItem("export-view"), exportOne, keys.menuItem("copy"), keys.menuItem("export-all"),
                new SeparatorMenuItem(), keys.menuItem("quit"));
        // the bundled presets are read when the menu first opens, or after the first picture, whichever is first:
        // reading them (JSON, a cold parser) took 60-80 ms of the window's start
        presets.setId("menu-presets");
        MenuItem reading = new MenuItem("Reading the presets…");
        reading.setDisable(true);
        presets.getItems().add(reading);
        presets.setOnShowing(e -> fillPresets());
        file.setId("menu-file");
        Menu view = new Menu("View");
        view.setId("menu-view");
        for (ViewPage.Kind p : ViewPage.PAGES) {
            view.getItems().add(keys.menuItem("view-" + p.info().id()));
        }
        view.getItems().addAll(new SeparatorMenuItem(), keys.menuItem("present"), keys.menuItem("hide"),
                keys.menuItem("pin"), keys.menuItem("train-play"), keys.menuItem("help"));
        Menu tourMenu = new Menu("Tour");
        tourMenu.setId("menu-tour");
        tourMenu.getItems().addAll(keys.menuItem("tour-next"), keys.menuItem("tour-back"),
                keys.menuItem("escape"));
        Menu help = new Menu("Help");
        help.setId("menu-help");
        MenuItem helpKeys = keys.menuItem("help");
        helpKeys.setId("help-keys");
        help.getItems().addAll(helpKeys, keys.menuItem("about"));
        MenuBar bar = new MenuBar(file, view, presets, tourMenu, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** A menu item that no key reaches (a preset, a context menu's entry). */
    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);        // "fan_in" keeps its underscore
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Right-click on any chart: export or copy it, or the whole view. */
    private void contextMenus() {
        TensorKind[] kinds = {TensorKind.Z, TensorKind.ACTIVATION, null};
        SingleView single = single();
        HistogramView[] views = {single.zView(), single.aView(), single.gView()};
        for (int i = 0; i < 3; i++) {
            TensorKind k = kinds[i];
            java.util.function.Supplier<TensorKind> kind = () -> k == null ? model.view().gradientProperty().get().tensor() : k;
            ContextMenu menu = new ContextMenu(
                    item("Export this histogram…", null, () -> export.exportWithDialog(
                            caption -> export.histogram(kind.get(), caption))),
                    item("Copy this histogram", null, () -> export.copy(export.histogram(kind.get(), true))),
                    item("Export the single view…", null, () -> export.exportWithDialog(
                            caption -> export.view("single", caption))));
            HistogramView v = views[i];
            v.setOnContextMenuRequested(e -> menu.show(v, e.getScreenX(), e.getScreenY()));
        }
    }

    /** Right-click on a view with a figure of its own: export or copy the whole view. */
    private void viewMenu(ViewPage p) {
        if (p.hasOwnFigure() && !(p instanceof SingleView)) {
            String name = p.title().toLowerCase(Locale.ROOT);
            ContextMenu menu = new ContextMenu(
                    item("Export the " + name + " view…", null, () -> export.exportWithDialog(
                            caption -> export.view(p.id(), caption))),
                    item("Copy the " + name + " view", null, () -> export.copy(export.view(p.id(), true))));
            Node n = p.node();
            n.setOnContextMenuRequested(e -> menu.show(n, e.getScreenX(), e.getScreenY()));
        }
    }

    /** The stale label says what the visible view's staleness says. */
    private void showStaleMark(ViewPage p) {
        if (staleLabel == null || p == null) {
            return;
        }
        ViewPage.StaleMark mark = p.staleMark(model);
        staleLabel.textProperty().bind(mark.text());
        staleLabel.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(mark.stale()::get,
                mark.stale()));
    }

    /** Shows a view by its place in {@link ViewPage#PAGES}: 0 single, 1 compare, 2 depth, 3 explain. */
    void showView(int index) {
        tabs.getSelectionModel().select(index);
    }

    /** The view with this id, or null. */
    ViewPage page(String id) {
        int index = indexOf(id);
        return index < 0 ? null : page(index);
    }

    /** The view at this place in {@link ViewPage#PAGES}, made (and put in its tab) if this is its first use. */
    private ViewPage page(int index) {
        if (pages[index] == null) {
            ViewPage p = ViewPage.PAGES.get(index).factory().create(model);
            pages[index] = p;
            tabs.getTabs().get(index).setContent(p.node());
            viewMenu(p);
            // each view is greyed by its own staleness: a training run is not stale because the experiment is
            ViewPage.StaleMark mark = p.staleMark(model);
            p.node().opacityProperty().bind(javafx.beans.binding.Bindings.when(mark.stale()).then(0.45)
                    .otherwise(1.0));
        }
        return pages[index];
    }

    /**
     * Makes the views not made yet, one at a time with a pause between them, so that a first switch to any of them
     * is as quick as the next one (a cold view took up to 0.4 s to build), then reads the bundled presets into
     * their menu. The window calls this once its first picture is on screen.
     */
    void makeOtherViewsLater() {
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(
                javafx.util.Duration.millis(150));
        pause.setOnFinished(e -> {
            for (int i = 0; i < pages.length; i++) {
                if (pages[i] == null) {
                    page(i);
                    pause.playFromStart();
                    return;
                }
            }
            fillPresets();
        });
        pause.play();
    }

    /** The place of the view with this id in {@link ViewPage#PAGES}, or -1. */
    private static int indexOf(String id) {
        for (int i = 0; i < ViewPage.PAGES.size(); i++) {
            if (ViewPage.PAGES.get(i).info().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    SingleView single() {
        return (SingleView) page("single");
    }

    CompareView compare() {
        return (CompareView) page("compare");
    }

    DepthView depth() {
        return (DepthView) page("depth");
    }

    ExplainView explain() {
        return (ExplainView) page("explain");
    }

    TrainView train() {
        return (TrainView) page("train");
    }

    private void showConfig(ExperimentConfig c) {
        double sigmaB = c.get(Catalog.SIGMA_B);
        config.setText(String.format(Locale.ROOT,
                "showing: %s · fan_in %d · samples %d · width %d · depth %d%s · seed %d",
                c.activation().label(), c.fanIn(), c.samples(), c.width(), c.depth(),
                sigmaB > 0 ? " · σ_b " + Ticks.label(sigmaB) : "", c.seed()));
    }

    private void showHeading(Strategy s) {
        heading.setText(s.label() + " initialization");
        formula.setText(s.formula());
    }

    /**
     * Whether the key goes to a text field: the event's target or the focused node is a text input, or a spinner
     * or combo box whose editor takes typing (their key events target the control, not its editor).
     */
    private boolean typing(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        for (Object n : new Object[] {e.getTarget(), focus}) {
            if (n instanceof TextInputControl t && t.isEditable()
                    || n instanceof Spinner<?> s && s.isEditable()
                    || n instanceof javafx.scene.control.ComboBoxBase<?> c && c.isEditable()) {
                return true;
            }
        }
        return false;
    }

    private void onKey(KeyEvent e) {
        keys.handle(e, typing(e));
    }
}
