package app.initscope.cli;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.export.Preset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The strategy and layer a command shows, {@code --strategy} and {@code --layer}, which default to a preset's view.
 * Shared by {@code export} and {@code explain}.
 */
final class ShownOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--strategy", paramLabel = "ID", defaultValue = "xavier",
            description = "The strategy shown (default: ${DEFAULT-VALUE}). If --strategies does not list it, it is "
                    + "added to the run.")
    String strategy;

    @Option(names = "--layer", paramLabel = "N", defaultValue = "1", converter = NumberOptions.Layer.class,
            description = "The hidden layer shown, 1..depth (default: ${DEFAULT-VALUE}).")
    int layer;

    private CliCommand command() {
        return (CliCommand) spec.userObject();
    }

    /**
     * The strategy shown: {@code --strategy} when given, else the preset's view's (without a preset, the option's
     * default).
     *
     * @param preset the preset the command starts from, or null
     * @throws CommandLine.ParameterException naming {@code --strategy} and the valid ids
     */
    Strategy strategy(Preset preset) {
        String id = preset == null || command().given("--strategy") ? strategy : preset.view().strategy();
        try {
            return Strategy.fromId(id);
        } catch (IllegalArgumentException e) {
            throw command().usage("--strategy", "unknown strategy '" + id + "'; valid: " + Strategy.validIds());
        }
    }

    /**
     * The layer shown, checked against the config's depth: {@code --layer} when given, else the preset's view's.
     *
     * @param preset the preset the command starts from, or null
     * @throws CommandLine.ParameterException naming {@code --layer} and the depth
     */
    int layer(Preset preset, ExperimentConfig config) {
        int shown = preset == null || command().given("--layer") ? layer : preset.view().layer();
        if (shown < 1 || shown > config.depth()) {
            throw command().usage("--layer", "must be 1.." + config.depth() + " (the depth), got " + shown);
        }
        return shown;
    }

    /** The config with the strategy put first in the run if it does not list it. */
    static ExperimentConfig including(ExperimentConfig config, Strategy shown) {
        if (config.strategies().contains(shown)) {
            return config;
        }
        List<Strategy> all = new ArrayList<>(config.strategies());
        all.addFirst(shown);
        return config.toBuilder().strategies(all).build();
    }
}
