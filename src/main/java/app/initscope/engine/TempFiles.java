package app.initscope.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Temp files that must not outlive the process: a file being written before it is moved into place. The first
 * one tracked installs a shutdown hook, which deletes whatever is still tracked when the JVM ends on SIGINT,
 * SIGTERM or {@code System.exit}, so an interrupted write leaves neither the old file changed nor a stray temp
 * file behind. (The hook is a thread, so it lives here, in the only package that starts threads.)
 */
public final class TempFiles {

    private static final Set<Path> TRACKED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private TempFiles() {
    }

    /** Deletes {@code file} if the process ends before {@link #forget} is called for it. */
    public static void track(Path file) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteTracked, "initscope-temp-files"));
        }
        TRACKED.add(file);
    }

    /** The file was moved into place or deleted: nothing to clean up for it any more. */
    public static void forget(Path file) {
        TRACKED.remove(file);
    }

    /** The files that would be deleted now, for tests. */
    public static List<Path> tracked() {
        return List.copyOf(TRACKED);
    }

    /** What the shutdown hook does: deletes every tracked file that still exists. */
    public static void deleteTracked() {
        for (Path p : List.copyOf(TRACKED)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | SecurityException e) {
                // the process is ending; a file that cannot be deleted stays, as it would have without the hook
            }
            TRACKED.remove(p);
        }
    }
}
