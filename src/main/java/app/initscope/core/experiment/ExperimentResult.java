package app.initscope.core.experiment;

import app.initscope.core.init.Strategy;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of a finished run.
 *
 * @param results one per strategy, in the config's order
 * @param kernel  the name of the matrix kernel that computed it
 */
public record ExperimentResult(ExperimentConfig config, List<StrategyResult> results, String kernel) {

    /** Copies the list. */
    public ExperimentResult {
        results = List.copyOf(results);
    }

    /** The result of one strategy, if it was run. */
    public Optional<StrategyResult> find(Strategy strategy) {
        return results.stream().filter(r -> r.strategy() == strategy).findFirst();
    }
}
