package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.engine.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An atomic write's temp file is tracked for the shutdown hook while it exists, so SIGINT or SIGTERM during the
 * write leaves no {@code .NAME<digits>.tmp} behind (before, 4 of 4 interrupted exports left one).
 */
class TempFileCleanupTest {

    @Test
    void theTempFileIsTrackedExactlyWhileItIsBeingWritten(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.json");
        List<Path> during = new ArrayList<>();
        AtomicFiles.write(target, out -> {
            out.write('{');
            during.addAll(TempFiles.tracked().stream().filter(p -> p.startsWith(dir)).toList());
        });
        assertEquals(1, during.size(), "the temp file is tracked during the write");
        assertTrue(during.get(0).getFileName().toString().startsWith(".out.json"), during.toString());
        assertFalse(TempFiles.tracked().contains(during.get(0)), "forgotten once moved into place");
        assertEquals(List.of(target), listing(dir));

        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("disk full");
        }));
        assertTrue(TempFiles.tracked().stream().noneMatch(p -> p.startsWith(dir)), "forgotten after a failure");
    }

    @Test
    void whatTheShutdownHookRunsDeletesAnUnfinishedWrite(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("figure.png");
        Files.writeString(target, "old");
        // The hook runs while the content is being written, as a signal would make it.
        List<List<Path>> seen = new ArrayList<>();
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            TempFiles.deleteTracked();
            seen.add(listing(dir));
        }), "the write cannot finish once its temp file is gone");
        assertEquals(List.of(List.of(target)), seen, "the hook deleted the temp file");
        assertEquals(List.of(target), listing(dir));
        assertEquals("old", Files.readString(target), "the old file is intact");
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
