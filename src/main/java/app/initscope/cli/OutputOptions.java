package app.initscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * The options of a command that computes and writes text: threads and output file, checked before any work, and
 * the text written where it was asked for. Shared by {@code run}, {@code train} (through {@link ReportOptions}),
 * {@code explain} and {@code bench}.
 */
final class OutputOptions {

    @Mixin
    ThreadOptions threads;

    @Mixin
    OutputFile file;

    /**
     * The thread count, after checking it and the output file: bad input is found before the computation.
     *
     * @throws CommandLine.ParameterException naming the option
     */
    int checkedThreads(CliCommand command) {
        String unwritable = file.problem();
        if (unwritable != null) {
            throw command.usage("--output", unwritable);
        }
        return threads.count();
    }

    /** Writes the text to the output file (saying so on {@code err}) or to {@code out}. */
    void write(String text, PrintWriter out, PrintWriter err) throws IOException {
        file.write(text, out, err);
    }
}
