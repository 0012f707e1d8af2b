package app.initscope.ui;

import app.initscope.render.Ticks;
import app.initscope.render.ViewTab;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Node;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.export.Preset;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
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
    private final ViewPage[] pages = new ViewPage[ViewRegistry.PAGES.size()];
    private final TabPane tabs = new TabPane();
    private final PresetDialogs presets;
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
        tour = new TourController(model, Tour::bundled);
        presets = new PresetDialogs(model, () -> getScene() == null ? null : getScene().getWindow());
        keys = WindowKeys.table(this, model, tour, export, presets);
        // a tour step keeps the charts its caption talks about in view (at 720p they lay below the fold)
        tour.chartsProperty().addListener((obs, old, now) -> {
            for (ViewPage p : pages) {
                if (p != null) {
                    p.reveal(now);
                }
            }
        });

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
        config.setMinHeight(Region.USE_PREF_SIZE);      // as many lines as the config needs, never cut
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
        for (int i = 0; i < ViewRegistry.PAGES.size(); i++) {
            ViewPage.Info p = ViewRegistry.PAGES.get(i).info();
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
        MainMenus.contextMenus(single(), model, export);
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
        StackPane stack = new StackPane(center, HelpOverlay.overlay(model, keys));
        setCenter(stack);

        MenuBar menus = MainMenus.bar(keys, presets, model, export);
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
        Tips.set("Stop the running computation", cancel::setTooltip);
        cancel.disableProperty().bind(model.status().computingProperty().not());
        cancel.setOnAction(e -> model.cancel());
        cancel.setMinWidth(Region.USE_PREF_SIZE);        // a long status line wraps; Cancel is never squeezed
        status.getRightItems().add(cancel);
        // a long line (a preset's description) wraps in the status bar, which grows to show it whole
        status.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() ->
                status.lookup(".status-label") instanceof Label l && l.getWidth() > 0
                        ? 30 + Math.max(0, Math.ceil(l.prefHeight(l.getWidth()) - l.prefHeight(-1))) : 30.0,
                status.textProperty(), status.widthProperty(), status.skinProperty()));
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
            widest = Math.max(widest, Math.max(Fx.textWidth(s.label() + " initialization", heading.getFont()),
                    Fx.textWidth(s.formula(), formula.getFont())));
        }
        double w = Math.ceil(widest) + 4;
        title.setMinWidth(w);
        title.setPrefWidth(w);
        title.setMaxWidth(w);
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
        Tips.set(tip, t::setTooltip);
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
    boolean applyPreset(app.initscope.export.Preset p, String source) {
        return presets.apply(p, source);
    }

    /** How much larger the charts draw in presentation mode: 14 px type becomes 20 px. */
    static final double PRESENT_ZOOM = 1.45;

    TourController tour() {
        return tour;
    }


    /** The id of the visible view: single, compare, depth or explain. */
    String visibleView() {
        return model.view().tabProperty().get().id();
    }

    ExportController exporter() {
        return export;
    }









    /**
     * Gives the keyboard focus to the tabs: the window's first focusable control is the layer field, which
     * would take Space, K and the digits as typing until the lecturer clicked elsewhere.
     */
    void focusTheViews() {
        tabs.requestFocus();
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
        int index = ViewRegistry.indexOf(id);
        return index < 0 ? null : page(index);
    }

    /** The view at this place in {@link ViewPage#PAGES}, made (and put in its tab) if this is its first use. */
    private ViewPage page(int index) {
        if (pages[index] == null) {
            ViewPage p = ViewRegistry.PAGES.get(index).factory().create(model);
            pages[index] = p;
            tabs.getTabs().get(index).setContent(p.node());
            MainMenus.viewMenu(p, ViewRegistry.PAGES.get(index).info(), export);
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
            presets.fillPresets();
        });
        pause.play();
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
