package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainResult;
import app.initscope.engine.TrainRun;
import app.initscope.export.TrainSeriesCsv;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import app.initscope.render.Plots;
import app.initscope.render.TrainFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Train view: Play, Pause, Step and Reset; the training settings, made from {@link TrainCatalog}; what the
 * charts show (a strategy or all, a layer, a tensor, and the step scrubber); and the training figure of
 * {@link TrainFigures}, the same one the export writes, redrawn as snapshots arrive (at most about 20 a second).
 */
final class TrainView extends BorderPane implements ViewPage {

    private final MainViewModel model;
    private final TrainModel train;
    private final FigureView figure = new FigureView();
    private final Label status = new Label();
    private final Slider scrubber = new Slider(0, 1, 1);
    private final Label scrubLabel = new Label();
    /** "all", or a compared strategy's id (a ChoiceBox shows a null item as a blank). */
    private final ChoiceBox<String> strategy = new ChoiceBox<>();
    private final Spinner<Integer> layer = new Spinner<>();
    private final javafx.beans.property.ObjectProperty<Integer> layerValue;
    private static final String ALL = "all";
    private boolean updating;
    private List<Object> drawnKey;

    TrainView(MainViewModel model) {
        this.model = model;
        this.train = model.train();
        this.layerValue = train.layerProperty().asObject();
        setId("train-view");
        figure.setId("train-figure");
        FlowPane settings = settings();
        // H hides the training settings with the network's, so that the charts fill a projector
        settings.visibleProperty().bind(model.presentation().controlsHiddenProperty().not());
        settings.managedProperty().bind(settings.visibleProperty());
        VBox controls = new VBox(6, buttons(), settings, chartChoices());
        controls.setPadding(new Insets(6, 4, 6, 4));
        setTop(controls);
        ScrollPane scroll = Fx.scrolling(figure);
        figure.minHeightProperty().bind(CanvasRegion.zoomProperty().multiply(
                Bindings.when(Bindings.createBooleanBinding(this::twoD, train.draft().choice(TrainCatalog.DATASET)))
                        .then(560).otherwise(520)));
        setCenter(scroll);
        train.service().latestProperty().addListener((obs, old, now) -> redraw());
        train.service().stateProperty().addListener((obs, old, now) -> showStatus());
        train.service().messageProperty().addListener((obs, old, now) -> showStatus());
        for (var p : List.of(train.strategyProperty(), train.layerProperty(), train.tensorProperty(),
                train.evalProperty(), model.view().logYProperty(), model.view().strategyProperty(),
                model.view().batchAccuracyProperty())) {
            p.addListener((obs, old, now) -> redraw());
        }
        visibleProperty().addListener((obs, old, now) -> redraw());
        showStatus();
    }

    /** The training charts are stale when the run on screen had other settings, whatever the experiment does. */
    @Override
    public StaleMark staleMark(MainViewModel m) {
        return new StaleMark(train.staleProperty(), train.staleTextProperty());
    }

    private boolean twoD() {
        return train.draft().choice(TrainCatalog.DATASET).get().twoD();
    }

    private HBox buttons() {
        Button play = button("train-play", "▶ Play", "Train every compared strategy side by side (again from step 0 "
                + "after Reset or a change of settings)", train::play);
        Button pause = button("train-pause", "❚❚ Pause", "Stop at the next step; Play goes on from there",
                train::pause);
        Button step = button("train-step", "Step", "Make one step and pause", train::step);
        Button reset = button("train-reset", "Reset", "Stop and clear the charts", train::reset);
        var state = train.service().stateProperty();
        play.disableProperty().bind(state.isEqualTo(TrainService.State.RUNNING));
        pause.disableProperty().bind(state.isNotEqualTo(TrainService.State.RUNNING));
        reset.disableProperty().bind(state.isEqualTo(TrainService.State.IDLE)
                .and(train.service().latestProperty().isNull()));
        status.setId("train-status");
        status.getStyleClass().add("train-status");
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, play, pause, step, reset, status);
        HBox.setHgrow(status, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setFocusTraversable(false);         // Space stays the tour's key
        return b;
    }

    /** The training settings: an editor per catalog entry, in catalog order. */
    private FlowPane settings() {
        FlowPane pane = new FlowPane(16, 6);
        pane.setId("train-settings");
        TrainDraft draft = train.draft();
        for (Setting<?> s : draft.settings()) {
            pane.getChildren().add(editor(s, draft));
        }
        return pane;
    }

