package app.initscope.cli;

import app.initscope.export.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The output file of a command that writes text: checked before any work ({@link #problem()}), then written
 * atomically, or the text goes to standard output. Shared by {@code run}, {@code train}, {@code explain} (through
 * {@link OutputOptions}) and {@code theory}.
 */
final class OutputFile {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    Path output;

    /** What is wrong with writing the output file, found before the computation, or null (also without one). */
    String problem() {
        return output == null ? null : AtomicFiles.problem(output);
    }

    /** Writes the text to the output file (saying so on {@code err}) or to {@code out}. */
    void write(String text, PrintWriter out, PrintWriter err) throws IOException {
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            if (AtomicFiles.isFifo(output)) {
                // opening a FIFO to write blocks until a reader opens it: say so rather than hang in silence
                err.println("initscope: waiting for a reader of the FIFO " + output.toAbsolutePath()
                        + " (Ctrl-C stops)");
                err.flush();
            }
            AtomicFiles.writeString(output, text);
            err.println("wrote " + output.toAbsolutePath());
        }
    }
}
