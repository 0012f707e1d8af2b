package app.initscope.ui;

import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.render.AxisMode;
import app.initscope.render.GradientView;
import app.initscope.render.PhaseChart;
import app.initscope.render.ViewCatalog;
import app.initscope.render.ViewTab;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the window shows, as opposed to what it computes: a property per entry of {@link ViewCatalog}, made from the
 * catalog as {@link ConfigDraft} makes the experiment's, plus the list of compared strategies (the experiment's
 * strategy list, which the window keeps here because the picker and the compare view edit it). The typed
 * accessors below are the catalog's entries under their own names.
 */
public final class ViewOptions extends SettingsDraft {

    private final ObservableList<Strategy> compared = FXCollections.observableArrayList(Strategy.SEED);

    ViewOptions() {
        super("the view options", ViewCatalog.ALL, s -> s.defaultValue());
    }

    /** The tab shown. */
    public ObjectProperty<ViewTab> tabProperty() {
        return choice(ViewCatalog.TAB);
    }

    /** The strategy whose histograms are shown. */
    public ObjectProperty<Strategy> strategyProperty() {
        return choice(ViewCatalog.STRATEGY);
    }

    /** The hidden layer shown, 1 to depth. */
    public IntegerProperty layerProperty() {
        return integer(ViewCatalog.LAYER);
    }

    /** Which gradient the third histogram shows. */
    public ObjectProperty<GradientView> gradientProperty() {
        return choice(ViewCatalog.GRADIENT);
    }

    /** Whether histogram counts use a log scale. */
    public BooleanProperty logYProperty() {
        return bool(ViewCatalog.LOG_Y);
    }

    /** Whether the theory's curve and numbers are drawn. */
    public BooleanProperty showTheoryProperty() {
        return bool(ViewCatalog.SHOW_THEORY);
    }

    /** Whether histograms of the same tensor share one x-axis across strategies. */
    public BooleanProperty lockAxesProperty() {
        return bool(ViewCatalog.LOCK_AXES);
    }

    /** Whether the runs take each strategy's Jacobian spectrum. */
    public BooleanProperty jacobianProperty() {
        return bool(ViewCatalog.JACOBIAN);
    }

    /** The compare view's axes. */
    public ObjectProperty<AxisMode> compareAxesProperty() {
        return choice(ViewCatalog.COMPARE_AXES);
    }

    /** What the phase map's colours show. */
    public ObjectProperty<PhaseChart.Mode> phaseColourProperty() {
        return choice(ViewCatalog.PHASE_COLOUR);
    }

    /** The training charts' strategy: {@code all} or a strategy's id. */
    public ObjectProperty<String> trainStrategyProperty() {
        return choice(ViewCatalog.TRAIN_STRATEGY);
    }

    /** The training heat map's tensor. */
    public ObjectProperty<TensorKind> heatTensorProperty() {
        return choice(ViewCatalog.HEAT_TENSOR);
    }

    /** The evaluation whose histograms the Train tab shows, or {@link ViewCatalog#NEWEST}. */
    public IntegerProperty evalProperty() {
        return integer(ViewCatalog.EVAL);
    }

    /** Whether the accuracy chart draws the batches' accuracy too. */
    public BooleanProperty batchAccuracyProperty() {
        return bool(ViewCatalog.BATCH_ACCURACY);
    }

    /** Whether the depth view overlays the shown network's runs with and without its normalization or skips. */
    public BooleanProperty withAndWithoutProperty() {
        return bool(ViewCatalog.WITH_AND_WITHOUT);
    }

    /** The strategies the compare and depth views show, in the list's order. */
    public ObservableList<Strategy> comparedStrategies() {
        return compared;
    }

    /** Picks the strategy {@code offset} places after the current one in the list, wrapping around. */
    public void stepStrategy(int offset) {
        Strategy[] all = Strategy.values();
        int n = all.length;
        strategyProperty().set(all[((strategyProperty().get().ordinal() + offset) % n + n) % n]);
    }

    /** Picks strategy number {@code index} (0-based) of the list, if it exists. */
    public void pickStrategy(int index) {
        if (index >= 0 && index < Strategy.values().length) {
            strategyProperty().set(Strategy.values()[index]);
        }
    }

    /** Keeps the layer shown within a network of {@code depth} hidden layers. */
    void clampLayer(int depth) {
        layerProperty().set(Math.min(layerProperty().get(), depth));
    }

    /** Every option back to the seed experiment's view. */
    void reset() {
        applyAll(s -> s.defaultValue());
        compared.setAll(Strategy.SEED);
    }
}
