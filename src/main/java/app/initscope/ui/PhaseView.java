package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.theory.PhaseDiagram;
import app.initscope.engine.PhaseJob;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import app.initscope.render.PhaseChart;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The phase page: the order-to-chaos diagram of the current activation over σ_w² × σ_b² (ln χ₁, or ξ_c by a
 * toggle), the critical line χ₁ = 1, and a marker for each compared strategy where it sits. A click on the map
 * sets a custom normal strategy there (σ = √(σ_w²/fan_in), σ_b = √σ_b²), shows it, and recomputes. The grid is
 * computed by the engine, off the FX thread, once per activation.
 *
 * <p>Everything on the page is the theory of the settings as they stand ({@link MainViewModel#requestedProperty}),
 * never of the last computed result: a click moves its marker, and the readout follows σ and σ_b, at once, while
 * the experiment of the new settings still computes (defect 10: for seconds the old result's σ_b² = 0 was shown
 * against the new settings).
 */
final class PhaseView extends BorderPane implements ViewPage {

    /** The points along each axis of the window's diagram. */
    static final int GRID_SIZE = 200;

    private final MainViewModel model;
    private final FigureView figure = new FigureView();
    private final ToggleButton chi = new ToggleButton("ln χ₁");
    private final ToggleButton xi = new ToggleButton("ξ_c (log)");
    private final Label readout = new Label();
    private List<PhaseChart.Marker> markers = List.of();

    PhaseView(MainViewModel model) {
        this.model = model;
        setId("phase-view");
        figure.setId("phase-figure");
        chi.setId("phase-chi1");
        xi.setId("phase-xic");
        ToggleGroup group = new ToggleGroup();
        chi.setToggleGroup(group);
        xi.setToggleGroup(group);
        // the colouring is a view option: the toggles show it and set it
        setMode(model.view().phaseColourProperty().get());
        model.view().phaseColourProperty().addListener((obs, old, now) -> {
            setMode(now);
            redraw();
        });
        chi.setTooltip(new javafx.scene.control.Tooltip("Colour by ln χ₁: blue ordered, white critical, red chaotic"));
        xi.setTooltip(new javafx.scene.control.Tooltip(
                "Colour by ξ_c, the depth over which two inputs' correlation settles, on a log scale"));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);      // one of the two is always on
            } else {
                model.view().phaseColourProperty().set(now == xi ? PhaseChart.Mode.XIC : PhaseChart.Mode.CHI1);
            }
        });
        readout.setId("phase-readout");
        readout.getStyleClass().add("config");
        Label hint = new Label("Click the map: a custom normal strategy there");
        hint.getStyleClass().add("config");
        HBox bar = new HBox(8, new Label("Colour:"), chi, xi, hint, readout);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 4, 6, 4));
        setTop(bar);
        setCenter(figure);
        figure.setOnMouseClicked(e -> {
            double k = CanvasRegion.zoomProperty().get();
            double[] v = PhaseChart.valueAt(figure.getWidth() / k, figure.getHeight() / k, e.getX() / k,
                    e.getY() / k);
            if (v != null) {
                choose(v[0], v[1]);
            }
        });
        model.phaseProperty().addListener((obs, old, now) -> redraw());
        // new settings: new markers and readout now (while shown). The diagram of a new activation is asked for at
        // the next refresh, as before: asking at every change made the phase jobs supersede one another, and each
        // takes a job thread (StormTest saw a fourth); until then the map says "computing…"
        model.requestedProperty().addListener((obs, old, now) -> {
            if (onScreen()) {
                redraw();
            }
        });
    }

    /** Whether the page is on screen: in a scene, and it and every parent visible (a hidden tab's is not). */
    private boolean onScreen() {
        if (getScene() == null) {
            return false;
        }
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Never stale: the page draws the current settings' theory, and says "computing…" while their map computes. */
    @Override
    public StaleMark staleMark(MainViewModel m) {
        return new StaleMark(new javafx.beans.property.ReadOnlyBooleanWrapper(false),
                new javafx.beans.property.ReadOnlyStringWrapper(""));
    }

    /** The settings shown: the config last asked for. */
    private ExperimentConfig settings() {
        return model.requestedProperty().get();
    }

    /** The colour mode shown. */
    PhaseChart.Mode mode() {
        return model.view().phaseColourProperty().get();
    }

    /** Shows a colour mode. */
    void setMode(PhaseChart.Mode mode) {
        (mode == PhaseChart.Mode.XIC ? xi : chi).setSelected(true);
    }

    /**
     * Sets the custom normal strategy at (σ_w², σ_b²): σ = √(σ_w²/fan_in), σ_b = √σ_b², shows it among the
     * compared strategies, and recomputes.
     */
    void choose(double sigmaW2, double sigmaB2) {
        int fanIn = model.draft().get(Catalog.FAN_IN);
        model.batch(() -> {
            model.draft().set(Catalog.SIGMA, Math.sqrt(sigmaW2 / fanIn));
            model.draft().set(Catalog.SIGMA_B, Catalog.sigmaB(sigmaB2));
            if (!model.view().comparedStrategies().contains(Strategy.CUSTOM_NORMAL)) {
                model.view().comparedStrategies().add(Strategy.CUSTOM_NORMAL);
            }
            model.view().strategyProperty().set(Strategy.CUSTOM_NORMAL);
        });
    }

    /** The diagram on screen, or null while it computes. */
    PhaseDiagram diagram() {
        PhaseDiagram d = model.phaseProperty().get();
        ExperimentConfig c = settings();
        return d != null && matches(d, c) ? d : null;
    }

    private static boolean matches(PhaseDiagram d, ExperimentConfig c) {
        return d.activation() == c.activation() && d.leakySlope() == slope(c) && d.size() == GRID_SIZE;
    }

    /** The leaky slope that matters: the activation's own for leaky ReLU, else 0 (so other slopes reuse a map). */
    private static double slope(ExperimentConfig c) {
        return c.activation() == Activation.LEAKY_RELU ? c.leakySlope() : 0;
    }

    @Override
    public void refresh() {
        ExperimentConfig c = settings();
        model.requestPhase(new PhaseJob.Request(c.activation(), slope(c), GRID_SIZE));
        redraw();
    }

    private void redraw() {
        ExperimentConfig c = settings();
        markers = PhaseChart.markers(c, c.strategies());
        figure.setFigure(PhaseChart.figure(diagram(), mode(), c, c.strategies(), false));
        String place = markers.stream().filter(m -> m.strategy() == Strategy.CUSTOM_NORMAL).findFirst()
                .map(m -> String.format(Locale.ROOT, "custom normal: σ_w² = %.3g, σ_b² = %.3g", m.sigmaW2(),
                        m.sigmaB2())).orElse("");
        boolean plain = c.norm() == app.initscope.core.nn.Norm.NONE && !(c.residual().on() && c.depth() > 1);
        // the map is the plain network's: with a normalization or skips, say so instead of placing it there
        readout.setText(plain ? place : "⚠ not for "
                + (c.norm() != app.initscope.core.nn.Norm.NONE ? "normalized" : "residual") + " networks");
    }

    /** The markers on the page now, each where the settings shown put it. */
    List<PhaseChart.Marker> markers() {
        return markers;
    }

    /** The readout's text: the custom strategy's place, while it is among those shown. */
    String readout() {
        return readout.getText();
    }

    @Override
    public Figure exportFigure(ExperimentResult result, Strategy shown, Figures.Options options) {
        ExperimentConfig c = result.config();
        PhaseDiagram d = model.phaseProperty().get();
        if (d == null || !matches(d, c)) {
            // an export before the window's map is ready computes its own, on the export's background thread
            d = PhaseDiagram.compute(c.activation(), slope(c), GRID_SIZE,
                    app.initscope.core.linalg.Parallel.sequential());
        }
        return PhaseChart.figure(d, mode(), c, c.strategies(), options.caption());
    }
}
