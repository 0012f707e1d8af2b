package app.initscope.ui;

import app.initscope.core.init.Strategy;
import app.initscope.export.Preset;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the window shows of a result: the strategy, the layer, the gradient, the scales and the strategies
 * compared. Each is writable because a control binds to it both ways; the commands step and pick strategies.
 */
public final class ViewOptions {

    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(this, "strategy", Strategy.XAVIER);
    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", 1);
    private final ObjectProperty<GradientView> gradient = new SimpleObjectProperty<>(this, "gradient",
            GradientView.DELTA);
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final BooleanProperty showTheory = new SimpleBooleanProperty(this, "showTheory", true);
    private final BooleanProperty lockAxes = new SimpleBooleanProperty(this, "lockAxes", false);
    private final BooleanProperty jacobian = new SimpleBooleanProperty(this, "jacobian", false);
    private final ObservableList<Strategy> compared = FXCollections.observableArrayList(Strategy.SEED);

    ViewOptions() {
    }

    /** The strategy whose histograms are shown. */
    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    /** The hidden layer shown, 1 to depth. */
    public IntegerProperty layerProperty() {
        return layer;
    }

    /** Which gradient the third histogram shows. */
    public ObjectProperty<GradientView> gradientProperty() {
        return gradient;
    }

    /** Whether histogram counts use a log scale. */
    public BooleanProperty logYProperty() {
        return logY;
    }

    /** Whether the theory's curve and numbers are drawn. */
    public BooleanProperty showTheoryProperty() {
        return showTheory;
    }

    /** Whether histograms of the same tensor share one x-axis across strategies. */
    public BooleanProperty lockAxesProperty() {
        return lockAxes;
    }

    /**
     * Whether the window's runs take each strategy's input–output Jacobian spectrum (off by default: one SVD of a
     * fan_in × width matrix per input and strategy, about a second of CPU at 1000 × 1000).
     */
    public BooleanProperty jacobianProperty() {
        return jacobian;
    }

    /** The strategies the compare and depth views show, in the list's order. */
    public ObservableList<Strategy> comparedStrategies() {
        return compared;
    }

    /** Picks the strategy {@code offset} places after the current one in the list, wrapping around. */
    public void stepStrategy(int offset) {
        Strategy[] all = Strategy.values();
        int n = all.length;
        strategy.set(all[((strategy.get().ordinal() + offset) % n + n) % n]);
    }

    /** Picks strategy number {@code index} (0-based) of the list, if it exists. */
    public void pickStrategy(int index) {
        if (index >= 0 && index < Strategy.values().length) {
            strategy.set(Strategy.values()[index]);
        }
    }

    /** Keeps the layer shown within a network of {@code depth} hidden layers. */
    void clampLayer(int depth) {
        layer.set(Math.min(layer.get(), depth));
    }

    /** The view state of a preset, with the tab shown. */
    Preset.ViewState toViewState(String tab) {
        return new Preset.ViewState(strategy.get().id(), layer.get(), gradient.get().tensor().id(), logY.get(),
                showTheory.get(), lockAxes.get(), tab, jacobian.get());
    }

    /** Takes a preset's view state, its strategy list as the compared ones, and a layer within {@code depth}. */
    void apply(Preset.ViewState v, List<Strategy> strategies, int depth) {
        compared.setAll(strategies);
        strategy.set(Strategy.fromId(v.strategy()));
        layer.set(Math.min(v.layer(), depth));
        gradient.set(Arrays.stream(GradientView.values())
                .filter(g -> g.tensor().id().equals(v.gradient())).findFirst().orElse(GradientView.DELTA));
        logY.set(v.logY());
        showTheory.set(v.showTheory());
        lockAxes.set(v.lockAxes());
        jacobian.set(v.jacobian());
    }

    /** Every option back to the seed experiment's view. */
    void reset() {
        strategy.set(Strategy.XAVIER);
        layer.set(1);
        gradient.set(GradientView.DELTA);
        logY.set(false);
        showTheory.set(true);
        lockAxes.set(false);
        jacobian.set(false);
        compared.setAll(Strategy.SEED);
    }
}
