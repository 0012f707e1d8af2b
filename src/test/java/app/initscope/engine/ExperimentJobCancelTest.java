package app.initscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.MemoryEstimate;
import app.initscope.core.init.Strategy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A heavy experiment stops soon after a cancel or a newer request, because the cancel check reaches inside the
 * big matrix products. The config is the largest of the window's range that this JVM's heap takes: fan_in and
 * width 4096, 20000 samples, and as many layers as fit (one, with the tests' 4 GB heap); a single forward
 * product of it is 20000×4096×4096, some seconds of work.
 *
 * <p>"Soon" is counted in work, not in milliseconds, so that a busy machine cannot fail the test: the cancel is
 * sent from inside a product (see {@link PieceCounter}), and then no piece of work may start, only the pieces
 * already running on the other compute threads may end, and a piece is a small part of a product. How long that
 * takes in milliseconds is {@code CancelLatencyBenchmark}'s question.
 */
class ExperimentJobCancelTest {

    /** A product of the biggest config has thousands of row blocks; a call of this many pieces is a big step. */
    private static final int BIG_CALL = 100;

    private static PieceCounter counter;
    private static Engine engine;

    @BeforeAll
    static void start() {
        // the engine wraps its compute pool and the cold preview's single thread: count the pool's pieces
        engine = new Engine(2, p -> p instanceof ComputePool ? (counter = new PieceCounter(p)) : p);
        engine.warmUp();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** The window's largest config, with as many layers (up to 20) as fit in this heap. */
    static ExperimentConfig biggestThatFits() {
        long heap = Runtime.getRuntime().maxMemory();
        for (int depth = 20; depth >= 1; depth--) {
            ExperimentConfig c = ExperimentConfig.builder().fanIn(4096).width(4096).samples(20000).depth(depth)
                    .strategies(List.of(Strategy.values())).build();
            if (MemoryEstimate.bytes(c) <= heap * MemoryEstimate.HEAP_SHARE) {
                return c;
            }
        }
        throw new IllegalStateException("the heap takes no config at full width");
    }

    /** Events of one request; arms the counter when the forward pass begins. */
    private static final class Watch implements JobListener<ExperimentConfig, ExperimentResult> {
        final List<String> stages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();
        final List<String> ends = new CopyOnWriteArrayList<>();
        private final Runnable atForward;

        /** @param atForward called once, on the job's thread, when the forward pass starts */
        Watch(Runnable atForward) {
            this.atForward = atForward;
        }

        @Override
        public void progress(ExperimentConfig request, double fraction, String stage) {
            if (stage.contains("forward layer 1") && stages.stream().noneMatch(s -> s.contains("forward"))) {
                atForward.run();
            }
            stages.add(stage);
        }

        @Override
        public void finished(ExperimentConfig request, ExperimentResult result) {
            counter.freeze();
            ends.add("finished " + request.fanIn());
            ended.complete(null);
        }

        @Override
        public void cancelled(ExperimentConfig request, boolean superseded) {
            counter.freeze();               // before a superseding request starts: its work is not counted
            ends.add("cancelled " + request.fanIn() + (superseded ? " superseded" : ""));
            if (!superseded) {
                ended.complete(null);
            }
        }

        @Override
        public void failed(ExperimentConfig request, Throwable error) {
            ended.completeExceptionally(error);
        }
    }

    /** After the cancel: no new step or piece, and at most the pieces running on the other threads end. */
    private static void assertOnlyThePiecesInFlightEnded() {
        assertTrue(counter.cancelSent(), "the cancel was sent from inside a big step");
        assertTrue(counter.piecesOfCancelledCall.get() >= BIG_CALL, "cancelled inside a step of "
                + counter.piecesOfCancelledCall.get() + " pieces");
        assertEquals(0, counter.callsStartedAfterCancel.get(), "steps started after the cancel");
        assertEquals(0, counter.piecesStartedAfterCancel.get(), "pieces started after the cancel");
        assertTrue(counter.piecesEndedAfterCancel.get() <= engine.threads() - 1, "pieces ended after the cancel: "
                + counter.piecesEndedAfterCancel.get() + ", more than were running on the other threads");
    }

    @Test
    void cancelInsideAProductOfTheBiggestConfigLetsOnlyThePiecesInFlightEnd() throws Exception {
        ExperimentConfig big = biggestThatFits();
        AtomicReference<JobRunner<ExperimentConfig, ExperimentResult>> jobs = new AtomicReference<>();
        Watch watch = new Watch(() -> counter.arm(BIG_CALL, () -> jobs.get().cancel()));
        jobs.set(engine.jobs(new ExperimentJob(engine), Runnable::run, watch));
        jobs.get().submit(big);
        watch.ended.get(10, TimeUnit.MINUTES);            // a hang guard only: the big run alone takes minutes
        assertEquals(List.of("cancelled 4096"), watch.ends);
        assertOnlyThePiecesInFlightEnded();
    }

    @Test
    void aNewerRequestStopsTheRunningBigOneInsideItsProduct() throws Exception {
        ExperimentConfig big = biggestThatFits();
        ExperimentConfig small = ExperimentConfig.builder().fanIn(64).width(64).samples(100)
                .strategies(List.of(Strategy.XAVIER)).build();
        AtomicReference<JobRunner<ExperimentConfig, ExperimentResult>> jobs = new AtomicReference<>();
        Watch watch = new Watch(() -> counter.arm(BIG_CALL, () -> jobs.get().submit(small)));
        jobs.set(engine.jobs(new ExperimentJob(engine), Runnable::run, watch));
        jobs.get().submit(big);
        watch.ended.get(10, TimeUnit.MINUTES);
        // the small result came at all only because the big one was stopped
        assertEquals(List.of("cancelled 4096 superseded", "finished 64"), watch.ends);
        assertOnlyThePiecesInFlightEnded();
    }

    @Test
    void cancelStopsAnOrthogonalInitializationInsideItsQrDecomposition() throws Exception {
        // the QR of a 2048 × 2048 Gaussian has 2048 column updates and takes seconds; nothing else here is slow
        ExperimentConfig qr = ExperimentConfig.builder().fanIn(2048).width(2048).samples(50)
                .strategies(List.of(Strategy.ORTHOGONAL)).build();
        AtomicReference<JobRunner<ExperimentConfig, ExperimentResult>> jobs = new AtomicReference<>();
        Watch watch = new Watch(() -> { });
        jobs.set(engine.jobs(new ExperimentJob(engine), Runnable::run, watch));
        counter.arm(0, () -> jobs.get().cancel());             // at the tenth column update
        jobs.get().submit(qr);
        watch.ended.get(10, TimeUnit.MINUTES);
        assertEquals(List.of("cancelled 2048"), watch.ends);
        assertTrue(counter.cancelSent(), "the cancel was sent inside the QR decomposition");
        assertEquals(10, counter.checkpoints.get(), "column updates begun, up to the one in flight");
        assertEquals(0, counter.checkpointsAfterCancel.get(), "column updates begun after the cancel");
        assertEquals(0, counter.callsStartedAfterCancel.get(), "steps started after the cancel");
    }
}
