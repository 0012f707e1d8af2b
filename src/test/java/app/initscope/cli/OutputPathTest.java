package app.initscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where --output and --out go: checked before the computation, and never replacing a link or a device. */
class OutputPathTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static final String[] SMALL = {"run", "--fan-in", "8", "--samples", "8", "--format", "json"};

    private static String[] small(String... more) {
        String[] all = java.util.Arrays.copyOf(SMALL, SMALL.length + more.length);
        System.arraycopy(more, 0, all, SMALL.length, more.length);
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "missing/x.json", "afile/x.json", "folder", "LONG"})
    void aBadOutputIsRefusedUpFrontWithExitTwoNamingTheOption(String where, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("afile"), "x");
        Files.createDirectories(dir.resolve("folder"));
        String target = where.isEmpty() ? "" : where.equals("LONG") ? dir.resolve("x".repeat(300)).toString()
                : dir.resolve(where).toString();
        String[] r = run(small("--output", target));
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--output"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }

    @Test
    void aSymlinkToAFileHasItsTargetReplacedNotTheLink(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        String[] r = run(small("--output", link.toString()));
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(Files.readString(real).startsWith("{"), "the file it points to holds the report");
    }

    @Test
    void aDeviceIsWrittenIntoNotReplaced(@TempDir Path dir) throws Exception {
        // through a link of our own, as /dev/stdout is one: a regression replaces the link, never /dev/null
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        Path link = Files.createSymbolicLink(dir.resolve("stdout"), devNull);
        String[] r = run(small("--output", link.toString()));
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.isSymbolicLink(link), "the link to the device is still a link");
        assertTrue(!Files.isRegularFile(devNull), "/dev/null is still a device");
        Files.delete(link);     // else JUnit warns, cleaning up, about a link that leaves its temporary folder
    }

    @Test
    void anEmptyExportFolderIsRefused() {
        String[] r = run("export", "--fan-in", "8", "--samples", "8", "--format", "csv", "--out", "");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--out"), r[2]);
    }

    /** A link to a file that does not exist yet: the file is created where it points, and the link stays. */
    @ParameterizedTest
    @ValueSource(strings = {"run", "train", "theory", "grid"})
    void aDanglingLinkHasItsTargetCreatedNotTheLinkReplaced(String command, @TempDir Path dir) throws Exception {
        String[] line = switch (command) {
            case "run" -> small();
            case "train" -> new String[] {"train", "--fan-in", "4", "--samples", "8", "--width", "3", "--steps", "1",
                "--batch", "full", "--strategies", "he", "--format", "json"};
            case "theory" -> new String[] {"theory", "--format", "json"};
            default -> new String[] {"theory", "--grid", "--grid-size", "3"};
        };
        Files.createDirectories(dir.resolve("sub"));
        Path absolute = Files.createSymbolicLink(dir.resolve("abs.out"), dir.resolve("sub/abs-target"));
        Path relative = Files.createSymbolicLink(dir.resolve("rel.out"), Path.of("sub/rel-target"));
        for (Path link : List.of(absolute, relative)) {
            List<String> args = new ArrayList<>(List.of(line));
            args.addAll(List.of("--output", link.toString()));
            String[] r = run(args.toArray(String[]::new));
            assertEquals("0", r[0], r[2]);
            assertTrue(Files.isSymbolicLink(link), link + " is still a link");
            assertTrue(Files.size(dir.resolve("sub").resolve(link.getFileName().toString().replace(".out",
                    "-target"))) > 0, "the file it points to holds the report");
        }
    }

    @Test
    void anExportedNameThatIsADanglingLinkHasItsTargetCreated(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("xavier-single-layer1.csv"), Path.of("elsewhere.csv"));
        String[] r = run("export", "--fan-in", "8", "--samples", "8", "--format", "csv", "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("xavier-single-layer1.csv"), r[1]);
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(Files.size(dir.resolve("elsewhere.csv")) > 0, "the file it points to holds the figure");
    }

    @Test
    void aLoopOfLinksIsRefusedUpFront(@TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
        String[] r = run(small("--output", dir.resolve("a").toString()));
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--output") && r[2].contains("links"), r[2]);
    }

    /** theory, as run, train and export, checks its output before the computation. */
    @ParameterizedTest
    @ValueSource(strings = {"", "missing/x.json", "afile/x.json", "folder", "folder/", "linkToFolder", "LONG"})
    void theoryRefusesABadOutputUpFrontWithExitTwoNamingTheOption(String where, @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("afile"), "x");
        Files.createDirectories(dir.resolve("folder"));
        Files.createSymbolicLink(dir.resolve("linkToFolder"), dir.resolve("folder"));
        String target = where.isEmpty() ? "" : where.equals("LONG") ? dir.resolve("x".repeat(256)).toString()
                : dir.resolve(where) + (where.endsWith("/") ? "/" : "");
        for (String[] line : List.of(new String[] {"theory", "--format", "json"},
                new String[] {"theory", "--grid", "--grid-size", "3"})) {
            List<String> args = new ArrayList<>(List.of(line));
            args.addAll(List.of("--output", target));
            String[] r = run(args.toArray(String[]::new));
            assertEquals("2", r[0], r[2]);
            assertTrue(r[2].contains("--output"), r[2]);
            assertEquals(1, r[2].strip().lines().count(), r[2]);
        }
        Files.delete(dir.resolve("linkToFolder"));
    }

    /**
     * Writing into a FIFO waits for a reader: the command says so on standard error instead of hanging in silence,
     * and once a reader opens the FIFO it gets the whole report.
     */
    @ParameterizedTest
    @ValueSource(strings = {"run", "theory"})
    void aFifoWithoutAReaderIsAnnouncedAndWrittenOnceOneReads(String command, @TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("out.fifo");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo on this system");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
                && mk.exitValue() == 0, "mkfifo failed");
        StringWriter err = new StringWriter();
        String[] args = command.equals("run") ? small("--output", fifo.toString())
                : new String[] {"theory", "--format", "json", "--output", fifo.toString()};
        var done = java.util.concurrent.CompletableFuture.supplyAsync(() -> Cli.execute(
                new PrintWriter(new StringWriter()), new PrintWriter(err, true), args));
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!err.toString().contains("waiting for a reader") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(err.toString().contains("waiting for a reader of the FIFO " + fifo), err.toString());
        } finally {
            String read = Files.readString(fifo);        // the reader: unblocks the command in any case
            assertTrue(read.startsWith("{"), read);
        }
        assertEquals(0, done.get(60, java.util.concurrent.TimeUnit.SECONDS), err.toString());
    }
}
