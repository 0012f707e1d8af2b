package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * {@code initscope export}. JavaFX runs already (TestFX), as it would not in a shell: the command then uses it and
 * leaves it running; on its own it starts the headless platform, which .ci/run checks with DISPLAY unset.
 */
@ExtendWith(ApplicationExtension.class)
class ExportCommandTest {

    private static final String SMALL = "--fan-in=64 --samples=60 --width=32";

    @Test
    void exportsTheCompareGridAsAPngAtTwiceTheScaleAndPrintsThePath(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args(
                "export --view compare --scale 2 --out " + dir + " " + SMALL));
        assertEquals(0, o.code(), o.err());
        Path file = Path.of(o.out().trim());
        assertEquals(dir.resolve("compare-layer1@2x.png"), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 2000, "rendered at 2x: " + image.getWidth());
    }

    @Test
    void exportsTheDepthViewAsSvgAndAHistogramAsCsv(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome svg = RunCommandTest.run(RunCommandTest.args(
                "export --view depth --depth 4 --strategy small --format svg --out " + dir + " " + SMALL));
        assertEquals(0, svg.code(), svg.err());
        assertTrue(Files.readString(Path.of(svg.out().trim())).contains("<svg"));
        RunCommandTest.Outcome csv = RunCommandTest.run(RunCommandTest.args(
                "export --view histogram --strategy large --tensor activation --format csv --out " + dir + " "
                        + SMALL));
        assertEquals(0, csv.code(), csv.err());
        assertTrue(Files.readString(Path.of(csv.out().trim())).contains("large,1,activation,bin,"));
    }

    @Test
    void aPresetGivesTheConfigAndTheViewAndOptionsOverrideThem(@TempDir Path dir) throws Exception {
        Path preset = Path.of("assets/presets/deep-relu-xavier-he.json");
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args(
                "export --preset " + preset + " --samples 60 --format csv --out " + dir));
        assertEquals(0, o.code(), o.err());
        var p = app.initscope.export.Preset.read(preset);
        String expectedView = p.view().tab().equals("depth") ? p.view().strategy() + "-depth" : p.view().tab();
        assertTrue(o.out().trim().endsWith(expectedView + ".csv"), o.out() + " for view " + p.view());
        RunCommandTest.Outcome single = RunCommandTest.run(RunCommandTest.args(
                "export --preset " + preset + " --samples 60 --view single --strategy xavier --format csv --out "
                        + dir));
        assertEquals(0, single.code(), single.err());
        assertTrue(single.out().trim().endsWith("xavier-single-layer" + Math.min(p.view().layer(),
                p.config().depth()) + ".csv"), single.out());
    }

    /**
     * No export needs a toolkit: run in a JVM of their own (this one runs JavaFX for TestFX), SVG, CSV and PNG load
     * no class of JavaFX (javafx.*, nor its internals com.sun.javafx, com.sun.glass, com.sun.prism, nor this
     * project's adapter app.initscope.fx). The PNG used to start JavaFX's headless platform to rasterize on its
     * Canvas; it is painted with Java2D now. The class that does each format's work is in the log, which shows that
     * the log would catch a JavaFX class.
     */
    @ParameterizedTest
    @CsvSource({"svg,compare,app.initscope.render.SvgPen", "csv,single,app.initscope.export.FigureExport",
            "png,single,app.initscope.render.AwtPen"})
    void noExportLoadsAJavaFxClass(String format, String view, String worker, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> command = launcher("-Xlog:class+load=info:file=" + log, "-Xshare:off");
        command.addAll(List.of("export", "--view", view, "--format", format, "--out", dir.toString(),
                "--fan-in=64", "--samples=60", "--width=32", "--threads=1"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertTrue(output.contains("." + format), output);
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.stream().anyMatch(l -> l.contains("] " + worker + " ")), worker + " is in the log");
        List<String> fx = lines.stream()
                .filter(l -> l.matches(".*\\] (javafx\\.|com\\.sun\\.javafx\\.|com\\.sun\\.glass\\.|com\\.sun\\.prism\\."
                        + "|app\\.initscope\\.fx\\.).*")).toList();
        assertEquals(List.of(), fx.stream().limit(5).toList(), format + " loads no JavaFX class");
    }

    /** A depth-100 picture at 4× used to fail inside JavaFX ("this.image is null") with a 1 GiB heap. */
    @Test
    void aPictureTooLargeToRenderIsRefusedUpFront(@TempDir Path dir) throws Exception {
        List<String> command = launcher("-Xmx1g");
        command.addAll(List.of("export", "--view", "depth", "--depth", "100", "--scale", "4", "--out",
                dir.toString(), "--fan-in=16", "--samples=16", "--width=16", "--threads=1"));
        Process p = new ProcessBuilder(command).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().filter(l -> !l.startsWith("WARNING: Using incubator")).collect(
                        java.util.stream.Collectors.joining("\n"));
        assertEquals(2, p.waitFor(), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("--scale") && err.contains("6560×12600 px"), err);
        assertEquals(0, dir.toFile().list().length, "nothing written");

        app.initscope.core.experiment.ExperimentConfig c = app.initscope.core.experiment.ExperimentConfig.builder()
                .fanIn(16).samples(16).width(16).depth(100).build();
        app.initscope.core.experiment.ExperimentResult r;
        try (app.initscope.engine.Engine e = new app.initscope.engine.Engine(1)) {
            r = e.runner().run(c, app.initscope.core.experiment.RunListener.NONE, () -> false);
        }
        app.initscope.render.Figure depth = app.initscope.render.Figures.depth(r, c.strategies().get(0),
                c.strategies(), app.initscope.render.Figures.Options.DEFAULT);
        String problem = app.initscope.export.FigureExport.pngProblem(depth, 4, 1L << 30);
        assertTrue(problem != null && problem.contains("MiB"), "1 GiB cannot hold it: " + problem);
        assertEquals(null, app.initscope.export.FigureExport.pngProblem(depth, 1, 1L << 30), "1× fits");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "export --scale 3|--scale",
        "export --view nope|--view",
        "export --format gif|--format",
        "export --layer 2|--layer",
        "export --strategy nope|--strategy",
        "export --out /no/such/folder|--out"})
    void badInputExitsTwoWithOneLineNamingTheOption(String line, String option) {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args(line + " " + SMALL));
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(option), o.err());
    }

    /** The command that starts the CLI in a JVM of its own, as this test JVM was started, with extra options. */
    static List<String> launcher(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("--enable-native-access=javafx.graphics", "-Dglass.platform=Headless",
                "-Dprism.order=sw"));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            command.addAll(List.of("--module-path", modulePath, "--add-modules", "jdk.incubator.vector",
                    "-m", "initscope/app.initscope.Launcher"));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "app.initscope.Launcher"));
        }
        return command;
    }
}
