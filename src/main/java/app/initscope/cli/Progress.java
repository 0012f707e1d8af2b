package app.initscope.cli;

import app.initscope.core.experiment.RunListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on standard error, rewritten in place: how far the run is, what it computes, and
 * the time left. Only for a terminal: a redirected standard error gets nothing. At most five updates a second.
 */
final class Progress implements RunListener {

    private static final long EVERY_NANOS = 200_000_000L;
    /** Below this share done, the time left is too uncertain to show. */
    private static final double ESTIMATE_FROM = 0.02;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long start;
    private final int repeats;
    private long last;
    private int width;
    private int repeat;

    /** @param repeats how many times the whole run is made; progress counts them all */
    Progress(PrintWriter err, LongSupplier nanoClock, int repeats) {
        this.err = err;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.last = start - EVERY_NANOS;
        this.repeats = repeats;
    }

    /** A progress line on {@code err} when standard error is a terminal, else a listener that says nothing. */
    static RunListener onTerminal(PrintWriter err, int repeats) {
        return stderrIsTerminal() ? new Progress(err, System::nanoTime, repeats) : RunListener.NONE;
    }

    /** Whether standard error is a terminal: on Linux its descriptor names one; elsewhere, the console. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null && System.console().isTerminal();
        }
    }

    /** The next repetition of the run begins. */
    void nextRepeat(int index) {
        repeat = index;
    }

    @Override
    public void progress(double fraction, String stage) {
        long now = clock.getAsLong();
        if (now - last < EVERY_NANOS && fraction < 1) {
            return;
        }
        last = now;
        double done = (repeat + fraction) / repeats;
        show(line(done, stage, (now - start) / 1e9));
    }

    /** Erases the line, so what follows starts clean. */
    void finish() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    /** The text of one update, e.g. {@code "initscope: 40% · xavier: forward layer 3 · about 12 s left"}. */
    static String line(double done, String stage, double elapsedSeconds) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "initscope: %3.0f%% · %s", 100 * done,
                stage));
        if (done >= ESTIMATE_FROM && done < 1) {
            double left = elapsedSeconds * (1 - done) / done;
            s.append(left < 60 ? String.format(Locale.ROOT, " · about %.0f s left", Math.ceil(left))
                    : String.format(Locale.ROOT, " · about %d min %02d s left", (long) left / 60,
                            (long) left % 60));
        }
        return s.toString();
    }

    private void show(String text) {
        String padded = text.length() < width ? text + " ".repeat(width - text.length()) : text;
        err.print("\r" + padded);
        err.flush();
        width = text.length();
    }
}
