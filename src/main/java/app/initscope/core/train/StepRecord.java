package app.initscope.core.train;

import java.util.List;

/**
 * One training step: the batch's loss and the layers before the update. Step 0 is the state before the first
 * update.
 *
 * @param accuracy the batch's accuracy for a classification, else NaN
 */
public record StepRecord(int step, double loss, double accuracy, List<LayerStep> layers) {

    public StepRecord {
        layers = List.copyOf(layers);
    }
}
