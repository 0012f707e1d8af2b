package app.initscope.cli;

import app.initscope.Version;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.JacobianSpectrum;
import app.initscope.core.experiment.MemoryEstimate;
import app.initscope.core.experiment.RunListener;
import app.initscope.export.CsvReport;
import app.initscope.export.JsonReport;
import app.initscope.engine.Engine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code initscope run}: runs the experiment and prints a table, JSON or CSV. */
@Command(name = "run",
        description = "Run the forward and backward pass for each strategy and report the statistics of z, the "
                + "activation, φ′(z), δ and dW per layer.",
        footer = {"", "Examples:",
                "  initscope run",
                "  initscope run --activation relu --strategies xavier,he",
                "  initscope run --depth 10 --strategies small,xavier,large --format csv --output deep.csv",
                "  initscope run --format json --strategies all",
                "  initscope run --preset lecture.json --samples 200"})
public final class RunCommand extends ExperimentCommand {

    @Mixin
    ReportOptions report;

    @Option(names = "--jacobian", description = "Also take the singular values of the input–output Jacobian "
            + "∂(last hidden layer)/∂x at the first 4 inputs (JSON: each result's \"jacobian\"). One SVD of a "
            + "fan-in × width matrix per input.")
    boolean jacobian;

    @Override
    int call(ExperimentConfig config) throws IOException {
        int threadCount = report.checkedThreads(this);     // and the output, before the computation
        if (jacobian && report.format == ReportOptions.Format.csv) {
            throw usage("--jacobian", "the CSV has no place for the Jacobian's spectrum; use --format json or table");
        }
        List<Double> millis = new ArrayList<>();
        ExperimentResult result = compute(spec, config, threadCount, report.repeat, jacobian, report.full(), millis);
        String text = switch (report.format) {
            case json -> JsonReport.toJson(result, Version.get(), millis);
            case csv -> CsvReport.toCsv(result);
            case table -> TableReport.format(result, millis, threadCount);
        };
        report.write(text, out(), err());
        return 0;
    }

    /**
     * Checks that the run fits in the heap, then runs the experiment {@code repeat} times with the progress on
     * the terminal, and adds each compute time to {@code millis}. Shared by {@code run} and {@code explain}.
     *
     * @param withReport whether the statistics are kept for a JSON or CSV report (they take memory)
     * @throws CommandLine.ParameterException when the run needs more memory than the heap has
     */
    static ExperimentResult compute(CommandLine.Model.CommandSpec spec, ExperimentConfig config, int threadCount,
                                    int repeat, boolean jacobian, boolean withReport, List<Double> millis) {
        try {
            MemoryEstimate.check(config, Runtime.getRuntime().maxMemory(), withReport, !jacobian ? 0
                    : MemoryEstimate.jacobianBytes(config, JacobianSpectrum.DEFAULT_INPUTS, threadCount));
        } catch (InvalidConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ExperimentResult result = null;
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
        return result;
    }
}
