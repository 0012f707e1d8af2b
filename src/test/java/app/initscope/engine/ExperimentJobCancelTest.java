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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A heavy experiment stops soon after a cancel or a newer request, because the cancel check reaches inside the
 * big matrix products. The config is the largest of the window's range that this JVM's heap takes: fan_in and
 * width 4096, 20000 samples, and as many layers as fit (one, with the tests' 4 GB heap); a single forward
 * product of it is 20000×4096×4096, some seconds of work.
 */
class ExperimentJobCancelTest {

    /** Generous for a shared 2-core machine; the measured latencies are some tens of milliseconds. */
    private static final double BOUND_MILLIS = 1000;

    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = new Engine(2);
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

    /** Events of one request, with the time of its end. */
    private static final class Watch implements JobListener<ExperimentConfig, ExperimentResult> {
        final List<String> stages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Long> endedNanos = new CompletableFuture<>();
        final List<String> ends = new CopyOnWriteArrayList<>();

        @Override
        public void progress(ExperimentConfig request, double fraction, String stage) {
            stages.add(stage);
        }

        @Override
        public void finished(ExperimentConfig request, ExperimentResult result) {
            ends.add("finished " + request.fanIn());
            endedNanos.complete(System.nanoTime());
        }

        @Override
        public void cancelled(ExperimentConfig request, boolean superseded) {
            ends.add("cancelled " + request.fanIn() + (superseded ? " superseded" : ""));
            if (!superseded) {
                endedNanos.complete(System.nanoTime());
            }
        }

        @Override
        public void failed(ExperimentConfig request, Throwable error) {
            endedNanos.completeExceptionally(error);
        }

        /** Waits until the job works in the forward pass, inside its products. */
        void awaitForward() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stages.stream().noneMatch(s -> s.contains("forward layer 1"))) {
                assertTrue(System.nanoTime() < end, "never reached the forward pass: " + stages);
                Thread.sleep(2);
            }
            Thread.sleep(200);                      // well inside the first 20000×4096×4096 product
        }
    }

    @Test
    void cancelStopsTheBiggestConfigWithinABoundInsideItsProducts() throws Exception {
        ExperimentConfig big = biggestThatFits();
        Watch watch = new Watch();
        JobRunner<ExperimentConfig, ExperimentResult> jobs = engine.jobs(new ExperimentJob(engine), Runnable::run,
                watch);
        jobs.submit(big);
        watch.awaitForward();
        long cancelAt = System.nanoTime();
        jobs.cancel();
        long end = watch.endedNanos.get(30, TimeUnit.SECONDS);
        double millis = (end - cancelAt) / 1e6;
        assertEquals(List.of("cancelled 4096"), watch.ends);
        assertTrue(millis < BOUND_MILLIS, "cancel took " + millis + " ms");
    }

    @Test
    void aNewerRequestDoesNotWaitForTheRunningBigOne() throws Exception {
        ExperimentConfig big = biggestThatFits();
        ExperimentConfig small = ExperimentConfig.builder().fanIn(64).width(64).samples(100)
                .strategies(List.of(Strategy.XAVIER)).build();
        Watch watch = new Watch();
        JobRunner<ExperimentConfig, ExperimentResult> jobs = engine.jobs(new ExperimentJob(engine), Runnable::run,
                watch);
        jobs.submit(big);
        watch.awaitForward();
        long submitAt = System.nanoTime();
        jobs.submit(small);
        long end = watch.endedNanos.get(30, TimeUnit.SECONDS);
        double millis = (end - submitAt) / 1e6;
        // the big one alone takes minutes: the small result came first only because the big one was stopped
        assertEquals(List.of("cancelled 4096 superseded", "finished 64"), watch.ends);
        assertTrue(millis < BOUND_MILLIS, "the newer request's result came after " + millis + " ms");
    }

    @Test
    void cancelStopsAnOrthogonalInitializationInsideItsQrDecomposition() throws Exception {
        // the QR of a 2048 × 2048 Gaussian takes seconds; nothing else in this config is slow
        ExperimentConfig qr = ExperimentConfig.builder().fanIn(2048).width(2048).samples(50)
                .strategies(List.of(Strategy.ORTHOGONAL)).build();
        Watch watch = new Watch();
        JobRunner<ExperimentConfig, ExperimentResult> jobs = engine.jobs(new ExperimentJob(engine), Runnable::run,
                watch);
        jobs.submit(qr);
        Thread.sleep(700);
        long cancelAt = System.nanoTime();
        jobs.cancel();
        long end = watch.endedNanos.get(60, TimeUnit.SECONDS);
        double millis = (end - cancelAt) / 1e6;
        assertEquals(List.of("cancelled 2048"), watch.ends);
        assertTrue(millis < BOUND_MILLIS, "cancel took " + millis + " ms");
    }
}
