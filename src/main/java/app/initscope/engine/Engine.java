package app.initscope.engine;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentRunner;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.EjmlGemm;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.train.Trainer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Owns the threads that compute: a {@link ComputePool} for the number crunching, the threads that run
 * {@link Job}s, and the {@link ExperimentRunner} on that pool that the command line and the window both use.
 * Knows no toolkit: a caller gets its job events through the executor it passes to {@link #jobs}.
 */
public final class Engine implements AutoCloseable {

    private static final int WARM_SIZE = 128;
    private static final int WARM_RUNS = Integer.getInteger("initscope.warmRuns", 10);

    /** The longest a cold warm-up waits for the window's first picture, in ms. */
    public static final long FIRST_PICTURE_WAIT_MILLIS = 3000;

    private final AtomicBoolean warm = new AtomicBoolean();
    private final CountDownLatch firstPicture = new CountDownLatch(1);
    private volatile boolean waitForFirstPicture;
    private final ComputePool pool;
    private final ExperimentRunner runner;
    private final ExperimentRunner plainRunner;
    private final ExecutorService jobThreads;
    /** How long a job thread that has nothing to do stays before it ends. */
    public static final long IDLE_JOB_THREAD_SECONDS = 60;

    /** @param threads the number of compute threads, at least 1 */
    public Engine(int threads) {
        this(threads, UnaryOperator.identity());
    }

    /**
     * An engine whose experiment runners split their work through {@code around} the compute pool: a test counts
     * there the pieces of work that run after a cancel (work done, not time taken).
     *
     * @param threads the number of compute threads, at least 1
     * @param around  wraps the compute pool for the experiment runners, and the cold preview's single thread; must
     *                run every piece it is given
     */
    Engine(int threads, UnaryOperator<Parallel> around) {
        this.pool = new ComputePool(threads);
        Parallel parallel = around.apply(pool);
        this.runner = new ExperimentRunner(Kernels::best, parallel, Runtime.getRuntime().maxMemory());
        // one thread: the cold preview is a few rows, and the other core is the FX thread's while it builds the window
        this.plainRunner = plain(around.apply(Parallel.sequential()));
        AtomicInteger ids = new AtomicInteger();
        // as a cached pool, but with the idle lifetime named: a job cancelled under load can still be unwinding when
        // its successor starts, so the pool briefly holds one thread more, which then ends after this lifetime
        this.jobThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_JOB_THREAD_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "initscope-job-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Starts, on a daemon thread, a tiny experiment on the plain kernel, and returns at once. The window calls this
     * before the toolkit starts, which takes about 0.4 s on one core: meanwhile the other core loads and links the
     * experiment's classes and computes the theory's quadrature rule, which the first picture would otherwise wait
     * for. Its result is thrown away.
     */
    public static void prime() {
        Thread t = new Thread(() -> {
            ExperimentConfig tiny = ExperimentConfig.builder().fanIn(16).samples(16).width(16).depth(1)
                    .strategies(List.of(Strategy.XAVIER)).build();
            try {
                plain(Parallel.sequential()).run(tiny, RunListener.NONE, () -> false);
            } catch (RuntimeException | Error e) {
                // only a head start: the window's own first computation meets and reports any real problem
                System.getLogger(Engine.class.getName()).log(System.Logger.Level.DEBUG, "priming failed", e);
            }
        }, "initscope-prime");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** A runner on the plain-Java kernel and plain loops (no JIT warm-up needed for a fair speed) on a parallel. */
    private static ExperimentRunner plain(Parallel parallel) {
        return new ExperimentRunner(p -> new EjmlGemm(), parallel, Runtime.getRuntime().maxMemory()).withPlainLoops();
    }

    /** One thread per available processor. */
    public static Engine allCores() {
        return new Engine(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A runner for one kind of job on this engine's threads: it runs one request at a time, and a newer request
     * cancels and supersedes the running one.
     *
     * @param callbacks delivers the listener's calls, in order (e.g. {@code Platform::runLater})
     */
    public <R, S> JobRunner<R, S> jobs(Job<R, S> job, Executor callbacks, JobListener<R, S> listener) {
        return new JobRunner<>(job, jobThreads, callbacks, listener);
    }

    /**
     * Runs long-inner-dimension products ({@link Kernels#warmUp}), then a few small experiments, so the JIT compiles
     * the kernels before the first real one. Until then the Vector API code runs interpreted, and a first 1000³
     * experiment takes seconds instead of tens of milliseconds (measured: the first default run took 3.6–4.3 s cold
     * and 0.7 s after ten 128³ runs).
     * Only the first call does anything. Returns the milliseconds spent.
     */
    public double warmUp() {
        return warmUp(() -> false);
    }

    /**
     * {@link #warmUp()} that stops when {@code cancelled} turns true (then the warm-up is not repeated).
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public double warmUp(BooleanSupplier cancelled) {
        if (!warm.compareAndSet(false, true)) {
            return 0;
        }
        long start = System.nanoTime();
        Kernels.warmUp(Kernels.best(pool), cancelled);   // first: see there why
        ExperimentConfig small = ExperimentConfig.builder().fanIn(WARM_SIZE).samples(WARM_SIZE).width(WARM_SIZE)
                .depth(2).strategies(List.of(Strategy.XAVIER)).build();
        for (int i = 0; i < WARM_RUNS; i++) {
            runner.run(small, RunListener.NONE, cancelled);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The compute pool, for this package's jobs (training, the phase diagram). */
    ComputePool pool() {
        return pool;
    }

    /** The threads that run jobs, and the lanes of a training job. */
    ExecutorService jobThreads() {
        return jobThreads;
    }

    public ExperimentRunner runner() {
        return runner;
    }

    /**
     * Asks a cold experiment job to wait, after it has sent its quick first picture and before it warms up, until
     * {@link #firstPictureShown()} (or {@value #FIRST_PICTURE_WAIT_MILLIS} ms). The window calls this: on 2 cores the
     * warm-up's threads and the JIT otherwise take the processors from the thread that lays out and draws the window,
     * and the first histograms came about half a second later.
     */
    public void deferWarmUpUntilFirstPicture() {
        waitForFirstPicture = true;
    }

    /** Says the first picture is on screen: a job waiting to warm up goes on. */
    public void firstPictureShown() {
        firstPicture.countDown();
    }

    /**
     * Waits as {@link #deferWarmUpUntilFirstPicture()} says, if it was asked for; returns early when cancelled. Other
     * background work that the first picture does not need waits here too (the window's mean-field numbers).
     */
    public void awaitFirstPicture(BooleanSupplier cancelled) {
        long end = System.nanoTime() + FIRST_PICTURE_WAIT_MILLIS * 1_000_000;
        try {
            while (waitForFirstPicture && !cancelled.getAsBoolean() && System.nanoTime() < end
                    && !firstPicture.await(10, TimeUnit.MILLISECONDS)) {
                // poll the cancel flag every 10 ms
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the warm-up has run (or is running): after it, the best kernel is compiled or being compiled. */
    public boolean isWarm() {
        return warm.get();
    }

    /**
     * A runner on the plain-Java kernel ({@link EjmlGemm}) and plain loops ({@link ExperimentRunner#withPlainLoops()})
     * on one thread, for a quick first picture in a cold JVM: the Vector API
     * kernel runs interpreted until the JIT has compiled it, seconds at the seed size, while plain loops are
     * compiled within milliseconds. Its results differ from the best kernel's in the last bits.
     */
    public ExperimentRunner plainRunner() {
        return plainRunner;
    }

    /**
     * A trainer on this engine's compute threads with the best kernel.
     *
     * @param snapshotEvery steps between snapshots to the listener, at least 1
     */
    public Trainer trainer(int snapshotEvery) {
        return new Trainer(Kernels::best, pool, snapshotEvery);
    }

    /** The number of compute threads. */
    public int threads() {
        return pool.parallelism();
    }

    /** Whether {@link #close()} ran and every compute and job thread has ended. */
    public boolean isTerminated() {
        return pool.isTerminated() && jobThreads.isTerminated();
    }

    /** Stops the threads: running jobs are told to stop (interrupted), and new ones are refused. */
    @Override
    public void close() {
        jobThreads.shutdownNow();
        pool.close();
    }
}