    @SuppressWarnings("unchecked")
    private Node editor(Setting<?> s, TrainDraft draft) {
        Tooltip tip = new Tooltip(s.help());
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Node node;
        if (s.isNumeric()) {
            NumberControl control = NumberControl.of((Setting<? extends Number>) s,
                    draft.number((Setting<? extends Number>) s));
            if (s.word() != null) {
                CheckBox word = new CheckBox(s.word());
                word.setId(s.flag().substring(2) + "-" + s.word());
                word.setTooltip(tip);
                word.selectedProperty().bindBidirectional(draft.word(s));
                control.disableProperty().bind(word.selectedProperty());
                HBox box = new HBox(6, control, word);
                box.setAlignment(Pos.CENTER_LEFT);
                node = box;
            } else {
                node = control;
            }
            if (s == TrainCatalog.NOISE) {
                // the noise of the teacher's targets and of the 2-D points; the digits have none
                node.visibleProperty().bind(Bindings.createBooleanBinding(
                        () -> draft.choice(TrainCatalog.DATASET).get().noisy(), draft.choice(TrainCatalog.DATASET)));
                node.managedProperty().bind(node.visibleProperty());
            }
        } else if (s.defaultValue() instanceof Boolean) {
            CheckBox box = new CheckBox(s.label());
            box.setId(s.flag().substring(2));
            box.setTooltip(tip);
            box.selectedProperty().bindBidirectional(draft.bool((Setting<Boolean>) s));
            node = box;
        } else {
            node = choice((Setting<Object>) s, draft, tip);
        }
        return node;
    }

    private static HBox choice(Setting<Object> s, TrainDraft draft, Tooltip tip) {
        ChoiceBox<Object> box = new ChoiceBox<>();
        box.setId(s.flag().substring(2));
        box.getItems().setAll(Arrays.stream(s.choices().split(",")).map(String::trim).map(s::parseId).toList());
        box.setConverter(Fx.labels(v -> s.text(v)));
        box.valueProperty().bindBidirectional(draft.choice(s));
        box.setTooltip(tip);
        return labeled(s.label(), tip, box);
    }

