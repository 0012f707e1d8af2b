package app.initscope;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.ExperimentRunner;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.linalg.Kernels;
import app.initscope.engine.ComputePool;

/** Shared engines for tests: one pool per thread count, kept for the whole test JVM. */
public final class TestRunners {

    private static final ComputePool ONE = new ComputePool(1);
    private static final ComputePool TWO = new ComputePool(2);

    private TestRunners() {
    }

    /** A runner with the best kernel on {@code threads} (1 or 2) threads. */
    public static ExperimentRunner runner(int threads) {
        ComputePool pool = threads == 1 ? ONE : TWO;
        return new ExperimentRunner(Kernels::best, pool, Runtime.getRuntime().maxMemory());
    }

    /** Runs a config on two threads. */
    public static ExperimentResult run(ExperimentConfig config) {
        return runner(2).run(config, RunListener.NONE, () -> false);
    }
}
