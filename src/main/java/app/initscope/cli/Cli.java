package app.initscope.cli;

import app.initscope.Version;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.Parallel;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code initscope run ...}. Exit codes: 0 success, 1 a failure while running, 2 bad input
 * (one line on standard error that names the option and what is allowed).
 */
@Command(name = "initscope", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        description = "See why weight initialization decides whether a neural network can learn.%n"
                + "Without arguments, the launcher opens the window.",
        subcommands = {RunCommand.class, TrainCommand.class, ExportCommand.class, TheoryCommand.class,
            ExplainCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    /** Exit code of bad input. */
    public static final int USAGE = 2;
    /** Exit code of a failure while running. */
    public static final int FAILURE = 1;

    /** picocli's message for a value its converter refused: "Invalid value for option '--x': PROBLEM". */
    private static final java.util.regex.Pattern INVALID_VALUE = java.util.regex.Pattern.compile(
            "Invalid value for option '([^']+)': (.*)", java.util.regex.Pattern.DOTALL);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is needed: run, train, export, theory, explain or bench (see 'initscope --help')");
    }

    /** Runs the CLI on standard output and error, and returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    /** Runs the CLI with the given writers, and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the common question, answered without building every command's options (a third of a cold start)
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            String message = ex.getMessage().replaceFirst("^Error: ", "");     // picocli's, on an argument group
            java.util.regex.Matcher invalid = INVALID_VALUE.matcher(message);
            if (invalid.matches()) {
                message = invalid.group(1) + ": " + invalid.group(2);       // as every other option's problem
            }
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                message += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            String command = ex.getCommandLine().getCommandName();
            String path = command.equals("initscope") ? "initscope" : "initscope " + command;
            err.println(path + ": " + oneLine(message) + "; see '" + path + " --help'");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("initscope: error: " + oneLine(describe(ex)));
            err.flush();
            return FAILURE;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli handles exceptions, not errors: the heap ran out despite the estimate.
            err.println("initscope: error: " + oneLine(describe(e)));
            err.flush();
            code = FAILURE;
        }
        out.flush();
        return code;
    }

    /**
     * Reports that the window could not open (no display, no GTK, ...) in one line that points to the CLI,
     * which works without a display, and returns the exit code.
     */
    public static int windowFailed(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        System.err.println("initscope: cannot open the window: " + oneLine(describe(root))
                + "; the command line works without a display: initscope run --help");
        return FAILURE;
    }

    static String describe(Throwable ex) {
        String m = ex.getMessage();
        if (m != null && m.contains("com.sun.javafx.font")) {
            // JavaFX found no fonts ("JavaFX detected no fonts!") and then fails deep in its text code
            return "no fonts found: JavaFX needs at least one (install, for example, the Debian package "
                    + "fonts-dejavu-core); 'initscope run' works without fonts";
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory (" + m + "); try smaller samples, width or depth";
        }
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Supplies the version from the pom. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"InitScope " + Version.get(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
                    "Matrix kernel: " + Kernels.best(Parallel.sequential()).name()};
        }
    }
}
