package app.initscope.engine;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.train.TrainConfig;
import java.util.Objects;

/**
 * What a {@link TrainJob} trains: the network (activation, depth, width, seed and the strategies to compare, from
 * the experiment's settings) and the training settings. Immutable, with value equality.
 */
public record TrainRequest(ExperimentConfig config, TrainConfig train) {

    public TrainRequest {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(train, "train");
    }
}
