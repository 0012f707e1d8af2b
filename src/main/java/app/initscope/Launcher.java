package app.initscope;

import app.initscope.cli.Cli;
import app.initscope.core.stats.Summary;
import app.initscope.ui.App;

/**
 * The entry point: with no arguments it opens the window, with arguments it is the command line
 * ({@code initscope run --help}). It is not an {@code Application} itself, so it also starts from a plain
 * class path.
 */
public final class Launcher {

    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";
    /** Kept, so that its level stays set (a logger that nothing holds may be collected, and its level lost). */
    private static final java.util.logging.Logger PREFS_LOG = java.util.logging.Logger.getLogger("java.util.prefs");

    private Launcher() {
    }

    /** Starts the GUI or the CLI. */
    public static void main(String[] args) {
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "initscope: %4$s: %5$s%6$s%n");     // one line per log record
        }
        // java.util.prefs reports a read-only home in three lines and again every 30 s; Settings says it once
        PREFS_LOG.setLevel(java.util.logging.Level.OFF);
        if (args.length == 0) {
            try {
                App.start(args);
            } catch (RuntimeException | Error e) {
                System.exit(Cli.windowFailed(e));
            }
        } else {
            if (System.getProperty(Summary.VECTOR_PROPERTY) == null && !args[0].equals("bench")) {
                // a one-shot command ends before the JIT's work on the vector summaries pays: 1 s of a 3.7 s run
                System.setProperty(Summary.VECTOR_PROPERTY, "false");
            }
            int code = Cli.execute(args);
            if (code != 0) {
                System.exit(code);
            }
        }
    }
}
