package app.initscope.core.train;

import app.initscope.core.init.Strategy;
import java.util.List;

/**
 * What training one strategy recorded, so far or in full.
 *
 * @param steps           one record per step made, in order
 * @param evals           the test evaluations, in order: at step 0, every {@code evalEvery} steps, and after the
 *                        last update
 * @param divergedAt      the step whose loss was NaN or infinite (training stopped there; the step count when the
 *                        last update made it so), or -1
 * @param finalLoss       the whole training set's loss after the last update; NaN until done or when diverged
 * @param finalTestLoss   the test loss after the last update; NaN until done or when diverged
 * @param finalTestAccuracy the test accuracy after the last update for a classification; NaN otherwise
 * @param complete        false for a snapshot taken while training
 * @param computeMillis   the wall time spent so far
 * @param boundary        the decision regions now, for a 2-D data set; else null
 */
public record TrainResult(Strategy strategy, List<StepRecord> steps, List<EvalRecord> evals, int divergedAt,
                          double finalLoss, double finalTestLoss, double finalTestAccuracy, boolean complete,
                          double computeMillis, Boundary boundary) {

    public TrainResult {
        steps = List.copyOf(steps);
        evals = List.copyOf(evals);
    }

    /** Whether the loss became NaN or infinite. */
    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** The training losses, step by step. */
    public double[] losses() {
        return steps.stream().mapToDouble(StepRecord::loss).toArray();
    }
}