    private static HBox labeled(String text, Tooltip tip, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("control-label");
        label.setTooltip(tip);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, label, control);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The width of the scrubber's widest label: the largest step count, "(newest)" after it. */
    static double widestScrubText(javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text("step " + (int) TrainCatalog.STEPS.max() + " (newest)");
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth()) + 2;
    }

    /** What the charts show: the strategy, the layer, the tensor, and the step of the histograms. */
    private FlowPane chartChoices() {
        strategy.setId("train-strategy");
        strategy.setConverter(Fx.labels(s -> ALL.equals(s) ? "all" : Strategy.fromId(s).label()));
        updateStrategies();
        model.view().comparedStrategies().addListener((javafx.collections.ListChangeListener<Strategy>) c ->
                updateStrategies());
        strategy.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                train.strategyProperty().set(now == null || ALL.equals(now) ? null : Strategy.fromId(now));
            }
        });
        Tooltip strategyTip = new Tooltip("The update:data ratio of one strategy by layer, or of all for one "
                + "layer; the heat map and the histograms show this strategy (the first one for 'all')");
        strategy.setTooltip(strategyTip);

        layer.setId("train-layer");
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, model.draft().integer(Catalog.DEPTH).get(), 1);
        f.maxProperty().bind(model.draft().integer(Catalog.DEPTH));
        f.valueProperty().bindBidirectional(layerValue);
        layer.setValueFactory(f);
        layer.setPrefWidth(90);
        layer.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip layerTip = new Tooltip("The hidden layer of the heat map and the histograms");
        layer.setTooltip(layerTip);

        ChoiceBox<TensorKind> tensor = new ChoiceBox<>();
        tensor.setId("train-tensor");
        tensor.getItems().setAll(TrainFigures.TENSORS);
        tensor.setConverter(Fx.labels(Plots::title));
        tensor.valueProperty().bindBidirectional(train.tensorProperty());
        Tooltip tensorTip = new Tooltip("The heat map's tensor: its histogram at every evaluation, on one axis");
        tensor.setTooltip(tensorTip);

        scrubber.setId("train-scrubber");
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(true);
        scrubber.setPrefWidth(200);
        scrubber.setMinWidth(120);
        Tooltip scrubTip = new Tooltip("The evaluation whose histograms (z, a, δ) the bottom row shows; at the right "
                + "end it follows the newest");
        scrubber.setTooltip(scrubTip);
        scrubber.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                int i = (int) Math.round(now.doubleValue());
                train.evalProperty().set(i >= (int) scrubber.getMax() ? -1 : i);
            }
        });
        scrubLabel.setId("train-scrub-label");
        // as wide as its widest text from the start, so that the row never re-wraps as the step counts up and the
        // charts below it stay put while training (they jumped about 25 px, and a drag aimed at step 0 missed)
        scrubLabel.minWidthProperty().bind(Bindings.createDoubleBinding(() -> widestScrubText(scrubLabel.getFont()),
                scrubLabel.fontProperty()));
        scrubLabel.prefWidthProperty().bind(scrubLabel.minWidthProperty());
        CheckBox batch = new CheckBox("batch accuracy");
        batch.setId("train-batch-accuracy");
        batch.setTooltip(new Tooltip("Draw each training batch's accuracy too (dashed), beside the test accuracy"));
        batch.selectedProperty().bindBidirectional(model.view().batchAccuracyProperty());
        FlowPane row = new FlowPane(16, 6, labeled("strategy", strategyTip, strategy),
                labeled("layer", layerTip, layer), labeled("heat map", tensorTip, tensor), batch,
                labeled("histograms at", scrubTip, new HBox(6, scrubber, scrubLabel)));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void updateStrategies() {
        updating = true;
        try {
            List<String> items = new ArrayList<>();
            items.add(ALL);
            model.view().comparedStrategies().forEach(c -> items.add(c.id()));
            strategy.getItems().setAll(items);
            Strategy chosen = train.strategyProperty().get();
            boolean listed = chosen != null && items.contains(chosen.id());
            strategy.setValue(listed ? chosen.id() : ALL);
            if (!listed) {
                train.strategyProperty().set(null);
            }
        } finally {
            updating = false;
        }
    }

    private void showStatus() {
        TrainRun run = train.latest();
        String message = train.service().messageProperty().get();
        String state = switch (train.service().stateProperty().get()) {
            case IDLE -> run == null ? "Press Play to train" : "stopped";
            case RUNNING -> "training";
            case PAUSED -> "paused";
            case DONE -> "done";
        };
        // the step, and "X diverged at step N" for every diverged strategy
        String steps = run == null ? message : TrainFigures.status(run.results(), run.request().train().steps());
        status.setText(state + (steps.isEmpty() ? "" : " · " + steps));
    }

    /** Redraws the figure for the newest snapshot and the chosen options, when shown. */
    private void redraw() {
        showStatus();
        updateScrubber();
        if (!isVisible() && getScene() != null) {
            return;
        }
        TrainRun run = train.latest();
        List<Object> key = Arrays.asList(run, train.strategyProperty().get(), shownStrategy(),
                train.layerProperty().get(),
                train.tensorProperty().get(), train.evalProperty().get(), model.view().logYProperty().get(),
                model.view().batchAccuracyProperty().get());
        if (key.equals(drawnKey)) {
            return;
        }
        drawnKey = key;
        figure.setFigure(run == null ? placeholder() : figure(run, false));
    }

    private void updateScrubber() {
        TrainRun run = train.latest();
        TrainResult focus = run == null ? null : TrainFigures.focus(run.results(), shownStrategy());
        int evals = focus == null ? 1 : Math.max(1, focus.evals().size());
        updating = true;
        try {
            scrubber.setMax(Math.max(1, evals - 1));
            scrubber.setDisable(evals <= 1);
            int i = train.evalProperty().get();
            scrubber.setValue(i < 0 || i >= evals ? scrubber.getMax() : i);
            var e = TrainFigures.evalAt(focus, i);
            scrubLabel.setText(e == null ? "—" : "step " + e.step() + (i < 0 ? " (newest)" : ""));
        } finally {
            updating = false;
        }
    }

    /** The strategy of the heat map and the histograms: the chosen one, or the window's. */
    private Strategy shownStrategy() {
        Strategy s = train.strategyProperty().get();
        return s != null ? s : model.view().strategyProperty().get();
    }

    private Figure figure(TrainRun run, boolean caption) {
        TrainFigures.Options o = new TrainFigures.Options(train.strategyProperty().get(),
                model.view().strategyProperty().get(), train.layerProperty().get(),
                train.tensorProperty().get(), train.evalProperty().get(), model.view().logYProperty().get(), caption)
                .withBatch(model.view().batchAccuracyProperty().get());
        return TrainFigures.figure(run.request().config(), run.request().train(), run.results(), o);
    }

    /** The empty figure that says what Play does. */
    private Figure placeholder() {
        try {
            var r = train.request();
            return TrainFigures.figure(r.config(), r.train(), List.of(), TrainFigures.Options.DEFAULT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The figure on screen (the placeholder before Play). */
    Figure figure() {
        return figure.figure();
    }

    Slider scrubber() {
        return scrubber;
    }

    @Override
    public void refresh() {
        redraw();
    }

    /** The training figure with a CSV of every series; null before Play. */
    @Override
    public Figure exportFigure(ExperimentResult result, Strategy shown, Figures.Options options) {
        TrainRun run = train.latest();
        if (run == null) {
            return null;
        }
        List<TrainResult> results = run.results();
        return figure(run, options.caption()).withTable(() -> TrainSeriesCsv.of(results));
    }

    @Override
    public void reveal(List<String> charts) {
        figure.reveal(charts);
    }
}
