package app.initscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a command that computes and reports: threads and output file ({@link OutputOptions}), the
 * report's format, and how many times to compute. Shared by {@code run} and {@code train}.
 */
final class ReportOptions {

    /** Output formats. */
    enum Format { table, json, csv }

    @Mixin
    OutputOptions target;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", converter = NumberOptions.Repeat.class,
            description = "Compute N times and report each compute time, 1..1000 (default: ${DEFAULT-VALUE}). "
                    + "The same seed gives the same results every time.")
    int repeat;

    /**
     * The thread count, after checking it and the output file: bad input is found before the computation.
     *
     * @throws CommandLine.ParameterException naming the option
     */
    int checkedThreads(CliCommand command) {
        return target.checkedThreads(command);
    }

    /** Whether the report keeps every statistic (JSON and CSV do; the table needs fewer). */
    boolean full() {
        return format != Format.table;
    }

    /** Writes the report to the output file (saying so on {@code err}) or to {@code out}. */
    void write(String text, PrintWriter out, PrintWriter err) throws IOException {
        target.write(text, out, err);
    }
}
