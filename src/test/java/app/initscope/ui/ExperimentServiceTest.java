package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import app.initscope.engine.Engine;
import app.initscope.engine.ExperimentJob;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExperimentServiceTest {

    private Engine engine;
    private ExperimentService service;

    @BeforeEach
    void createService() throws Exception {
        engine = new Engine(2);
        service = WaitForAsyncUtils.asyncFx(() -> new ExperimentService(engine)).get();
    }

    @AfterEach
    void close() {
        Platform.runLater(service::cancelAll);
        engine.close();
    }

    private static ExperimentConfig withFanIn(int fanIn) {
        return ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER)).fanIn(fanIn).samples(40).width(30)
                .build();
    }

    @Test
    void aHundredRapidRequestsEndWithTheLastAndNeverShowAStaleResult() throws Exception {
        List<Integer> shown = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> {
            service.latestProperty().addListener((obs, old, now) -> shown.add(now.config().fanIn()));
            for (int i = 0; i < 100; i++) {
                service.submit(withFanIn(10 + i));
            }
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown.contains(109));
        WaitForAsyncUtils.waitForFxEvents();
        // the first request starts at once and the second cancels it; the other 98 coalesce into one waiting
        // request, the newest, which supersedes the rest: only its result is ever shown
        assertEquals(List.of(109), shown);
        assertFalse(WaitForAsyncUtils.asyncFx(service::isRunning).get());
        assertFalse(WaitForAsyncUtils.asyncFx(service::hasWaiting).get());
    }

    @Test
    void aRequestEqualToTheRunningOneIsNotComputedTwice() throws Exception {
        List<Integer> shown = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> {
            service.latestProperty().addListener((obs, old, now) -> shown.add(now.config().fanIn()));
            service.submit(withFanIn(20));
            service.submit(withFanIn(21));
            service.submit(withFanIn(20));         // back to what runs: the waiting 21 is dropped too
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown.size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(WaitForAsyncUtils.asyncFx(service::isRunning).get());
        assertEquals(List.of(20), shown);
    }

    @Test
    void requestsAfterAResultStartAtOnce() throws TimeoutException {
        List<Integer> shown = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> {
            service.latestProperty().addListener((obs, old, now) -> shown.add(now.config().fanIn()));
            service.submit(withFanIn(12));
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown.size() == 1);
        Platform.runLater(() -> service.submit(withFanIn(13)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown.size() == 2);
        assertEquals(List.of(12, 13), shown);
    }

    @Test
    void aLargeConfigShowsAPreviewFromTheFirstRowsThenTheFullResult() throws TimeoutException {
        // 4000 × 2048 × 1024 × 2 ≈ 1.7·10¹⁰ multiply-adds: over the preview threshold
        ExperimentConfig big = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER)).fanIn(2048)
                .samples(4000).width(1024).build();
        assertTrue(big.multiplyAdds() > ExperimentJob.PREVIEW_THRESHOLD);
        List<ExperimentResult> shown = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> {
            service.latestProperty().addListener((obs, old, now) -> shown.add(now));
            service.submit(big);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !shown.isEmpty() && !shown.getLast().preview());
        ExperimentResult preview = shown.getFirst();
        ExperimentResult full = shown.getLast();
        assertTrue(preview.preview(), "the preview comes first");
        assertEquals(2, shown.size());
        var p = preview.results().getFirst().layer(1);
        var f = full.results().getFirst().layer(1);
        assertTrue(p.z().count() < f.z().count(), "the preview holds fewer rows");
        // z, a and δ are row-wise, so a subsample estimates them well
        assertEquals(f.z().std(), p.z().std(), 0.03 * f.z().std());
        assertEquals(f.activation().std(), p.activation().std(), 0.03 * f.activation().std());
        assertEquals(f.delta().std(), p.delta().std(), 0.05 * f.delta().std());
    }
}
