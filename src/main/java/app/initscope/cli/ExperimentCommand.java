package app.initscope.cli;

import app.initscope.core.experiment.ExperimentConfig;
import picocli.CommandLine.Command;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that computes an experiment: the options of every setting of the catalog (added by
 * {@link ExperimentOptions.AddSettings}), {@code --preset} and {@code --range}, and a call that starts from the
 * config they describe.
 */
@Command(modelTransformer = ExperimentOptions.AddSettings.class)
abstract class ExperimentCommand extends CliCommand {

    @Option(names = "--preset", paramLabel = "FILE", description = ExperimentOptions.PRESET_HELP)
    Path preset;

    @Mixin
    ExperimentOptions experiment;

    @Override
    public Integer call() throws Exception {
        return call(experiment.toConfig());
    }

    /**
     * Runs the command on the config of the options given (a bad value is already a usage error).
     *
     * @return the exit code
     */
    abstract int call(ExperimentConfig config) throws Exception;
}
