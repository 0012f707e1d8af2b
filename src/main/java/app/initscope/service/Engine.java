package app.initscope.service;

import app.initscope.core.experiment.ExperimentRunner;
import app.initscope.core.linalg.Kernels;

/** Builds an {@link ExperimentRunner} on a {@link ComputePool}: what the CLI and the GUI both run. */
public final class Engine implements AutoCloseable {

    private final ComputePool pool;
    private final ExperimentRunner runner;

    /** @param threads the number of compute threads, at least 1 */
    public Engine(int threads) {
        this.pool = new ComputePool(threads);
        this.runner = new ExperimentRunner(Kernels.best(pool), pool, Runtime.getRuntime().maxMemory());
    }

    /** One thread per available processor. */
    public static Engine allCores() {
        return new Engine(Runtime.getRuntime().availableProcessors());
    }

    public ExperimentRunner runner() {
        return runner;
    }

    /** The number of compute threads. */
    public int threads() {
        return pool.parallelism();
    }

    @Override
    public void close() {
        pool.close();
    }
}
