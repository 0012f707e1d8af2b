package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A course's figures in one call of {@code initscope export}: several presets, a figure per strategy and several
 * views, a line per file as it is written, and the combinations that would write two figures to one file refused.
 */
class ExportFiguresTest {

    private static final String SMALL = "--fan-in=64 --samples=60 --width=32";
    private static final Path SEED = Path.of("assets/presets/seed-experiment.json");
    private static final Path DEEP = Path.of("assets/presets/deep-relu-xavier-he.json");

    @Test
    void everyStrategyOfAPresetGivesAFigureNamedAfterThePresetWithALineEach(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args("export --preset " + SEED
                + " --strategies all --view single --out " + dir + " " + SMALL));
        assertEquals(0, o.code(), o.err());
        List<Path> expected = Arrays.stream(Strategy.values())
                .map(s -> dir.resolve("seed-experiment-" + s.id() + "-single-layer1@2x.png")).toList();
        assertEquals(13, expected.size());
        assertEquals(expected.stream().map(p -> p.toAbsolutePath().toString()).toList(), o.out().lines().toList(),
                "one line per figure, in the order of the strategies");
        assertEquals(expected.stream().sorted().toList(), files(dir), "the files, and no other");
        for (Path p : expected) {
            BufferedImage image = ImageIO.read(p.toFile());
            assertTrue(image != null && image.getWidth() > 1000 && image.getHeight() > 500, p + ": " + image);
        }
    }

    @Test
    void theResidualPresetsDepthFigureDrawsItsCounterpartsUnlessTurnedOff(@TempDir Path dir) throws Exception {
        Path preset = Path.of("assets/presets/residual-scaling.json");
        String small = " --fan-in=64 --samples=64 --width=64 --format svg --out " + dir;
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args("export --preset " + preset + small));
        assertEquals(0, o.code(), o.err());
        String svg = Files.readString(Path.of(o.out().strip()));
        assertTrue(svg.contains("He · no skips") && svg.contains("He · α = 1/√19"), "the preset's view "
                + "turns 'with and without' on, and its legend names both dashed lines");
        o = RunCommandTest.run(RunCommandTest.args("export --preset " + preset + " --no-with-and-without" + small));
        assertEquals(0, o.code(), o.err());
        svg = Files.readString(Path.of(o.out().strip()));
        assertTrue(!svg.contains("no skips"), "--no-with-and-without leaves them out");
    }

    @Test
    void severalPresetsAndViewsRunEachPresetOnceAndWriteEveryFigure(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args("export --preset " + SEED + " --preset "
                + DEEP + " --views single,compare,depth --format svg --out " + dir + " " + SMALL));
        assertEquals(0, o.code(), o.err());
        // the presets' own views: the seed shows xavier; the deep preset shows its view's strategy
        String deepShown = app.initscope.export.Preset.read(DEEP).view().strategy();
        List<String> names = List.of("seed-experiment-xavier-single-layer1.svg", "seed-experiment-compare-layer1.svg",
                "seed-experiment-xavier-depth.svg",
                "deep-relu-xavier-he-" + deepShown + "-single-layer"
                        + app.initscope.export.Preset.read(DEEP).view().layer() + ".svg",
                "deep-relu-xavier-he-compare-layer" + app.initscope.export.Preset.read(DEEP).view().layer() + ".svg",
                "deep-relu-xavier-he-" + deepShown + "-depth.svg");
        assertEquals(names.stream().map(n -> dir.resolve(n).toAbsolutePath().toString()).toList(),
                o.out().lines().toList());
        assertEquals(names.stream().map(dir::resolve).sorted().toList(), files(dir));
        var parser = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        for (String n : names) {
            assertEquals("svg", parser.parse(dir.resolve(n).toFile()).getDocumentElement().getNodeName(), n);
        }
    }

    @Test
    void viewsAllGivesEveryViewOfEachStrategyListedAndOneCompareGrid(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args("export --strategies zero,he --views all "
                + "--format csv --out " + dir + " " + SMALL));
        assertEquals(0, o.code(), o.err());
        List<String> names = List.of("zero-single-layer1.csv", "he-single-layer1.csv", "compare-layer1.csv",
                "zero-depth.csv", "he-depth.csv", "zero-z-layer1.csv", "he-z-layer1.csv");
        assertEquals(names.stream().map(n -> dir.resolve(n).toAbsolutePath().toString()).toList(),
                o.out().lines().toList());
        for (String n : names) {
            assertTrue(Files.size(dir.resolve(n)) > 0, n);
        }
    }

    /** A named --strategy keeps the one-figure behaviour: --strategies is then only what the run computes. */
    @Test
    void aNamedStrategyGivesOneFigureWhateverTheStrategiesRun(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args("export --strategies zero,he --strategy "
                + "small --format csv --out " + dir + " " + SMALL));
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of(dir.resolve("small-single-layer1.csv").toAbsolutePath().toString()),
                o.out().lines().toList());
    }

    @Test
    void aHandoutPerPreset(@TempDir Path dir) throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.run(RunCommandTest.args("export --format html --preset " + SEED
                + " --preset " + DEEP + " --out " + dir + " " + SMALL));
        assertEquals(0, o.code(), o.err());
        assertEquals(2, o.out().lines().count(), o.out());
        assertEquals(2, files(dir).size());
        for (String line : o.out().lines().toList()) {
            assertTrue(Files.readString(Path.of(line)).contains("<html"), line);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "export --view single --views depth|--view=VIEW, --views=LIST are mutually exclusive",
        "export --views single,depth,single|--views: lists single twice",
        "export --views single,pie|--views: unknown view 'pie'",
        "export --format html --views all|--views: the html page holds every view",
        "export --preset assets/presets/seed-experiment.json --preset assets/presets/seed-experiment.json"
                + "|--preset: assets/presets/seed-experiment.json is given twice",
        "export --preset assets/presets/seed-experiment.json --preset ./assets/presets/seed-experiment.json"
                + "|is given twice"})
    void combinationsThatWouldWriteTwoFiguresToOneFileAreRefused(String line, String expected) {
        RunCommandTest.assertBadInput(line + " " + SMALL, expected);
    }

    @Test
    void presetsOfTheSameFileNameInTwoFoldersAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("lecture.json");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("lecture.json");
        Files.copy(SEED, a);
        Files.copy(DEEP, b);
        Path out = Files.createDirectories(dir.resolve("out"));
        RunCommandTest.assertBadInput("export --preset " + a + " --preset " + b + " --out " + out + " " + SMALL,
                "would write files of the same names");
        assertEquals(List.of(), files(out));
    }

    @Test
    void aPresetWithABadValueIsRefusedBeforeAnyFigureIsWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(SEED).replace("\"depth\": 1", "\"depth\": 0"));
        Path out = Files.createDirectories(dir.resolve("out"));
        RunCommandTest.assertBadInput("export --preset " + SEED + " --preset " + bad + " --out " + out + " "
                + SMALL, "--preset " + bad);
        assertEquals(List.of(), files(out));
    }

    private static List<Path> files(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
