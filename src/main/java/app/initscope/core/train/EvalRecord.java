package app.initscope.core.train;

/**
 * The test set's loss after {@code step} updates.
 *
 * @param testAccuracy for a classification, else NaN
 */
public record EvalRecord(int step, double testLoss, double testAccuracy) {
}
