package app.initscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In a cold JVM the window's first picture does not wait for the Vector API kernel: the first request previews a
 * few rows on the plain kernel before the warm-up (the job used to warm up first, then compute interpreted).
 */
class ColdPreviewTest {

    private static final ExperimentConfig ONE = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER))
            .fanIn(400).samples(400).width(400).build();

    @Test
    void aColdEnginePreviewsOnThePlainKernelFirstAndAWarmOneDoesNot() {
        try (Engine engine = new Engine(2)) {
            assertFalse(engine.isWarm());
            List<ExperimentResult> cold = run(engine);
            assertTrue(engine.isWarm(), "the job warmed the engine up after its preview");
            assertEquals(2, cold.size(), "a preview, then the result");
            assertTrue(cold.get(0).kernel().startsWith("ejml"), cold.get(0).kernel());
            assertTrue(cold.get(0).results().get(0).layers().get(0).z().count() < ONE.samples() * ONE.width(),
                    "the preview has a few rows");
            assertEquals(engine.runner().kernelName(), cold.get(1).kernel());

            List<ExperimentResult> warm = run(engine);
            assertEquals(1, warm.size(), "a warm engine computes this size at once, without a preview");
            // the plain kernel's preview shows the same network: its std z agrees with the full result's
            assertEquals(cold.get(1).results().get(0).layers().get(0).z().std(),
                    cold.get(0).results().get(0).layers().get(0).z().std(), 0.05);
        }
    }

    @Test
    void aDeferredWarmUpWaitsForTheFirstPictureAndNoLonger() throws Exception {
        try (Engine engine = new Engine(2)) {
            engine.deferWarmUpUntilFirstPicture();
            java.util.concurrent.CountDownLatch previewed = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicLong previewAt = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.CompletableFuture<ExperimentResult> done = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> new ExperimentJob(engine).run(ONE, new Emitter<>() {
                        @Override
                        public void emit(ExperimentResult snapshot) {
                            previewAt.set(System.nanoTime());
                            previewed.countDown();
                        }

                        @Override
                        public void progress(double fraction, String stage) {
                        }
                    }, new CancelToken()));
            assertTrue(previewed.await(30, java.util.concurrent.TimeUnit.SECONDS), "the preview came");
            Thread.sleep(300);
            assertFalse(engine.isWarm(), "no warm-up before the first picture is shown");
            assertFalse(done.isDone());
            long shownAt = System.nanoTime();
            engine.firstPictureShown();
            assertEquals(ONE, done.get(60, java.util.concurrent.TimeUnit.SECONDS).config());
            assertTrue(engine.isWarm());
            assertTrue(shownAt - previewAt.get() >= 300_000_000L, "it waited");
        }
    }

    @Test
    void aDeferredWarmUpGoesOnByItselfAfterItsLongestWait() {
        try (Engine engine = new Engine(1)) {
            engine.deferWarmUpUntilFirstPicture();
            long start = System.nanoTime();
            engine.awaitFirstPicture(() -> false);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= Engine.FIRST_PICTURE_WAIT_MILLIS - 20 && waited < Engine.FIRST_PICTURE_WAIT_MILLIS
                    + 2000, "waited " + waited + " ms");
            start = System.nanoTime();
            engine.awaitFirstPicture(() -> true);
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "a cancelled job does not wait");
        }
        try (Engine engine = new Engine(1)) {
            long start = System.nanoTime();
            engine.awaitFirstPicture(() -> false);
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "without the window's request nothing waits");
        }
    }

    private static List<ExperimentResult> run(Engine engine) {
        List<ExperimentResult> seen = new ArrayList<>();
        ExperimentResult last = new ExperimentJob(engine).run(ONE, new Emitter<>() {
            @Override
            public void emit(ExperimentResult snapshot) {
                seen.add(snapshot);
            }

            @Override
            public void progress(double fraction, String stage) {
            }
        }, new CancelToken());
        seen.add(last);
        return seen;
    }

    @Test
    void aConfigTooLargeForTheHeapIsRefusedBeforeAnyPreview() {
        ExperimentConfig huge = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER)).fanIn(1000)
                .samples(20000).width(4000).depth(10).build();
        List<ExperimentResult> shown = new java.util.ArrayList<>();
        try (Engine engine = new Engine(2)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    app.initscope.core.experiment.InvalidConfigException.class,
                    () -> new ExperimentJob(engine).run(huge, new Emitter<>() {
                        @Override
                        public void emit(ExperimentResult snapshot) {
                            shown.add(snapshot);
                        }

                        @Override
                        public void progress(double fraction, String stage) {
                        }
                    }, new CancelToken()));
            assertTrue(e.getMessage().contains("needs about"), e.getMessage());
            assertEquals(List.of(), shown, "no preview of a config that cannot be computed");
        }
    }
}
