package app.initscope.export;

import app.initscope.engine.TempFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader never sees half of one: a temp file beside the target, then a move. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The longest file name most file systems take, in bytes. */
    private static final int MAX_NAME_BYTES = 255;

    /**
     * What is wrong with writing to {@code target}, found before any work is done, or null when it can be
     * written: an empty name, a folder, a missing parent folder or one that is a file, a name over 255 bytes, or
     * a parent folder that cannot be written.
     */
    public static String problem(Path target) {
        if (target == null || target.toString().isBlank()) {
            return "an empty file name";
        }
        Path absolute;
        try {
            absolute = linkTarget(target.toAbsolutePath());
        } catch (IOException e) {
            return "cannot follow the link " + target + ": " + reason(e);
        }
        if (Files.isDirectory(absolute)) {
            return target + " is a folder; give a file name";
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            return null;                    // a device, a FIFO or /dev/stdout: written straight into
        }
        Path dir = absolute.getParent();
        if (dir == null || Files.isRegularFile(dir)) {
            return "the folder " + dir + " is a file";
        }
        if (!Files.isDirectory(dir)) {
            return "the folder " + dir + " does not exist";
        }
        if (absolute.getFileName().toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "the file name is longer than " + MAX_NAME_BYTES + " bytes";
        }
        if (!Files.isWritable(dir)) {
            return "the folder " + dir + " cannot be written";
        }
        return null;
    }

    /**
     * Writes {@code target} atomically; on failure the temp file is removed and the target is untouched.
     *
     * <p>A symbolic link has its target file replaced or created, not the link, whether the target exists or
     * not (a dangling link). A device or FIFO that
     * exists (/dev/null, a pipe, /dev/stdout) is written straight into: it cannot be replaced, and must not be.
     *
     * @throws IOException with a message that names the file
     */
    public static void write(Path target, Content content) throws IOException {
        Path given = target.toAbsolutePath();
        if (Files.exists(given) && !Files.isRegularFile(given)) {
            if (Files.isDirectory(given)) {
                throw new IOException("cannot write " + target + ": it is a folder");
            }
            try (OutputStream out = Files.newOutputStream(given)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + reason(e), e);
            }
            return;
        }
        Path absolute;
        try {
            absolute = linkTarget(given);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": folder " + dir + " does not exist");
        }
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        TempFiles.track(temp);                  // deleted if SIGINT or SIGTERM ends the process mid-write
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            readableByAll(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            if (e instanceof IOException io) {
                throw new IOException("cannot write " + target + ": " + reason(io), io);
            }
            throw e;
        } finally {
            TempFiles.forget(temp);
        }
    }

    /**
     * Whether a path is a FIFO (a named pipe), after its links: opening one to write waits until something opens
     * it to read, which the caller may want to say.
     */
    public static boolean isFifo(Path target) {
        try {
            Object mode = Files.getAttribute(target, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0010000;      // S_IFMT, S_IFIFO
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The most links followed from one path, as Linux's own limit for a path's resolution. */
    private static final int MAX_LINKS = 40;

    /**
     * The file a path names once every symbolic link on its last element is followed, whether or not that file
     * exists: a dangling link names the file it would create. A path that is no link is returned as it is.
     *
     * @throws IOException when the links form a loop or a link cannot be read
     */
    static Path linkTarget(Path absolute) throws IOException {
        Path p = absolute;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new java.nio.file.FileSystemException(absolute.toString(), null, "too many levels of links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A temp file is created owner-only; the finished file gets the usual rw-r--r-- (where POSIX applies). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String reason(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT) + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
