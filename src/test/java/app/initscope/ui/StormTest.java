package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.export.FigureExport;
import app.initscope.export.Preset;
import app.initscope.render.Figures;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A storm of a user's actions: 200 random setting changes in 10 s, with tab switches, SVG and CSV exports and
 * presets among them. The window must end on the last setting's result, leak no thread, never keep the FX thread busy for more
 * than 50 ms at a stretch, and come back to within 10% of its memory after a full GC.
 */
@ExtendWith(ApplicationExtension.class)
class StormTest {

    private static final int ACTIONS = 200;
    private static final long MAX_BUSY_MILLIS = 50;

    @TempDir
    Path dir;

    private static final String[] ACTION_NAMES = {"fan_in", "samples", "width", "depth", "activation", "strategy",
        "tab", "tab", "export", "preset"};

    private TestWindow window;
    /** The longest time each kind of action took on the FX thread, for the failure message. */
    private final java.util.Map<String, Long> slowest = new java.util.concurrent.ConcurrentHashMap<>();

    @Start
    void start(Stage stage) {
        window = TestWindow.openAsApp(stage, false);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void twoHundredChangesInTenSecondsEndOnTheLastAndLeaveNothingBehind(FxRobot robot) throws Exception {
        MainViewModel model = window.model();
        window.awaitComplete(r -> r.config().equals(model.config()));
        // every view once (a view is made when first shown), then one storm, so that every class is loaded and
        // every view has built its nodes before the baseline
        for (int i = 0; i < ViewRegistry.PAGES.size(); i++) {
            int index = i;
            robot.interact(() -> window.view().showView(index));
        }
        storm(robot, new SplittableRandom(1), 40);
        // the phase page's diagram is a job of its own: computed while an experiment runs, it takes a second job
        // thread of the engine, which then stays (as the first does) rather than leaking
        robot.interact(() -> {
            var now = model.draft().get(app.initscope.core.experiment.Catalog.ACTIVATION);
            model.draft().choice(app.initscope.core.experiment.Catalog.ACTIVATION).set(java.util.Arrays.stream(
                    app.initscope.core.nn.Activation.values()).filter(a -> a != now).findFirst().orElseThrow());
            var tabs = (javafx.scene.control.TabPane) window.view().lookup("#views");
            tabs.getTabs().stream().filter(t -> "tab-phase".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> ((PhaseView) window.view().page("phase")).diagram() != null);
        ExperimentResult warm = awaitLast(model);
        // the first export starts the one background writer and Java2D's disposer, which then stay for good
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> window.view().exporter().write(Figures.single(warm, warm.results().get(0).strategy(),
                Figures.Options.DEFAULT), new ExportController.Choice(FigureExport.Format.SVG, 1, true),
                dir.resolve("warm.svg"), p -> written.countDown(), ex -> written.countDown()));
        assertTrue(written.await(30, TimeUnit.SECONDS), "the warm-up export finished");
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        java.util.Set<String> namesBefore = threadNames();
        ExperimentConfig baseline = model.config();
        long memoryBefore = usedAfterGc();

        slowest.clear();
        AtomicInteger done = new AtomicInteger();
        Timeline storm = storm(robot, new SplittableRandom(42), ACTIONS, done);
        long busy = FxBusyProbe.longestBusyWhile(() -> done.get() < ACTIONS);
        robot.interact(storm::stop);
        assertEquals(ACTIONS, done.get(), "every action ran");
        assertTrue(busy <= MAX_BUSY_MILLIS, "the FX thread was busy for " + busy + " ms at a stretch; the slowest "
                + "action of each kind, in ms: " + slowest);

        ExperimentResult last = awaitLast(model);
        assertEquals(model.config(), last.config(), "the window ends on the last setting's result");

        // a job cancelled under load may still be unwinding when its successor starts, and the pool then holds a
        // thread more for a while; a leaked thread never ends, so wait for the pool's idle lifetime and a margin
        long deadline = System.nanoTime()
                + TimeUnit.SECONDS.toNanos(app.initscope.engine.Engine.IDLE_JOB_THREAD_SECONDS + 30);
        int threadsAfter;
        do {
            Thread.sleep(100);
            threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        } while (threadsAfter > threadsBefore && System.nanoTime() < deadline);
        java.util.Set<String> added = threadNames();
        added.removeAll(namesBefore);
        assertTrue(threadsAfter <= threadsBefore, "threads before " + threadsBefore + ", after " + threadsAfter
                + "; new: " + added);
        // compare like with like: back to the baseline's settings and view (its result and phase diagram hold
        // megabytes that depend on the settings), so that what is left over is what the storm leaked
        robot.interact(() -> {
            model.draft().apply(baseline);
            window.view().showView(indexOf("phase"));
        });
        awaitLast(model);
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            var d = ((PhaseView) window.view().page("phase")).diagram();
            return d != null && d.activation() == baseline.activation();
        });
        long memoryAfter = usedAfterGc();
        assertTrue(memoryAfter <= memoryBefore * 1.10, "memory after a full GC: " + (memoryBefore >> 20) + " MiB "
                + "before, " + (memoryAfter >> 20) + " MiB after");
    }

