package app.initscope.cli;

import app.initscope.Version;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainListener;
import app.initscope.core.train.TrainMemory;
import app.initscope.core.train.TrainResult;
import app.initscope.core.train.Trainer;
import app.initscope.engine.Engine;
import app.initscope.export.Preset;
import app.initscope.export.TrainCsvReport;
import app.initscope.export.TrainJsonReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code initscope train}: trains every strategy on the same data set and reports each one's record of every step
 * and evaluation as JSON ({@link TrainJsonReport}), long CSV ({@link TrainCsvReport}) or a short table.
 */
@Command(name = "train", modelTransformer = TrainCommand.AddSettings.class,
        description = {"Train the network of each strategy on the same data set, with the same batches in the same "
                + "order, and report every step (loss, accuracy, and per layer the weights' std, the grad:data "
                + "and update:data ratios, the activations' std, saturated and zero fractions, distinct units) "
                + "and every test evaluation (loss, accuracy, statistics of z, a and δ per layer).",
            "The network options are run's (but --sigma-b: training starts its biases at 0, see --bias); the "
                + "training options follow them. A run whose loss becomes NaN or "
                + "infinite is a result: it stops there and reports the step it diverged at (JSON: "
                + "\"divergedAt\", and null for the numbers that do not exist).",
            "JSON lists the strategies of the first repetition, then those of the second, and so on; each result "
                + "has \"repeat\" (from 1). CSV: one long table, see the README."},
        footer = {"", "Examples:",
                "  initscope train --dataset digits --depth 4 --width 256 --steps 1000",
                "  initscope train --dataset spiral --activation relu --strategies xavier,he \\",
                "      --bias true --width 100 --depth 2",
                "  initscope train --fan-in 200 --samples 200 --width 200 --batch full",
                "  initscope train --dataset moons --optimizer adam --lr 0.01 --format json",
                "  initscope train --strategies large,xavier --lr 1000 --steps 50      (diverges)"})
public final class TrainCommand extends ExperimentCommand {

    @Mixin
    ReportOptions report;

    /** Adds an option for every setting of the experiment's catalog and of the training catalog. */
    public static final class AddSettings implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
            ExperimentOptions.addOptions(command, Catalog.ALL);
            return ExperimentOptions.addOptions(command, TrainCatalog.ALL);
        }
    }

    @Override
    int call(ExperimentConfig config) throws IOException {
        int repeat = report.repeat;
        if (config.get(Catalog.SIGMA_B) != 0) {
            throw experiment.usage(Catalog.SIGMA_B.flag().substring(2), "training starts its biases at 0 (see "
                    + TrainCatalog.BIAS.flag() + "); leave it at 0, got " + config.get(Catalog.SIGMA_B));
        }
        TrainConfig train = trainConfig();
        int inputs = train.dataset().inputs(config.fanIn());
        if (inputs != config.fanIn()) {
            if (given(Catalog.FAN_IN.flag())) {
                throw experiment.usage(Catalog.FAN_IN.flag().substring(2), "the " + train.dataset().id()
                        + " data set fixes the network's inputs at " + inputs + "; leave it out, got "
                        + config.fanIn());
            }
            config = config.toBuilder().fanIn(inputs).build();      // the report names the network's real inputs
        }
        int threadCount = report.checkedThreads(this);     // and the output, before the computation
        try {
            TrainMemory.check(config, train, repeat, report.full(), Runtime.getRuntime().maxMemory());
        } catch (InvalidConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = err();
        RunListener progress = Progress.onTerminal(err, repeat);
        List<List<TrainResult>> repeats = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        Dataset data;
        try (Engine engine = new Engine(threadCount)) {
            engine.warmUp();
            Trainer trainer = engine.trainer(1);           // a listener asks for snapshots by time (wants)
            data = trainer.dataset(config, train);
            List<Strategy> strategies = config.strategies();
            for (int k = 0; k < repeat; k++) {
                if (progress instanceof Progress p) {
                    p.nextRepeat(k);
                }
                List<TrainResult> results = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < strategies.size(); i++) {
                    Strategy strategy = strategies.get(i);
                    TrainListener listener = progress instanceof Progress p
                            ? steps(p, strategy, i, strategies.size(), train.steps()) : TrainListener.NONE;
                    try {
                        results.add(trainer.train(config, train, data, strategy, listener, () -> false));
                    } catch (InvalidConfigException e) {
                        // the batch is checked against the data set's size: still bad input, before any output
                        throw trainUsage(e);
                    }
                }
                millis.add((System.nanoTime() - start) / 1e6);
                repeats.add(results);
            }
        } finally {
            if (progress instanceof Progress p) {
                p.finish();
            }
        }
        String text = switch (report.format) {
            case json -> TrainJsonReport.toJson(config, train, data.classification(), repeats, Version.get(),
                    millis);
            case csv -> TrainCsvReport.toCsv(repeats);
            case table -> TrainTableReport.format(config, train, data, repeats, millis, threadCount);
        };
        report.write(text, out(), err);
        return 0;
    }

    /**
     * The training settings: each one given on the command line (parsed and range-checked), else the preset's
     * ({@code --preset} with a {@code "train"} object), else its default. A bad value is a usage error naming the
     * option.
     */
    private TrainConfig trainConfig() {
        TrainConfig train = experiment.preset().map(Preset::train).orElse(TrainConfig.defaults());
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (Setting<?> s : TrainCatalog.ALL) {
            if (parsed == null || !parsed.hasMatchedOption(s.flag())) {
                continue;
            }
            try {
                train = train.with(s, s.parse(parsed.matchedOption(s.flag()).getValue()));
            } catch (InvalidConfigException e) {
                throw experiment.usage(e.parameter(), e.problem());
            } catch (IllegalArgumentException e) {
                throw experiment.usage(s.flag().substring(2), e.getMessage());
            }
        }
        return train;
    }

    /**
     * A training setting that does not fit the data set, as a usage error that names where the value came from: the
     * option when it was given, else the preset's {@code "train"} object, else the default (and the option that
     * changes it).
     */
    private CommandLine.ParameterException trainUsage(InvalidConfigException e) {
        Setting<?> s = e.setting().orElse(null);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (s == null || parsed != null && parsed.hasMatchedOption(s.flag())) {
            return experiment.usage(e.parameter(), e.problem());
        }
        if (experiment.preset().map(Preset::train).isPresent()) {
            return new CommandLine.ParameterException(spec.commandLine(),
                    "--preset " + experiment.presetFile() + ": 'train." + s.id() + "' " + e.problem());
        }
        return new CommandLine.ParameterException(spec.commandLine(), "the default " + s.id() + " " + e.problem()
                + "; set " + s.flag());
    }

    /**
     * Reports training's steps to the progress line: it asks for no snapshot (the trainer then builds none), and
     * the line itself redraws at most five times a second.
     */
    static TrainListener steps(Progress progress, Strategy strategy, int index, int count, int steps) {
        progress.progress((double) index / count, strategy.id() + ": step 0/" + steps);
        return new TrainListener() {
            @Override
            public boolean wants(int stepsMade) {
                progress.progress((index + (double) stepsMade / steps) / count,
                        strategy.id() + ": step " + stepsMade + "/" + steps);
                return false;
            }

            @Override
            public void snapshot(TrainResult snapshot) {
            }
        };
    }
}
