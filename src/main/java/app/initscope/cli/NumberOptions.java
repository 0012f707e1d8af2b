package app.initscope.cli;

import app.initscope.core.settings.Setting;
import picocli.CommandLine;

/**
 * The command line's own numbers, those that are no setting of an experiment, of training or of the theory:
 * each is described as a {@link Setting}, so that {@link Setting#parse} (the strict syntax) and its range check
 * them as they check {@code --fan-in}. An option takes one through its converter, e.g.
 * {@code @Option(names = "--repeat", converter = NumberOptions.Repeat.class)}.
 */
final class NumberOptions {

    static final Setting<Integer> THREADS = Setting.integer("threads", "--threads", 1).range(1, 256)
            .help("Compute threads.").build();
    static final Setting<Integer> REPEAT = Setting.integer("repeat", "--repeat", 1).range(1, 1000)
            .help("Runs to make.").build();
    static final Setting<Integer> GRID_SIZE = Setting.integer("gridSize", "--grid-size", 50).range(2, 1000)
            .help("Points along each axis of the phase grid.").build();
    static final Setting<Integer> SCALE = Setting.integer("scale", "--scale", 2).range(1, 4)
            .help("PNG pixels per point.").build();
    /** Its range is the config's depth, which {@link ShownOptions#checkLayer} checks. */
    static final Setting<Integer> LAYER = Setting.integer("layer", "--layer", 1)
            .range(Integer.MIN_VALUE, Integer.MAX_VALUE).help("The hidden layer shown.").build();

    private NumberOptions() {
    }

    /** Converts an option's text with a setting: its strict syntax, then its range; a problem names neither. */
    abstract static class Parsed implements CommandLine.ITypeConverter<Integer> {

        private final Setting<Integer> setting;

        Parsed(Setting<Integer> setting) {
            this.setting = setting;
        }

        /** The setting that parses the option. */
        Setting<Integer> setting() {
            return setting;
        }

        @Override
        public Integer convert(String text) {
            Integer value;
            try {
                value = setting.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            String problem = setting.problem(value);
            if (problem != null) {
                throw new CommandLine.TypeConversionException(problem);
            }
            return value;
        }
    }

    /** {@code --threads}. */
    static final class Threads extends Parsed {
        Threads() {
            super(THREADS);
        }
    }

    /** {@code --repeat}. */
    static final class Repeat extends Parsed {
        Repeat() {
            super(REPEAT);
        }
    }

    /** {@code --grid-size}. */
    static final class GridSize extends Parsed {
        GridSize() {
            super(GRID_SIZE);
        }
    }

    /** {@code --scale}. */
    static final class Scale extends Parsed {
        Scale() {
            super(SCALE);
        }
    }

    /** {@code --layer}. */
    static final class Layer extends Parsed {
        Layer() {
            super(LAYER);
        }
    }
}
