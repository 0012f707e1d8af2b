package app.initscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.nn.Activation;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Optimizer;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainListener;
import app.initscope.core.train.TrainResult;
import app.initscope.core.train.Trainer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The training job: lockstep lanes give the trainer's own results, snapshots are throttled by time, pause stops
 * progress and resume continues it, Step makes exactly one step, and a cancel ends every lane.
 */
class TrainJobTest {

    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = new Engine(2);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** A small two-strategy classification: three strategies, some hundred steps of a few milliseconds. */
    private static TrainRequest request(int steps) {
        ExperimentConfig c = ExperimentConfig.builder().activation(Activation.TANH).fanIn(20).samples(100)
                .width(32).depth(2).seed(5).strategies(List.of(Strategy.SMALL, Strategy.XAVIER, Strategy.HE))
                .build();
        TrainConfig t = TrainConfig.defaults().withDataset(DatasetId.SPIRAL).withBatch(32).withSteps(steps, 25)
                .withOptimizer(Optimizer.ADAM, 0.01);
        return new TrainRequest(c, t);
    }

    /** Records what a job emits, with the times. */
    private static final class Recorder implements Emitter<TrainRun> {
        final List<TrainRun> snapshots = new CopyOnWriteArrayList<>();
        final List<Long> nanos = new CopyOnWriteArrayList<>();
        final CancelToken token;

        Recorder(CancelToken token) {
            this.token = token;
        }

        @Override
        public void emit(TrainRun snapshot) {
            token.throwIfCancelled();
            snapshots.add(snapshot);
            nanos.add(System.nanoTime());
        }

        @Override
        public void progress(double fraction, String stage) {
        }

        int lastStep() {
            return snapshots.isEmpty() ? 0 : snapshots.getLast().stepsMade();
        }
    }

    private static CompletableFuture<TrainRun> runAsync(TrainJob job, TrainRequest r, Recorder out) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return job.run(r, out, out.token);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, engine.jobThreads());
    }

    @Test
    void everyLaneEqualsTheTrainersDirectResult() throws Exception {
        TrainRequest r = request(120);
        TrainRun run = new TrainJob(engine).run(r, new Recorder(new CancelToken()), new CancelToken());
        assertTrue(run.complete());
        Trainer direct = new Trainer(Kernels::best, new ComputePool(1), 7);
        for (int i = 0; i < r.config().strategies().size(); i++) {
            Strategy s = r.config().strategies().get(i);
            TrainResult expected = direct.train(r.config(), r.train(), s, TrainListener.NONE, () -> false);
            TrainResult got = run.results().get(i);
            assertEquals(s, got.strategy());
            assertEquals(expected.steps(), got.steps(), s + ": every step's records");
            assertEquals(expected.evals(), got.evals(), s + ": every evaluation");
            assertEquals(expected.finalTestLoss(), got.finalTestLoss(), s.id());
        }
    }

    @Test
    void snapshotsComeAtMostTwentyASecondAndShowEveryLaneAtOneStep() throws Exception {
        TrainRequest r = request(600);
        Recorder out = new Recorder(new CancelToken());
        long start = System.nanoTime();
        new TrainJob(engine).run(r, out, out.token);
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = out.snapshots.size();
        assertTrue(n >= 1, "some snapshots");
        // 20 a second over the run, plus the first one at once
        assertTrue(n <= seconds * TrainJob.SNAPSHOTS_PER_SECOND + 2, n + " snapshots in " + seconds + " s");
        // the ticks are 50 ms apart; an emit waits for the slowest lane, so single gaps may be a little shorter.
        // The first snapshot comes at once, before the first tick, so the gaps are measured from the second
        // (from the first, a run of three snapshots once averaged 43 ms).
        if (n >= 4) {
            double meanGap = (out.nanos.getLast() - out.nanos.get(1)) / 1e6 / (n - 2);
            assertTrue(meanGap >= 45, "mean gap " + meanGap + " ms");
        }
        for (TrainRun s : out.snapshots) {
            int at = s.results().getFirst().steps().size();
            for (TrainResult t : s.results()) {
                assertEquals(at, t.steps().size(), "lockstep: every strategy at the same step");
            }
        }
    }

    @Test
    void pauseStopsProgressResumeContinuesAndStepMakesOneStep() throws Exception {
        TrainJob job = new TrainJob(engine);
        Recorder out = new Recorder(new CancelToken());
        job.pause();                                  // paused before the start: it stops after the first step
        CompletableFuture<TrainRun> done = runAsync(job, request(400), out);
        waitFor(() -> out.lastStep() == 1, "the first step's snapshot while paused");
        Thread.sleep(300);
        assertEquals(1, out.lastStep(), "no progress while paused");
        assertFalse(done.isDone());

        job.step();
        waitFor(() -> out.lastStep() == 2, "Step makes one step");
        Thread.sleep(300);
        assertEquals(2, out.lastStep(), "and stops again");

        job.resume();
        waitFor(() -> out.lastStep() > 10, "resume continues");
        job.pause();
        Thread.sleep(200);                            // the lanes stop at the next boundary
        int stopped = out.lastStep();
        Thread.sleep(300);
        assertEquals(stopped, out.lastStep(), "pausing again stops it");
        job.resume();
        TrainRun last = done.get(60, TimeUnit.SECONDS);
        assertEquals(400, last.stepsMade());
        assertEquals(0, job.activeLanes());
    }

    @Test
    void cancelEndsEveryLaneEvenWhilePaused() throws Exception {
        TrainJob job = new TrainJob(engine);
        CancelToken token = new CancelToken();
        Recorder out = new Recorder(token);
        CompletableFuture<TrainRun> done = runAsync(job, request(100_000), out);
        waitFor(() -> out.lastStep() > 5, "training runs");
        assertEquals(3, job.activeLanes(), "one lane per strategy");
        job.pause();
        Thread.sleep(100);
        token.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CancellationException, String.valueOf(e.getCause()));
        assertEquals(0, job.activeLanes(), "every lane ended");
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }
}
