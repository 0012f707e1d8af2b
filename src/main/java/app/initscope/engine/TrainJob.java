package app.initscope.engine;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.TrainListener;
import app.initscope.core.train.TrainResult;
import app.initscope.core.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The window's training as a {@link Job}: every compared strategy trained side by side, streaming
 * {@link TrainRun} snapshots at most about {@value #SNAPSHOTS_PER_SECOND} times a second, with pause, resume and
 * single steps.
 *
 * <p><b>Side by side, in lockstep.</b> Each strategy trains on a lane of its own (a thread of the engine), and all
 * lanes share the compute pool for their matrix products. A lane that has made step {@code m} waits until every
 * other lane still training has made step {@code m} too, so the strategies are never more than one step apart
 * and their curves grow together whatever the number of cores. (Running each strategy as one piece of the compute
 * pool would train only as many strategies at once as there are cores: on two cores, Xavier and He would wait
 * for Zero and Small to finish.) Since a training's records do not depend on threads or timing, each lane's result
 * equals the {@link Trainer}'s direct result for the same config.
 *
 * <p><b>Pause and step.</b> The lanes wait at a step boundary (the first cancel poll after the trainer has asked
 * {@link TrainListener#wants}) while paused; {@link #step()} lets every lane make exactly one more step and stop
 * again. A snapshot is always taken at the step where the lanes stop, so the screen shows the paused state.
 * Pausing and stepping apply to the running request and to those submitted later, until {@link #resume()}.
 */
public final class TrainJob implements Job<TrainRequest, TrainRun> {

    /** The most snapshots a second. */
    public static final int SNAPSHOTS_PER_SECOND = 20;

    private final Engine engine;
    private final Executor lanes;
    private final AtomicInteger activeLanes = new AtomicInteger();
    private final long intervalNanos;
    private final Object lock = new Object();
    /** Guarded by lock. */
    private boolean paused;
    /** The running request's pacer, or null. Guarded by lock. */
    private Pacer current;

    /** @param engine runs the lanes on its job threads and the products on its compute pool */
    public TrainJob(Engine engine) {
        this(engine, 1_000_000_000L / SNAPSHOTS_PER_SECOND);
    }

    /** @param intervalNanos the least time between two snapshots */
    TrainJob(Engine engine, long intervalNanos) {
        this.engine = engine;
        this.lanes = engine.jobThreads();
        this.intervalNanos = intervalNanos;
    }

    /** Stops every lane at its next step boundary (the running request's and any later one's). */
    public void pause() {
        synchronized (lock) {
            paused = true;
            if (current != null) {
                current.pause();
            }
        }
    }

    /** Lets the lanes run on. */
    public void resume() {
        synchronized (lock) {
            paused = false;
            if (current != null) {
                current.resume();
            }
        }
    }

    /** While paused: every lane makes one more step, then stops again. Does nothing while running. */
    public void step() {
        synchronized (lock) {
            if (paused && current != null) {
                current.step();
            }
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** The lanes training right now, over all requests (0 once a job has ended). */
    public int activeLanes() {
        return activeLanes.get();
    }

    @Override
    public TrainRun run(TrainRequest request, Emitter<TrainRun> out, CancelToken cancel) throws Exception {
        out.progress(-1, "preparing the data…");
        engine.warmUp(cancel);
        ExperimentConfig config = request.config();
        List<Strategy> strategies = config.strategies();
        int n = strategies.size();
        Trainer trainer = new Trainer(Kernels::best, engine.pool(), 1);
        Dataset data = trainer.dataset(config, request.train());
        cancel.throwIfCancelled();
        int steps = request.train().steps();
        Pacer pacer = new Pacer(n, steps, cancel, out, request);
        synchronized (lock) {
            current = pacer;
            if (paused) {
                pacer.pause();
            }
        }
        try {
            List<CompletableFuture<TrainResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int lane = i;
                futures.add(CompletableFuture.supplyAsync(() -> lane(trainer, request, data, lane, pacer), lanes));
            }
            Throwable failure = null;
            List<TrainResult> results = new ArrayList<>();
            for (CompletableFuture<TrainResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    pacer.abort();          // a failed lane stops the others
                    if (failure == null || failure instanceof CancellationException) {
                        failure = e.getCause();
                    }
                } catch (InterruptedException e) {
                    pacer.abort();
                    Thread.currentThread().interrupt();
                    failure = new CancellationException("interrupted");
                }
            }
            for (CompletableFuture<TrainResult> f : futures) {
                try {
                    f.join();
                } catch (RuntimeException ignored) {
                    // already reported above; this only waits until every lane has ended
                }
            }
            if (failure instanceof Exception e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            }
            out.progress(1, "done");
            return new TrainRun(request, results, true);
        } finally {
            synchronized (lock) {
                if (current == pacer) {
                    current = null;
                }
            }
        }
    }

    /** Trains one strategy on the calling lane thread. */
    private TrainResult lane(Trainer trainer, TrainRequest request, Dataset data, int lane, Pacer pacer) {
        activeLanes.incrementAndGet();
        Thread me = Thread.currentThread();
        int[] gate = {-1};      // the step boundary to wait at on the next poll, or −1
        BooleanSupplier poll = () -> {
            if (Thread.currentThread() == me && gate[0] >= 0) {
                int m = gate[0];
                gate[0] = -1;
                pacer.await(lane, m);
            }
            return pacer.stopped();
        };
        TrainListener listener = new TrainListener() {
            @Override
            public boolean wants(int stepsMade) {
                boolean wanted = pacer.reached(lane, stepsMade);
                if (!wanted) {
                    gate[0] = stepsMade;
                }
                return wanted;
            }

            @Override
            public void snapshot(TrainResult snapshot) {
                // the gate comes after the snapshot: building it polls too (the decision regions), and the
                // snapshot of the step where the lanes pause must reach the screen
                pacer.snapshot(lane, snapshot);
                gate[0] = snapshot.steps().size();
            }
        };
        try {
            TrainResult r = trainer.train(request.config(), request.train(), data,
                    request.config().strategies().get(lane), listener, poll);
            pacer.snapshot(lane, r);
            return r;
        } finally {
            pacer.ended(lane);
            activeLanes.decrementAndGet();
        }
    }

    /** The lanes of one request: lockstep, pause, the snapshot ticks and the combined snapshots. */
    private final class Pacer {
        private final int lanes;
        private final int steps;
        private final CancelToken cancel;
        private final Emitter<TrainRun> out;
        private final TrainRequest request;
        private final int[] made;
        private final boolean[] ended;
        private final TrainResult[] latest;
        private volatile boolean aborted;
        private boolean paused;
        private int limit;
        private int decidedUpTo;
        private long lastTick;
        private final List<Integer> ticks = new ArrayList<>();

        Pacer(int lanes, int steps, CancelToken cancel, Emitter<TrainRun> out, TrainRequest request) {
            this.lanes = lanes;
            this.steps = steps;
            this.cancel = cancel;
            this.out = out;
            this.request = request;
            this.made = new int[lanes];
            this.ended = new boolean[lanes];
            this.latest = new TrainResult[lanes];
            this.lastTick = System.nanoTime() - intervalNanos;
        }

        boolean stopped() {
            return aborted || cancel.isCancelled();
        }

        synchronized void abort() {
            aborted = true;
            notifyAll();
        }

        synchronized void pause() {
            if (!paused) {
                paused = true;
                limit = Arrays.stream(made).max().orElse(0) + 1;
            }
            notifyAll();
        }

        synchronized void resume() {
            paused = false;
            notifyAll();
        }

        synchronized void step() {
            if (paused) {
                limit = Math.max(limit, Arrays.stream(made).max().orElse(0) + 1);
                notifyAll();
            }
        }

        /** Lane {@code lane} has made {@code m} steps; returns whether it should send a snapshot now. */
        synchronized boolean reached(int lane, int m) {
            made[lane] = m;
            notifyAll();
            if (m > decidedUpTo) {
                decidedUpTo = m;
                long now = System.nanoTime();
                if (now - lastTick >= intervalNanos || (paused && m >= limit)) {
                    lastTick = now;
                    ticks.add(m);
                    if (ticks.size() > 4) {
                        ticks.removeFirst();
                    }
                }
            }
            return ticks.contains(m);
        }

        /** Waits at step boundary {@code m} until every lane has made it and (while paused) stepping allows. */
        synchronized void await(int lane, int m) {
            while (!stopped() && !(othersMade(lane, m) && (!paused || m < limit))) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    aborted = true;
                }
            }
        }

        private boolean othersMade(int lane, int m) {
            for (int j = 0; j < lanes; j++) {
                if (j != lane && !ended[j] && made[j] < m) {
                    return false;
                }
            }
            return true;
        }

        synchronized void ended(int lane) {
            ended[lane] = true;
            notifyAll();
        }

        /** Keeps a lane's snapshot; once every lane has one of the same step (or ended), emits them together. */
        synchronized void snapshot(int lane, TrainResult r) {
            latest[lane] = r;
            if (r.complete() && !r.diverged()) {
                return;         // a lane that made every step: its result comes with the job's final snapshot
            }
            int at = r.steps().size();
            for (TrainResult other : latest) {
                if (other == null || (!other.complete() && other.steps().size() != at && !r.complete())) {
                    return;
                }
            }
            boolean all = Arrays.stream(latest).allMatch(TrainResult::complete);
            if (!all) {
                TrainRun run = new TrainRun(request, Arrays.asList(latest), false);
                int shown = run.stepsMade();
                out.progress((double) shown / steps, String.format(Locale.ROOT, "training: step %d of %d%s",
                        shown, steps, paused ? " (paused)" : ""));
                out.emit(run);
            }
        }
    }
}
