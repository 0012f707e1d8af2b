package app.initscope.service;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentRunner;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Builds an {@link ExperimentRunner} on a {@link ComputePool}: what the CLI and the GUI both run. */
public final class Engine implements AutoCloseable {

    private static final int WARM_SIZE = 128;
    private static final int WARM_RUNS = Integer.getInteger("initscope.warmRuns", 10);

    private final AtomicBoolean warm = new AtomicBoolean();
    private final ComputePool pool;
    private final ExperimentRunner runner;

    /** @param threads the number of compute threads, at least 1 */
    public Engine(int threads) {
        this.pool = new ComputePool(threads);
        this.runner = new ExperimentRunner(Kernels.best(pool), pool, Runtime.getRuntime().maxMemory());
    }

    /**
     * Runs a few small experiments so the JIT compiles the kernels before the first real one. Until then the
     * Vector API code runs interpreted, and a first 1000³ experiment takes seconds instead of tens of
     * milliseconds (measured: the first default run took 3.6–4.3 s cold and 0.7 s after ten 128³ runs).
     * Only the first call does anything. Returns the milliseconds spent.
     */
    public double warmUp() {
        if (!warm.compareAndSet(false, true)) {
            return 0;
        }
        long start = System.nanoTime();
        ExperimentConfig small = ExperimentConfig.builder().fanIn(WARM_SIZE).samples(WARM_SIZE).width(WARM_SIZE)
                .depth(2).strategies(List.of(Strategy.XAVIER)).build();
        for (int i = 0; i < WARM_RUNS; i++) {
            runner.run(small, RunListener.NONE, () -> false);
        }
        return (System.nanoTime() - start) / 1e6;
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

    /** Whether {@link #close()} ran and every compute thread has ended. */
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public void close() {
        pool.close();
    }
}
