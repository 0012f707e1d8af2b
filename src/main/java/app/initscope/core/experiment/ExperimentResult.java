package app.initscope.core.experiment;

import app.initscope.core.init.Strategy;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of a finished run.
 *
 * @param results one per strategy, in the config's order
 * @param kernel  the name of the matrix kernel that computed it
 * @param preview whether the results are {@linkplain ExperimentRunner#preview previews} on the config's first
 *                rows rather than full runs: then their statistics are estimates, and their weight gradients are
 *                not the full run's
 */
public record ExperimentResult(ExperimentConfig config, List<StrategyResult> results, String kernel,
                               boolean preview) {

    /** Copies the list. */
    public ExperimentResult {
        results = List.copyOf(results);
    }

    /** The result of full runs, not previews. */
    public ExperimentResult(ExperimentConfig config, List<StrategyResult> results, String kernel) {
        this(config, results, kernel, false);
    }

    /** The result of one strategy, if it was run. */
    public Optional<StrategyResult> find(Strategy strategy) {
        return results.stream().filter(r -> r.strategy() == strategy).findFirst();
    }
}
