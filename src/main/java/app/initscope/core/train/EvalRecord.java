package app.initscope.core.train;

import java.util.List;

/**
 * The test set's loss after {@code step} updates, and its statistics per hidden layer.
 *
 * @param testAccuracy for a classification, else NaN
 * @param layers       one entry per hidden layer, in order
 */
public record EvalRecord(int step, double testLoss, double testAccuracy, List<EvalLayer> layers) {

    public EvalRecord {
        layers = List.copyOf(layers);
    }
}
