package app.initscope.core.experiment;

import app.initscope.core.init.Strategy;
import java.util.List;

/**
 * What one strategy showed.
 *
 * @param loss   L = Σ(y − T)² / (2·samples)
 * @param layers the hidden layers, first to last
 */
public record StrategyResult(Strategy strategy, double loss, List<LayerResult> layers) {

    /** Copies the list. */
    public StrategyResult {
        layers = List.copyOf(layers);
    }

    /** Hidden layer l, 1-based. */
    public LayerResult layer(int l) {
        return layers.get(l - 1);
    }
}
