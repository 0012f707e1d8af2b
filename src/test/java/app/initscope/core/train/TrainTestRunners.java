package app.initscope.core.train;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.engine.ComputePool;

/** Shared trainers for the tests: one pool per thread count, kept for the whole test JVM. */
final class TrainTestRunners {

    private static final ComputePool ONE = new ComputePool(1);
    private static final ComputePool TWO = new ComputePool(2);

    private TrainTestRunners() {
    }

    /** A trainer with the best kernel on {@code threads} (1 or 2) threads, snapshots every 10 steps. */
    static Trainer trainer(int threads) {
        return new Trainer(Kernels::best, threads == 1 ? ONE : TWO, 10);
    }

    /** Trains one strategy on two threads, without listener or cancel. */
    static TrainResult train(ExperimentConfig config, TrainConfig train, Strategy strategy) {
        return trainer(2).train(config, train, strategy, TrainListener.NONE, () -> false);
    }
}
