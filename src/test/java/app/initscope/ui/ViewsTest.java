package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.render.Figure;
import app.initscope.render.HistogramChart;
import app.initscope.render.LayerLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.cli.Cli;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Histogram;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The compare, depth and explain views, the strategy picker, and the shared axes. */
@ExtendWith(ApplicationExtension.class)
class ViewsTest {

    private TestWindow window;
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = TestWindow.openSmall(stage);     // the seed experiment itself is MainViewTest's
        model = window.model();
        view = window.view();
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private void awaitComplete(Predicate<ExperimentResult> which) throws TimeoutException {
        window.awaitComplete(which);
    }

    @Test
    void theCompareTableRowsMatchTheCliForTheSameConfigAndSeed(FxRobot robot) throws Exception {
        robot.interact(() -> model.batch(() -> {
            model.draft().integer(Catalog.DEPTH).set(2);
            model.draft().whole(Catalog.SEED).set(7);
        }));
        awaitComplete(r -> r.config().depth() == 2 && r.config().seed() == 7);
        robot.interact(() -> {
            model.view().layerProperty().set(2);
            view.showView(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<CompareView.Row> rows = view.compare().rows();
        assertEquals(Strategy.values().length, rows.size());

        StringWriter out = new StringWriter();
        int code = Cli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", "--format", "json",
                "--strategies", "all", "--fan-in", "200", "--samples", "300", "--width", "100", "--depth", "2",
                "--seed", "7", "--threads", "1");
        assertEquals(0, code);
        JsonNode results = new ObjectMapper().readTree(out.toString()).get("results");
        for (CompareView.Row row : rows) {
            JsonNode r = null;
            for (JsonNode n : results) {
                if (n.get("strategy").asText().equals(row.strategy().id())) {
                    r = n;
                }
            }
            assertNotNull(r, row.strategy().id());
            JsonNode layer = r.get("layers").get(1);
            String id = row.strategy().id();
            assertEquals(layer.get("z").get("mean").asDouble(), row.meanZ(), id);
            assertEquals(layer.get("z").get("std").asDouble(), row.stdZ(), id);
            assertEquals(layer.get("activation").get("std").asDouble(), row.stdA(), id);
            assertEquals(layer.get("activation").get("saturatedFraction").asDouble(), row.saturated(), id);
            assertEquals(layer.get("activation").get("zeroFraction").asDouble(), row.zeros(), id);
            assertEquals(layer.get("delta").get("std").asDouble(), row.stdGradient(), id);
            assertEquals(layer.get("distinctUnits").asInt(), row.distinctUnits(), id);
            assertEquals(r.get("loss").asDouble(), row.loss(), id);
        }
    }

    @Test
    void clickingACompareTableRowSelectsThatStrategy(FxRobot robot) throws TimeoutException {
        awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> view.showView(1));
        robot.interact(() -> view.compare().tablePane().setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node largeRow = robot.lookup(".table-row-cell").<javafx.scene.control.TableRow<?>>match(
                r -> r.getItem() instanceof CompareView.Line line && line.strategy == Strategy.LARGE).query();
        robot.clickOn(largeRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Strategy.LARGE, model.view().strategyProperty().get());
        HistogramChart.Data large = comparePanel("large", "z");
        HistogramChart.Data xavier = comparePanel("xavier", "z");
        assertEquals(large.histogram().lo(), xavier.histogram().lo(), "the column shares one axis");
        assertEquals(large.histogram().hi(), xavier.histogram().hi());
    }

    /**
     * Defect 8: at 1280×720 the compare grid shows all five rows of the seed without scrolling, because the table
     * folds away (collapsed at first) instead of taking half the height.
     */
    @Test
    void theCompareGridShowsFiveRowsAt720pWithTheTableFoldedAway(FxRobot robot) throws TimeoutException {
        awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> view.showView(1));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.Region grid = robot.lookup("#compare-grid").queryAs(javafx.scene.layout.Region.class);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) grid.getParent().getParent()
                .getParent();
        assertEquals(5, model.view().comparedStrategies().size());
        double needed = grid.minHeight(-1);
        double shown = scroll.getViewportBounds().getHeight();
        assertTrue(shown >= needed, "all five rows fit: " + shown + " px shown, " + needed + " px needed");
        assertTrue(shown >= 0.6 * view.getHeight(), "the grid has the height: " + shown + " of " + view.getHeight());
    }

