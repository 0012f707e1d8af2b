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

    @Option(names = "--strategy", paramLabel = "ID", defaultValue = "xavier",
            description = "The strategy shown (default: ${DEFAULT-VALUE}). If --strategies does not list it, it is "
                    + "added to the run.")
    String strategy;

    @Option(names = "--layer", paramLabel = "N", defaultValue = "1", converter = NumberOptions.Layer.class,
            description = "The hidden layer shown, 1..depth (default: ${DEFAULT-VALUE}).")
    int layer;

    /** Takes the view's strategy and layer for each of the two not given on the command line. */
    void fromPreset(Preset.ViewState view, CommandLine.ParseResult parsed) {
        if (!parsed.hasMatchedOption("--strategy")) {
            strategy = view.strategy();
        }
        if (!parsed.hasMatchedOption("--layer")) {
            layer = view.layer();
        }
    }

    /**
     * The strategy.
     *
     * @throws CommandLine.ParameterException naming {@code --strategy} and the valid ids
     */
    Strategy strategy(ExperimentOptions experiment) {
        try {
            return Strategy.fromId(strategy);
        } catch (IllegalArgumentException e) {
            throw experiment.usage("strategy", "unknown strategy '" + strategy + "'; valid: " + Strategy.validIds());
        }
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

    /**
     * Checks the layer against the config's depth.
     *
     * @throws CommandLine.ParameterException naming {@code --layer} and the depth
     */
    void checkLayer(ExperimentConfig config, ExperimentOptions experiment) {
        if (layer < 1 || layer > config.depth()) {
            throw experiment.usage("layer", "must be 1.." + config.depth() + " (the depth), got " + layer);
        }
    }
}
