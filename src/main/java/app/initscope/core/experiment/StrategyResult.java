package app.initscope.core.experiment;

import app.initscope.core.init.Strategy;
import java.util.List;
import java.util.Objects;

/**
 * What one strategy showed, and how long it took to compute.
 *
 * @param loss          L = Σ(y − T)² / (2·samples)
 * @param layers        the hidden layers, first to last
 * @param computeMillis the wall-clock time this strategy's run took (initialize, forward, backward, summaries),
 *                      or NaN when not measured. A measurement of one run, not part of what the strategy showed:
 *                      {@link #equals} and {@link #hashCode} ignore it, so equal computations compare equal
 */
public record StrategyResult(Strategy strategy, double loss, List<LayerResult> layers, double computeMillis) {

    /** Copies the list. */
    public StrategyResult {
        layers = List.copyOf(layers);
    }

    /** A result whose compute time was not measured. */
    public StrategyResult(Strategy strategy, double loss, List<LayerResult> layers) {
        this(strategy, loss, layers, Double.NaN);
    }

    /** Hidden layer l, 1-based. */
    public LayerResult layer(int l) {
        return layers.get(l - 1);
    }

    /** Equal strategy, loss and layers; the compute time is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StrategyResult r && strategy == r.strategy
                && Double.compare(loss, r.loss) == 0 && layers.equals(r.layers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategy, loss, layers);
    }
}
