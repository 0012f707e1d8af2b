package app.initscope.engine;

import app.initscope.core.train.TrainResult;
import java.util.List;

/**
 * A {@link TrainJob}'s snapshot: every compared strategy's records so far, in the config's order, all taken at
 * the same step (the strategies train in lockstep), or the final results.
 *
 * @param results  one per strategy of the request, in its order
 * @param complete whether this is the job's final snapshot
 */
public record TrainRun(TrainRequest request, List<TrainResult> results, boolean complete) {

    public TrainRun {
        results = List.copyOf(results);
    }

    /** The steps made by the slowest strategy that has not ended (diverged strategies stop early). */
    public int stepsMade() {
        int made = Integer.MAX_VALUE;
        int longest = 0;
        for (TrainResult r : results) {
            longest = Math.max(longest, r.steps().size());
            if (!r.complete()) {
                made = Math.min(made, r.steps().size());
            }
        }
        return made == Integer.MAX_VALUE ? longest : made;
    }
}
