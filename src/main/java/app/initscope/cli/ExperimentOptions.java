package app.initscope.cli;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.settings.Setting;
import app.initscope.core.stats.Range;
import app.initscope.export.Preset;
import app.initscope.export.PresetException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that describe an experiment, shared by the commands. With {@code --preset FILE} (declared by the
 * command: {@link ExperimentCommand} takes one, {@code export} several) the preset's config is the base and only
 * the options given on the command line change it; without it, every option's default applies.
 */
public final class ExperimentOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    /**
     * The help of {@code --preset}, which the command declares: one file ({@link ExperimentCommand}), or several
     * ({@code export}).
     */
    static final String PRESET_HELP = "Start from the experiment in a preset file (JSON, see the README). The "
            + "options below that are given override the preset's values; the others keep them, not their defaults.";

    /** The presets of {@code --preset}, read once, in their order. */
    private List<Preset> loaded;

    @Option(names = "--range", paramLabel = "TENSOR=LO:HI",
            description = "Fix a histogram's range, e.g. --range z=-3:3 (tensors: z, activation, localGradient, "
                    + "delta, weightGradient). Default: each tensor's finite min and max.")
    List<String> ranges = new ArrayList<>();

    /**
     * Builds and validates the config: the preset's, if any, with the options given on the command line applied
     * on top (a {@code --range} replaces the preset's range of that tensor only). A bad value becomes a usage
     * error naming the option.
     */
    public ExperimentConfig toConfig() {
        return toConfig(preset().orElse(null));
    }

    /**
     * {@link #toConfig()} on top of a preset's config, or of the defaults when {@code base} is null: how
     * {@code export} builds the config of each of several presets.
     */
    ExperimentConfig toConfig(Preset base) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        try {
            Map<TensorKind, Range> fixed = new EnumMap<>(TensorKind.class);
            if (base != null) {
                fixed.putAll(base.config().ranges());
            }
            Set<TensorKind> given = EnumSet.noneOf(TensorKind.class);
            for (String r : ranges) {
                int eq = r.indexOf('=');
                if (eq < 0) {
                    throw new InvalidConfigException("range", "expected TENSOR=LO:HI, e.g. z=-3:3, got '" + r + "'");
                }
                TensorKind kind = parse("range", () -> TensorKind.fromId(r.substring(0, eq)));
                if (!given.add(kind)) {
                    throw new InvalidConfigException("range", "the range of " + kind.id() + " is given twice");
                }
                fixed.put(kind, parse("range", () -> Range.parse(r.substring(eq + 1))));
            }
            ExperimentConfig.Builder b = base == null ? ExperimentConfig.builder() : base.config().toBuilder();
            for (Setting<?> setting : Catalog.ALL) {
                if (parsed != null && parsed.hasMatchedOption(setting.flag())) {
                    String text = parsed.matchedOption(setting.flag()).getValue();
                    set(b, setting, text);
                }
            }
            return b.ranges(fixed).build();
        } catch (InvalidConfigException e) {
            if (e.setting().isEmpty() && !e.parameter().equals("range")) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            throw usage(e.parameter(), e.problem());
        }
    }

    private static <T> void set(ExperimentConfig.Builder b, Setting<T> setting, String text) {
        T value;
        try {
            value = setting.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(setting, e.getMessage());
        }
        b.set(setting, value);
    }

    /**
     * Adds an option for every setting of the {@link Catalog} to a command that mixes these options in: the
     * flag, the placeholder and the help (with the range and default) all come from the catalog entry.
     */
    public static final class AddSettings implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
            return addOptions(command, Catalog.ALL);
        }
    }

    /**
     * Adds an option for each setting to a command: the flag, the placeholder and the help (with the range and
     * default) all come from the entry. The value stays text; the command parses it with the setting.
     */
    static CommandLine.Model.CommandSpec addOptions(CommandLine.Model.CommandSpec command,
                                                    List<Setting<?>> settings) {
        for (Setting<?> setting : settings) {
            command.addOption(CommandLine.Model.OptionSpec.builder(setting.flag())
                    .paramLabel(setting.paramLabel())
                    .type(String.class)
                    .description(setting.commandLineHelp().replace("%", "%%"))
                    .build());
        }
        return command;
    }

    /**
     * The preset of {@code --preset}, read once, or empty without the option.
     *
     * @throws CommandLine.ParameterException when the file cannot be read or is not a valid preset: one line,
     *                                        {@code --preset FILE: PROBLEM}; or when several are given
     */
    Optional<Preset> preset() {
        return presets().stream().findFirst();
    }

    /** The file of the first preset, or null without {@code --preset}. */
    Path presetFile() {
        return presetFiles().stream().findFirst().orElse(null);
    }

    /**
     * The files of {@code --preset}, in the order given: the command declares the option, with one value or a
     * list.
     */
    List<Path> presetFiles() {
        CommandLine.Model.OptionSpec option = spec.findOption("--preset");
        Object value = option == null ? null : option.getValue();
        if (value instanceof List<?> files) {
            return files.stream().map(Path.class::cast).toList();
        }
        return value == null ? List.of() : List.of((Path) value);
    }

    /**
     * Every preset of {@code --preset}, in the order given, each read once.
     *
     * @throws CommandLine.ParameterException when a file cannot be read or is not a valid preset: one line,
     *                                        {@code --preset FILE: PROBLEM}
     */
    List<Preset> presets() {
        if (loaded == null) {
            List<Preset> read = new ArrayList<>();
            for (Path file : presetFiles()) {
                try {
                    read.add(Preset.read(file));
                } catch (PresetException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--preset " + file + ": " + e.problem());
                }
            }
            loaded = List.copyOf(read);
        }
        return loaded;
    }

    /** A usage error about one option. */
    CommandLine.ParameterException usage(String option, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), "--" + option + ": " + problem);
    }

    private <T> T parse(String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(option, e.getMessage());
        }
    }
}
