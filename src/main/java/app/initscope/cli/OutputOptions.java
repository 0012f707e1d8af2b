package app.initscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a command that computes and writes text: threads and output file, checked before any work, and
 * the text written where it was asked for. Shared by {@code run}, {@code train} (through {@link ReportOptions})
 * and {@code explain}.
 */
final class OutputOptions {

    @Option(names = "--threads", paramLabel = "N", converter = NumberOptions.Threads.class,
            description = "Compute threads, 1..256 (default: all cores). Results do not depend on it.")
    Integer threads;

    @Mixin
    OutputFile file;

    /**
     * The thread count, after checking it and the output file: bad input is found before the computation.
     *
     * @throws CommandLine.ParameterException naming the option
     */
    int checkedThreads(ExperimentOptions experiment) {
        int count = threads == null ? Math.min(Runtime.getRuntime().availableProcessors(),
                (int) NumberOptions.THREADS.max()) : threads;
        String unwritable = file.problem();
        if (unwritable != null) {
            throw experiment.usage("output", unwritable);
        }
        return count;
    }

    /** Writes the text to the output file (saying so on {@code err}) or to {@code out}. */
    void write(String text, PrintWriter out, PrintWriter err) throws IOException {
        file.write(text, out, err);
    }
}
