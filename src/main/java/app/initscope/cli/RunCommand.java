package app.initscope.cli;

import app.initscope.Version;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.JacobianSpectrum;
import app.initscope.core.experiment.MemoryEstimate;
import app.initscope.core.experiment.RunListener;
import app.initscope.export.AtomicFiles;
import app.initscope.export.CsvReport;
import app.initscope.export.JsonReport;
import app.initscope.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code initscope run}: runs the experiment and prints a table, JSON or CSV. */
@Command(name = "run", mixinStandardHelpOptions = true, modelTransformer = ExperimentOptions.AddSettings.class, versionProvider = Cli.VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Run the forward and backward pass for each strategy and report the statistics of z, the "
                + "activation, φ′(z), δ and dW per layer.",
        footer = {"", "Examples:",
                "  initscope run",
                "  initscope run --activation relu --strategies xavier,he",
                "  initscope run --depth 10 --strategies small,xavier,large --format csv --output deep.csv",
                "  initscope run --format json --strategies all",
                "  initscope run --preset lecture.json --samples 200"})
public final class RunCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, csv }

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--threads", paramLabel = "N",
            description = "Compute threads, 1..256 (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run N times and report each compute time, 1..1000 (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--jacobian", description = "Also take the singular values of the input–output Jacobian "
            + "∂(last hidden layer)/∂x at the first 4 inputs (JSON: each result's \"jacobian\"). One SVD of a "
            + "fan-in × width matrix per input.")
    boolean jacobian;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ExperimentConfig config = experiment.toConfig();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || threadCount > 256) {
            throw experiment.usage("threads", "must be between 1 and 256, got " + threadCount);
        }
        if (repeat < 1 || repeat > 1000) {
            throw experiment.usage("repeat", "must be between 1 and 1000, got " + repeat);
        }
        String unwritable = output == null ? null : AtomicFiles.problem(output);
        if (unwritable != null) {
            throw experiment.usage("output", unwritable);       // before the computation, not after it
        }
        try {
            MemoryEstimate.check(config, Runtime.getRuntime().maxMemory(), format != Format.table, !jacobian ? 0
                    : MemoryEstimate.jacobianBytes(config, JacobianSpectrum.DEFAULT_INPUTS, threadCount));
        } catch (InvalidConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ExperimentResult result = null;
        List<Double> millis = new ArrayList<>();
        RunListener progress = Progress.onTerminal(spec.commandLine().getErr(), repeat);
        try (Engine engine = new Engine(threadCount)) {
            engine.warmUp();
            for (int i = 0; i < repeat; i++) {
                if (progress instanceof Progress p) {
                    p.nextRepeat(i);
                }
                long start = System.nanoTime();
                result = engine.runner().withJacobian(jacobian ? JacobianSpectrum.DEFAULT_INPUTS : 0)
                        .run(config, progress, () -> false);
                millis.add((System.nanoTime() - start) / 1e6);
            }
        } finally {
            if (progress instanceof Progress p) {
                p.finish();
            }
        }
        String text = switch (format) {
            case json -> JsonReport.toJson(result, Version.get(), millis);
            case csv -> CsvReport.toCsv(result);
            case table -> TableReport.format(result, millis, threadCount);
        };
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            AtomicFiles.writeString(output, text);
            spec.commandLine().getErr().println("wrote " + output.toAbsolutePath());
        }
        return 0;
    }
}