    private Timeline storm(FxRobot robot, SplittableRandom random, int count) throws Exception {
        AtomicInteger done = new AtomicInteger();
        Timeline t = storm(robot, random, count, done);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done.get() >= count);
        robot.interact(t::stop);
        return t;
    }

    /** Plays {@code count} random actions, one every 50 ms, on the FX thread, as a user's clicks would come. */
    private Timeline storm(FxRobot robot, SplittableRandom random, int count, AtomicInteger done) {
        MainViewModel model = window.model();
        MainView view = window.view();
        List<String> presets = Preset.bundledNames();
        Timeline t = new Timeline(new KeyFrame(Duration.millis(10_000.0 / ACTIONS), e -> {
            if (done.get() >= count) {
                return;
            }
            int action = done.get() == count - 1 ? 0 : random.nextInt(10);
            long started = System.nanoTime();
            switch (action) {
                case 0 -> model.draft().integer(Catalog.FAN_IN).set(random.nextInt(20, 300));
                case 1 -> model.draft().integer(Catalog.SAMPLES).set(random.nextInt(20, 300));
                case 2 -> model.draft().integer(Catalog.WIDTH).set(random.nextInt(10, 150));
                case 3 -> model.draft().integer(Catalog.DEPTH).set(random.nextInt(1, 8));
                case 4 -> model.draft().choice(Catalog.ACTIVATION).set(
                        Activation.values()[random.nextInt(Activation.values().length)]);
                case 5 -> model.view().strategyProperty().set(
                        Strategy.values()[random.nextInt(Strategy.values().length)]);
                case 6, 7 -> view.showView(random.nextInt(ViewRegistry.PAGES.size()));
                case 8 -> {
                    ExperimentResult r = model.resultProperty().get();
                    if (r != null && !r.results().isEmpty()) {
                        // every format: PNG too, now that it is painted off the FX thread
                        FigureExport.Format format = FigureExport.Format.values()[random.nextInt(
                                FigureExport.Format.values().length)];
                        view.exporter().write(Figures.single(r, r.results().get(0).strategy(),
                                        Figures.Options.DEFAULT), new ExportController.Choice(format, 1, true),
                                dir.resolve("storm-" + done.get() + "." + format.extension()), p -> { },
                                ex -> { });
                    }
                }
                default -> model.batch(() -> {
                    model.apply(Preset.bundled(presets.get(random.nextInt(presets.size()))));
                    model.draft().integer(Catalog.FAN_IN).set(random.nextInt(20, 300));
                    model.draft().integer(Catalog.SAMPLES).set(random.nextInt(20, 300));
                    model.draft().integer(Catalog.WIDTH).set(random.nextInt(10, 150));
                });
            }
            slowest.merge(ACTION_NAMES[action], (System.nanoTime() - started) / 1_000_000, Math::max);
            done.incrementAndGet();
        }));
        t.setCycleCount(Timeline.INDEFINITE);
        robot.interact(t::play);
        return t;
    }

    /** Waits for the result of the draft as it stands, every strategy of it computed. */
    private ExperimentResult awaitLast(MainViewModel model) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ExperimentResult r = model.resultProperty().get();
            return r != null && r.config().equals(model.config()) && !model.isComputing();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return model.resultProperty().get();
    }

    private static int indexOf(String id) {
        for (int i = 0; i < ViewRegistry.PAGES.size(); i++) {
            if (ViewRegistry.PAGES.get(i).info().id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static java.util.Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * The bytes of every object still reachable, counted after a full GC: the JVM's class histogram's total (the
     * histogram itself runs the full GC). The heap's "used" figure after a GC was 4 MiB higher and moved from run to
     * run, because G1 counts whole regions for large arrays and whatever the FX thread allocated since the GC.
     */
    private static long usedAfterGc() throws Exception {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$")
                .matcher(String.valueOf(text));
        if (!total.find()) {
            throw new IllegalStateException("no total in the class histogram: " + text);
        }
        return Long.parseLong(total.group(1));
    }
}
