package app.initscope.fx;

import app.initscope.export.AtomicFiles;
import app.initscope.export.FigureExport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Histogram;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** PNG, SVG and CSV export of the views (JavaFX's headless platform, started by TestFX). */
@ExtendWith(ApplicationExtension.class)
class FigureExportTest {

    private static ExperimentResult result;

    @BeforeAll
    static void compute() {
        result = TestRunners.run(ExperimentConfig.builder().fanIn(200).samples(300).width(100).depth(3)
                .strategies(Strategy.SEED).bins(40).build());
    }

    private static Figure single() {
        return Figures.single(result, Strategy.XAVIER, Figures.Options.DEFAULT);
    }

    @Test
    void aPngAtTwiceTheScaleHasTwiceTheSizeAndIsNotBlank(@TempDir Path dir) throws Exception {
        Figure figure = Figures.compare(result, Strategy.SEED, Figures.Options.DEFAULT);
        Path file = FigureExport.write(figure, FigureExport.Format.PNG, 2, dir);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals((int) Math.ceil(figure.width() * 2), image.getWidth());
        assertEquals((int) Math.ceil(figure.height() * 2), image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a drawing, not a blank page: " + colours.size() + " colours");
        // every strategy's colour is in it
        assertTrue(colours.stream().anyMatch(c -> Math.abs(((c >> 16) & 0xff) - 0xD5) < 30
                && Math.abs(((c >> 8) & 0xff) - 0x5E) < 30 && Math.abs((c & 0xff) - 0x00) < 30), "Large's orange");
    }

    @Test
    void aPngAtFourTimesIsRenderedNotUpscaled(@TempDir Path dir) throws Exception {
        Figure figure = Figures.histogram(result, Strategy.XAVIER, TensorKind.Z, Figures.Options.DEFAULT);
        BufferedImage one = ImageIO.read(FigureExport.write(figure, FigureExport.Format.PNG, 1, dir).toFile());
        BufferedImage four = ImageIO.read(FigureExport.write(figure, FigureExport.Format.PNG, 4, dir).toFile());
        assertEquals(one.getWidth() * 4, four.getWidth());
        // an upscaled bitmap repeats each pixel 4×4; a rendering at 4× has edges inside those blocks
        int inside = 0;
        for (int y = 0; y + 4 <= four.getHeight(); y += 4) {
            for (int x = 0; x + 4 <= four.getWidth(); x += 4) {
                int c = four.getRGB(x, y);
                for (int k = 1; k < 4; k++) {
                    if (four.getRGB(x + k, y) != c || four.getRGB(x, y + k) != c) {
                        inside++;
                        break;
                    }
                }
            }
        }
        assertTrue(inside > 1000, "detail within 4×4 blocks: " + inside);
    }

    @Test
    void anSvgParsesAndHasOneRectPerNonEmptyBar() throws Exception {
        Figure figure = single();
        String svg = FigureExport.svg(figure);
        var factory = DocumentBuilderFactory.newInstance();
        var doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        NodeList rects = doc.getElementsByTagName("rect");
        int bars = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            if ("bar".equals(((Element) rects.item(i)).getAttribute("class"))) {
                bars++;
            }
        }
        int expected = 0;
        for (Figure.Panel p : figure.panels()) {
            Histogram h = p.data().histogram();
            for (int i = 0; i < h.bins(); i++) {
                expected += h.count(i) > 0 ? 1 : 0;
            }
        }
        assertEquals(expected, bars);
        assertTrue(doc.getElementsByTagName("text").getLength() > 20, "axes and labels are text");
        assertTrue(doc.getElementsByTagName("path").getLength() >= 1, "the theory curve is a path");
    }

    @Test
    void theCsvRoundTripsToTheSameBinsAndStatistics(@TempDir Path dir) throws Exception {
        Figure figure = Figures.depth(result, Strategy.HE, Strategy.SEED, Figures.Options.DEFAULT);
        Path file = FigureExport.write(figure, FigureExport.Format.CSV, 1, dir);
        List<String> lines = Files.readAllLines(file);
        assertEquals(FigureExport.CSV_HEADER, lines.getFirst());
        Map<String, long[]> bins = new HashMap<>();
        Map<String, Double> stats = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String key = f[0] + "/" + f[1] + "/" + f[2];
            if (f[3].equals("bin")) {
                long[] old = bins.getOrDefault(key, new long[0]);
                long[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = Long.parseLong(f[6]);
                bins.put(key, grown);
            } else {
                stats.put(key + "/" + f[3], Double.parseDouble(f[6]));
            }
        }
        assertEquals(figure.panels().size(), bins.size());
        for (Figure.Panel p : figure.panels()) {
            String key = p.strategy() + "/" + p.layer() + "/" + p.tensor();
            assertTrue(java.util.Arrays.equals(p.data().histogram().counts(), bins.get(key)), key);
            assertEquals(p.data().summary().std(), stats.get(key + "/std"), key);
            assertEquals(p.data().summary().mean(), stats.get(key + "/mean"), key);
            assertEquals(p.data().summary().count(), stats.get(key + "/count").longValue(), key);
            assertEquals(p.data().histogram().underflow(), stats.get(key + "/underflow").longValue(), key);
        }
    }

    /**
     * A folder this process cannot write into: a read-only one, or, where permissions do not stop us (root, as
     * in CI containers), /proc/self, which nobody can create files in.
     */
    private static Path unwritableFolder(Path dir) throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        if (locked.toFile().setWritable(false) && !Files.isWritable(locked)) {
            return locked;
        }
        return Path.of("/proc/self");
    }

    @Test
    void exportIntoAReadOnlyFolderFailsCleanlyAndLeavesNoFile(@TempDir Path dir) throws Exception {
        Path locked = unwritableFolder(dir);
        try {
            Figure figure = single();
            IOException e = assertThrows(IOException.class,
                    () -> FigureExport.write(figure, FigureExport.Format.PNG, 2, locked));
            assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
            try (var files = Files.list(locked)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(figure.name())),
                        "no file, temp or final, is left");
            }
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void aFailedWriteLeavesNoPartialFile(@TempDir Path dir) {
        Path target = dir.resolve("x.png");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertTrue(dir.toFile().list().length == 0, "neither the target nor the temp file remains");
    }
}
