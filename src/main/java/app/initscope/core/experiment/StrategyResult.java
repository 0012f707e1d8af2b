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
 * @param jacobian      the input–output Jacobian's spectrum, or null when it was not asked for
 *                      ({@link ExperimentRunner#withJacobian})
 * @param lsuvRounds    for a {@linkplain Strategy#dataDependent() data-dependent} strategy (LSUV), the rounds of
 *                      rescaling each layer took, first to last; empty for every other strategy
 */
public record StrategyResult(Strategy strategy, double loss, List<LayerResult> layers, double computeMillis,
                             JacobianSpectrum jacobian, List<Integer> lsuvRounds) {

    /** Copies the lists. */
    public StrategyResult {
        layers = List.copyOf(layers);
        lsuvRounds = List.copyOf(lsuvRounds);
    }

    /** A result without a Jacobian spectrum or LSUV rounds. */
    public StrategyResult(Strategy strategy, double loss, List<LayerResult> layers, double computeMillis) {
        this(strategy, loss, layers, computeMillis, null, List.of());
    }

    /** A result whose compute time was not measured. */
    public StrategyResult(Strategy strategy, double loss, List<LayerResult> layers) {
        this(strategy, loss, layers, Double.NaN);
    }

    /** Hidden layer l, 1-based. */
    public LayerResult layer(int l) {
        return layers.get(l - 1);
    }

    /** Equal strategy, loss, layers, Jacobian spectrum and LSUV rounds; the compute time is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StrategyResult r && strategy == r.strategy
                && Double.compare(loss, r.loss) == 0 && layers.equals(r.layers)
                && Objects.equals(jacobian, r.jacobian) && lsuvRounds.equals(r.lsuvRounds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategy, loss, layers, jacobian, lsuvRounds);
    }
}
