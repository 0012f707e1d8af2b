package app.initscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job runner on its own, with toy jobs: supersede, coalesce, cancel, stream, fail. No toolkit. */
class JobRunnerTest {

    private final Engine engine = new Engine(1);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        engine.close();
    }

    /** Records every event as "kind request[ detail]". */
    private final JobListener<String, String> recorder = new JobListener<>() {
        @Override
        public void started(String request) {
            events.add("started " + request);
        }

        @Override
        public void snapshot(String request, String snapshot) {
            events.add("snapshot " + request + " " + snapshot);
        }

        @Override
        public void finished(String request, String result) {
            events.add("finished " + request + " " + result);
        }

        @Override
        public void cancelled(String request, boolean superseded) {
            events.add("cancelled " + request + (superseded ? " superseded" : ""));
        }

        @Override
        public void failed(String request, Throwable error) {
            events.add("failed " + request + " " + error.getMessage());
        }
    };

    /** A job that runs until cancelled when its request starts with "slow", and returns at once otherwise. */
    private static String toy(String request, Emitter<String> out, CancelToken cancel) throws Exception {
        out.emit("first");
        if (request.startsWith("slow")) {
            while (true) {
                cancel.throwIfCancelled();
                Thread.sleep(1);
            }
        }
        if (request.startsWith("bad")) {
            throw new IllegalStateException("broken");
        }
        return "done";
    }

    private void awaitEvent(String event) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!events.contains(event)) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + event + "; got " + events);
            Thread.sleep(1);
        }
    }

    @Test
    void aNewerRequestCancelsTheRunningOneAndRunsAtOnce() throws Exception {
        JobRunner<String, String> jobs = engine.jobs(JobRunnerTest::toy, Runnable::run, recorder);
        jobs.submit("slow");
        awaitEvent("snapshot slow first");
        jobs.submit("quick");
        awaitEvent("finished quick done");
        // the slow job would never end by itself: the quick one can only have run because it was cancelled
        assertEquals(List.of("started slow", "snapshot slow first", "cancelled slow superseded", "started quick",
                "snapshot quick first", "finished quick done"), events);
        assertFalse(jobs.isBusy());
    }

    @Test
    void aBurstOfRequestsRunsOnlyTheNewest() throws Exception {
        JobRunner<String, String> jobs = engine.jobs(JobRunnerTest::toy, Runnable::run, recorder);
        jobs.submit("slow 1");
        awaitEvent("snapshot slow 1 first");
        for (int i = 2; i <= 50; i++) {
            jobs.submit("slow " + i);
        }
        jobs.submit("last");
        awaitEvent("finished last done");
        // on a loaded machine the burst may take longer than a cancel, so a request from the middle of it can
        // start; it never finishes: each one that started was superseded, and the newest ran to the end
        assertEquals(List.of("started slow 1", "snapshot slow 1 first", "cancelled slow 1 superseded"),
                events.subList(0, 3));
        assertEquals(List.of("started last", "snapshot last first", "finished last done"),
                events.subList(events.size() - 3, events.size()));
        for (String e : events) {
            if (e.startsWith("started slow ")) {
                assertTrue(events.contains("cancelled " + e.substring("started ".length()) + " superseded"), e);
            }
            assertFalse(e.startsWith("finished slow"), () -> "an older request finished: " + events);
        }
        assertTrue(events.stream().filter(e -> e.startsWith("started")).count() < 20,
                () -> "the burst coalesced: " + events);
    }

    @Test
    void cancelStopsTheRunningJobAndDropsTheWaitingOne() throws Exception {
        JobRunner<String, String> jobs = engine.jobs(JobRunnerTest::toy, Runnable::run, recorder);
        jobs.submit("slow a");
        awaitEvent("started slow a");
        jobs.submit("slow b");
        jobs.cancel();
        awaitEvent("cancelled slow a");
        assertEquals("cancelled slow a", events.getLast(), "not superseded: nothing runs next");
        Thread.sleep(50);
        assertFalse(events.contains("started slow b"));
        assertFalse(jobs.isBusy());
    }

    @Test
    void aRequestEqualToTheRunningOneAddsNothing() throws Exception {
        JobRunner<String, String> jobs = engine.jobs(JobRunnerTest::toy, Runnable::run, recorder);
        jobs.submit("slow");
        awaitEvent("started slow");
        jobs.submit("slow");
        assertFalse(jobs.hasWaiting());
        jobs.cancel();
        awaitEvent("cancelled slow");
        assertEquals(1, events.stream().filter(e -> e.startsWith("started")).count());
    }

    @Test
    void aFailureIsReportedAndTheNextRequestStillRuns() throws Exception {
        JobRunner<String, String> jobs = engine.jobs(JobRunnerTest::toy, Runnable::run, recorder);
        jobs.submit("bad");
        awaitEvent("failed bad broken");
        jobs.submit("good");
        awaitEvent("finished good done");
    }

    @Test
    void snapshotsOfACancelledJobStillQueuedAreNotDelivered() throws Exception {
        // a queue executor, drained by the test as a UI thread would be: the slow job's snapshot waits in it
        LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        Executor later = queue::add;
        CountDownLatch emitted = new CountDownLatch(1);
        Job<String, String> job = (request, out, cancel) -> {
            out.emit(request + " partial");
            emitted.countDown();
            while (request.startsWith("slow")) {
                cancel.throwIfCancelled();
                Thread.sleep(1);
            }
            return request + " full";
        };
        JobRunner<String, String> jobs = engine.jobs(job, later, recorder);
        jobs.submit("slow");
        assertTrue(emitted.await(10, TimeUnit.SECONDS));
        jobs.submit("quick");                     // before the UI thread ran anything of the slow job
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!events.contains("finished quick quick full") && System.nanoTime() < end) {
            Runnable r = queue.poll(10, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertEquals(List.of("started slow", "cancelled slow superseded", "started quick",
                "snapshot quick quick partial", "finished quick quick full"), events);
    }

    @Test
    void emitThrowsOnceCancelledSoTheJobStops() {
        CancelToken token = new CancelToken();
        token.cancel();
        assertTrue(token.getAsBoolean());
        org.junit.jupiter.api.Assertions.assertThrows(CancellationException.class, token::throwIfCancelled);
    }
}