    /** Switching the compare view's axis mode redraws the grid: Xavier beside Large gets many more bars. */
    @Test
    void switchingTheCompareAxisModeChangesWhatIsDrawn(FxRobot robot) throws TimeoutException {
        awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> view.showView(1));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage before = snapshotGrid(robot);
        int linearBars = bars(comparePanel("xavier", "z").histogram());
        javafx.scene.control.ChoiceBox<?> axes = robot.lookup("#compare-axes")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        robot.clickOn(axes);
        robot.clickOn("shared symlog x-axis");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(app.initscope.render.AxisMode.SYMLOG, view.compare().axisModeProperty().get());
        HistogramChart.Data xavier = comparePanel("xavier", "z");
        assertTrue(xavier.scale().symlog(), "the grid is drawn on a symlog axis");
        int symlogBars = bars(xavier.histogram());
        assertTrue(symlogBars > 2 * linearBars, "Xavier's bars: " + linearBars + " linear, " + symlogBars
                + " symlog");
        javafx.scene.image.WritableImage after = snapshotGrid(robot);
        assertFalse(samePixels(before, after), "the canvas shows another picture");
        // the export of the view follows the mode and says so in its header
        String svg = app.initscope.export.FigureExport.svg(exportedCompare(robot));
        assertTrue(svg.contains("shared symlog x-axis"), "the exported header names the mode");
    }

    private app.initscope.render.Figure exportedCompare(FxRobot robot) {
        java.util.concurrent.atomic.AtomicReference<app.initscope.render.Figure> f =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> f.set(view.exporter().view("compare", false)));
        return f.get();
    }

    private javafx.scene.image.WritableImage snapshotGrid(FxRobot robot) {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> image.set(view.compare().grid().snapshot(null, null)));
        return image.get();
    }

    private static boolean samePixels(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int bars(Histogram h) {
        int n = 0;
        for (int i = 0; i < h.bins(); i++) {
            n += h.count(i) > 0 ? 1 : 0;
        }
        return n;
    }

    /** The data of one cell of the compare grid, as drawn. */
    private HistogramChart.Data comparePanel(String strategy, String tensor) {
        return view.compare().grid().figure().panels().stream()
                .filter(p -> p.strategy().equals(strategy) && p.tensor().equals(tensor)).findFirst().orElseThrow()
                .data();
    }

    @Test
    void depthTenShowsTenLayersInTheDepthView(FxRobot robot) throws TimeoutException {
        robot.interact(() -> model.draft().integer(Catalog.DEPTH).set(10));
        awaitComplete(r -> r.config().depth() == 10);
        robot.interact(() -> view.showView(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, view.depth().layersShown());
        List<Figure.Panel> gradients =
                view.depth().figure().panels(model.view().gradientProperty().get().tensor().id());
        for (int l = 1; l <= 10; l++) {
            int layer = l;
            assertTrue(gradients.stream().anyMatch(p -> p.layer() == layer), "layer " + l);
        }
        // the std(a) chart's lines come first, one per compared strategy
        List<LayerLines.Series> lines = view.depth().figure().lines().subList(0, Strategy.SEED.size());
        assertEquals(Strategy.SEED.size(), lines.size());
        assertEquals(10, lines.getFirst().values().length);
        // the chart plots the measured std of each layer
        var xavier = model.resultProperty().get().find(Strategy.XAVIER).orElseThrow();
        LayerLines.Series line = lines.stream().filter(s -> s.strategy() == Strategy.XAVIER).findFirst()
                .orElseThrow();
        assertEquals(xavier.layer(7).activation().std(), line.values()[6]);
    }

    @Test
    void withAndWithoutDrawsTheCounterpartsDashedOnTheDepthView(FxRobot robot) throws TimeoutException {
        robot.interact(() -> model.batch(() -> {
            model.draft().integer(Catalog.DEPTH).set(5);
            model.draft().choice(Catalog.ACTIVATION).set(app.initscope.core.nn.Activation.RELU);
            model.draft().choice(Catalog.RESIDUAL).set(app.initscope.core.nn.Residual.scaled(1));
            model.view().strategyProperty().set(Strategy.HE);
        }));
        awaitComplete(r -> r.config().depth() == 5 && r.config().residual().on());
        robot.interact(() -> view.showView(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.depth().figure().lines().stream().allMatch(s -> s.variant() == null), "off by default");
        robot.clickOn("#with-and-without-toggle");
        assertTrue(model.view().withAndWithoutProperty().get(), "the click turned it on");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> view.depth().figure().lines()
                .stream().anyMatch(s -> s.variant() != null));
        List<LayerLines.Series> dashed = view.depth().figure().lines().stream().filter(s -> s.variant() != null)
                .toList();
        // std(a) and the gradient's std for each: without skips, and at α = 1/√4, of the shown strategy
        assertEquals(List.of("no skips", "α = 1/√4", "no skips", "α = 1/√4"),
                dashed.stream().map(LayerLines.Series::variant).toList());
        assertTrue(dashed.stream().allMatch(s -> s.strategy() == Strategy.HE && s.values().length == 5));
        var runs = app.initscope.core.experiment.Counterparts.run(app.initscope.TestRunners.runner(2), model.resultProperty().get()
                .config(), Strategy.HE, () -> false);
        assertEquals(runs.get(1).result().layer(5).activation().std(), dashed.get(1).values()[4],
                "the dashed line is the counterpart's run");
        robot.clickOn("#with-and-without-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.depth().figure().lines().stream().allMatch(s -> s.variant() == null), "off again");
    }

    @Test
    void lockedAxesKeepTheZAxisStillAcrossStrategies(FxRobot robot) throws TimeoutException {
        awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> {
            model.view().lockAxesProperty().set(true);
            model.view().strategyProperty().set(Strategy.SMALL);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Histogram small = view.single().zView().getData().histogram();
        robot.interact(() -> model.view().strategyProperty().set(Strategy.LARGE));
        WaitForAsyncUtils.waitForFxEvents();
        Histogram large = view.single().zView().getData().histogram();
        assertEquals(small.lo(), large.lo());
        assertEquals(small.hi(), large.hi());
        // the shared axis is Large's own (the widest), and Small's values all sit in the middle bins
        var own = model.shownProperty().get().layer(1).z().histogram();
        assertEquals(own.lo(), large.lo(), 1e-9 * Math.abs(own.lo()));
        int zeroBin = (int) Math.floor(-small.lo() / ((small.hi() - small.lo()) / small.bins()));
        long nearZero = 0;
        for (int i = Math.max(0, zeroBin - 1); i <= Math.min(small.bins() - 1, zeroBin + 1); i++) {
            nearZero += small.count(i);
        }
        assertEquals(small.total() - small.nonFinite(), nearZero, "a vanished signal is a spike at 0");
        robot.interact(() -> model.view().lockAxesProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(own, view.single().zView().getData().histogram());
    }

    @Test
    void theSegmentedButtonAndTheMoreMenuPickStrategies(FxRobot robot) throws TimeoutException {
        awaitComplete(r -> r.config().fanIn() == 200);
        robot.clickOn("#strategy-he");
        assertEquals(Strategy.HE, model.view().strategyProperty().get());
        robot.clickOn("#strategy-more");
        MenuButton more = robot.lookup("#strategy-more").queryAs(MenuButton.class);
        MenuItem orthogonal = more.getItems().stream().filter(i -> "strategy-orthogonal".equals(i.getId()))
                .findFirst().orElseThrow();
        robot.interact(orthogonal::fire);
        assertEquals(Strategy.ORTHOGONAL, model.view().strategyProperty().get());
        assertTrue(more.getText().startsWith("Orthogonal"), more.getText());
        robot.interact(() -> more.hide());
    }

    @Test
    void theLeakySlopeIsOnlyOfferedForLeakyReluAndReachesTheComputation(FxRobot robot) throws TimeoutException {
        awaitComplete(r -> r.config().fanIn() == 200);
        assertFalse(robot.lookup("#leaky-slope").query().isVisible());
        robot.interact(() -> model.draft().choice(Catalog.ACTIVATION).set(Activation.LEAKY_RELU));
        assertTrue(robot.lookup("#leaky-slope").query().isVisible());
        robot.interact(() -> {
            var field = robot.lookup("#leaky-slope-field").queryAs(javafx.scene.control.TextField.class);
            field.setText("0.2");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        awaitComplete(r -> r.config().leakySlope() == 0.2 && r.config().activation() == Activation.LEAKY_RELU);
        // with slope 0.2 a negative z keeps a fifth of itself: no activation is exactly zero any more
        var he = model.resultProperty().get().find(Strategy.HE).orElseThrow();
        assertEquals(0.0, he.layer(1).activation().zeroFraction(), 1e-3);
        assertTrue(he.layer(1).activation().min() < 0);
    }

    @Test
    void theExplainViewQuotesTheLiveNumbersOfTheChosenStrategy(FxRobot robot) throws TimeoutException {
        awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> {
            model.view().strategyProperty().set(Strategy.ZERO);
            view.showView(3);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String zero = String.join("\n", view.explain().shownText());
        assertTrue(zero.contains("distinct units: 1"), zero);
        robot.interact(() -> model.view().strategyProperty().set(Strategy.LARGE));
        WaitForAsyncUtils.waitForFxEvents();
        String large = String.join("\n", view.explain().shownText());
        double saturated = model.shownProperty().get().layer(1).activation().saturatedFraction();
        assertTrue(large.contains(String.format(java.util.Locale.ROOT, "saturated: %.1f%%", 100 * saturated)), large);
        assertTrue(large.contains(Strategy.LARGE.formula()), large);
    }

    @Test
    void theWindowExportsTheVisibleViewAndEveryStrategyInTheBackground(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> view.showView(1));
        java.util.concurrent.CompletableFuture<java.nio.file.Path> written = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> {
            var figure = view.exporter().view(view.visibleView(), true);
            assertTrue(figure.name().startsWith("compare"), figure.name());
            view.exporter().write(figure, new ExportController.Choice(
                    app.initscope.export.FigureExport.Format.PNG, 2, true), dir.resolve("grid.png"),
                    written::complete, written::completeExceptionally);
        });
        java.nio.file.Path file = written.get(30, TimeUnit.SECONDS);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 2000, "at 2x: " + image.getWidth());

        java.util.concurrent.CompletableFuture<List<java.nio.file.Path>> all = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> view.exporter().exportAll(dir, false, all::complete, all::completeExceptionally));
        List<java.nio.file.Path> files = all.get(60, TimeUnit.SECONDS);
        assertEquals(Strategy.values().length + 1, files.size(), "one per strategy, plus the compare grid");
        for (java.nio.file.Path f : files) {
            assertTrue(java.nio.file.Files.size(f) > 1000, f.toString());
        }
    }

    @Test
    void aFailedExportIsReportedAndTheAppKeepsRunning(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        awaitComplete(r -> r.config().fanIn() == 200);
        java.util.concurrent.CompletableFuture<Throwable> failed = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> view.exporter().write(view.exporter().view("single", true),
                new ExportController.Choice(app.initscope.export.FigureExport.Format.SVG, 1, true),
                dir.resolve("no-such-folder").resolve("x.svg"), p -> failed.complete(null), failed::complete));
        Throwable e = failed.get(30, TimeUnit.SECONDS);
        assertNotNull(e, "the write failed");
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        robot.interact(() -> model.draft().integer(Catalog.FAN_IN).set(201));
        awaitComplete(r -> r.config().fanIn() == 201);
    }

    @Test
    void copyImagePutsTheViewOnTheClipboardAtTwiceItsSize(FxRobot robot) throws Exception {
        awaitComplete(r -> r.config().fanIn() == 200);
        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard().clear());
        app.initscope.render.Figure figure = WaitForAsyncUtils.asyncFx(() -> view.exporter().view("single", true))
                .get();
        robot.interact(() -> view.exporter().copy(figure));
        // painted in the background, then put on the clipboard on the FX thread
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> javafx.scene.input.Clipboard.getSystemClipboard().hasImage()).get());
        double width = WaitForAsyncUtils.asyncFx(
                () -> javafx.scene.input.Clipboard.getSystemClipboard().getImage().getWidth()).get();
        assertEquals(Math.ceil(figure.width() * 2), width);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> model.status().statusProperty().get()).get().contains("copied "));
    }
}
