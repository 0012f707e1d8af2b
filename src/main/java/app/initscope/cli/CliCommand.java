package app.initscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * What every command shares, written once: the {@code @Command} attributes (picocli reads a superclass's, and a
 * command's own override them), the command's spec, and its usage errors. A command adds its name, description,
 * footer and options.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class, sortOptions = false,
        usageHelpAutoWidth = true)
abstract class CliCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A usage error (exit 2) about one option: one line, {@code FLAG: PROBLEM}, e.g. {@code --layer: must be ...}. */
    CommandLine.ParameterException usage(String flag, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), flag + ": " + problem);
    }

    /** A usage error (exit 2) whose one line is the message as it is. */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Whether the option was given on the command line. */
    boolean given(String flag) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(flag);
    }

    /** Standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
