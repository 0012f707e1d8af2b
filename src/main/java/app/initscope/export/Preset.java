package app.initscope.export;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import app.initscope.render.ViewCatalog;
import app.initscope.core.stats.Range;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A prepared experiment and the way to look at it, so that a lecture can be prepared once and replayed: the full
 * {@link ExperimentConfig} and the window's {@link ViewState}, with an optional name and description.
 *
 * <p>A preset file is UTF-8 JSON:
 * <pre>
 * {
 *   "initscope-preset": 1,
 *   "name": "Deep ReLU: Xavier vs He",
 *   "description": "One sentence on what the preset shows.",
 *   "config": {
 *     "strategies": ["xavier", "he"],
 *     "activation": "relu",
 *     "fanIn": 500, "samples": 1000, "width": 500, "depth": 10, "outputs": 10, "seed": 42,
 *     "leakySlope": 0.01, "constant": 0.01, "sigma": 0.01, "bins": 60,
 *     "input": "normal",
 *     "ranges": {"z": [-3.0, 3.0], "delta": [-0.001, 0.001]}
 *   },
 *   "view": {
 *     "strategy": "he", "layer": 1, "gradient": "delta",
 *     "logY": false, "showTheory": true, "lockAxes": false, "tab": "depth"
 *   },
 *   "train": {
 *     "dataset": "spiral", "noise": 0.1, "optimizer": "adam", "lr": 0.01, "batch": 64, "steps": 1000,
 *     "evalEvery": 50, "bias": true
 *   }
 * }
 * </pre>
 * <ul>
 *   <li>{@code "initscope-preset"} is the format version and is required. This InitScope reads and writes
 *       {@value #FORMAT}; a larger number comes from a newer InitScope and is refused.</li>
 *   <li>{@code "name"} and {@code "description"} are optional strings.</li>
 *   <li>{@code "config"} is required, with every field but {@code "ranges"}: the field names and ids are those of
 *       the {@code "config"} of {@code initscope run --format json} and of the command line's options, and the
 *       values must pass {@link ExperimentConfig}'s validation. {@code "ranges"} fixes histogram ranges, tensor id
 *       (z, activation, localGradient, delta, weightGradient) to {@code [lo, hi]}; a tensor without one uses its
 *       finite min and max.</li>
 *   <li>{@code "view"} is optional ({@link ViewState#DEFAULT} when absent); when present, every field of
 *       {@link ViewCatalog} is required but those added after the first format (jacobian, compareAxes,
 *       phaseColour, trainStrategy, heatTensor, eval, batchAccuracy), which take their defaults when absent; its
 *       layer must not be deeper than the config's depth.</li>
 *   <li>{@code "train"} is optional (presets written before training existed have none): the training settings
 *       of the Train view, keyed as the {@code "train"} object of {@code initscope train}'s JSON config. When
 *       present, every field is required; {@code "batch"} is a whole number or {@code "full"}.</li>
 *   <li>Whole numbers are required where the config has an integer ({@code 1e3} and {@code 10.0} are whole,
 *       {@code 10.5} is not); every number must be finite (JSON has no NaN, and a literal such as {@code 1e400},
 *       which overflows to infinity, is refused); a string is never a number. A key given twice is refused.</li>
 *   <li><b>Unknown fields are ignored</b>, at every level: a file that a later InitScope wrote with extra fields
 *       still reads as long as its format version is {@value #FORMAT}. Since a misspelt field is therefore
 *       ignored too, every field that is not optional must be present: a typo shows up as a missing field.</li>
 * </ul>
 * {@link #toJson()} writes this shape with the fields in the order above, so the same preset always gives the same
 * text.
 *
 * @param name        a short title for a menu, or null
 * @param description one or two sentences on what the preset shows, or null
 * @param config      the experiment
 * @param view        how the window shows it; its layer is at most {@code config.depth()}
 * @param train       the training settings, or null when the preset has none
 */
public record Preset(String name, String description, ExperimentConfig config, ViewState view,
                     app.initscope.core.train.TrainConfig train) {

    /** The format version this InitScope writes and reads. */
    public static final int FORMAT = 1;
    /** The key of the format version. */
    public static final String FORMAT_KEY = "initscope-preset";

    /** The presets shipped with InitScope, by file name without {@code .json}, in menu order. */
    private static final List<String> BUNDLED = List.of("seed-experiment", "deep-tanh-small-xavier-large",
            "deep-relu-xavier-he", "leaky-relu-he-gain", "orthogonal-vs-gaussian", "train-digits-tanh",
            "train-spiral-relu", "phase-diagram-tanh", "correlation-through-depth", "jacobian-orthogonal-vs-gaussian",
            "batchnorm-rescues-small", "residual-scaling", "batchnorm-gradient-explosion");
    /** Where the build puts {@code assets/presets/*.json}: resources of this module, readable by its own classes. */
    private static final String RESOURCES = "/app/initscope/presets/";

    private static final ObjectWriter WRITER = PresetReader.MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    /**
     * Checks that the view's layer exists in the network.
     *
     * @throws IllegalArgumentException when config or view is null, or the layer is deeper than the depth
     */
    public Preset {
        if (config == null) {
            throw new IllegalArgumentException("missing 'config'");
        }
        if (view == null) {
            throw new IllegalArgumentException("missing 'view'");
        }
        if (view.layer() > config.depth()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "'view.layer' %d is deeper than 'config.depth' %d", view.layer(), config.depth()));
        }
    }

    /** A preset without training settings. */
    public Preset(String name, String description, ExperimentConfig config, ViewState view) {
        this(name, description, config, view, null);
    }

    /** A preset without name, description and training settings. */
    public Preset(ExperimentConfig config, ViewState view) {
        this(null, null, config, view, null);
    }

    /**
     * What the window shows: a value for every entry of {@link ViewCatalog} (the tab, the strategy and layer, the
     * gradient, the toggles, the compare view's axes, the phase map's colours, the training charts' choices).
     *
     * @param values every view option's value; missing ones take their default
     */
    public record ViewState(Map<Setting<?>, Object> values) {

        /** The window's defaults: Xavier, layer 1, δ, linear counts, theory on, free axes, Single. */
        public static final ViewState DEFAULT = new ViewState(Map.of());

        /**
         * Validates the values and fills in the defaults.
         *
         * @throws IllegalArgumentException naming the field ({@code 'view.layer'}, ...) when a value is out of range
         */
        public ViewState {
            Map<Setting<?>, Object> all = new LinkedHashMap<>();
            for (Setting<?> s : ViewCatalog.ALL) {
                Object v = s.cast(values.containsKey(s) ? values.get(s) : s.defaultValue());
                String problem = s.problem(v);
                if (problem != null) {
                    throw new IllegalArgumentException("'view." + s.id() + "' " + problem);
                }
                all.put(s, v);
            }
            values = Collections.unmodifiableMap(all);
        }

        /** The classic seven fields, the rest at their defaults. */
        public ViewState(String strategy, int layer, String gradient, boolean logY, boolean showTheory,
                         boolean lockAxes, String tab) {
            this(strategy, layer, gradient, logY, showTheory, lockAxes, tab, false);
        }

        /** The classic seven fields and the Jacobian, the rest at their defaults. */
        public ViewState(String strategy, int layer, String gradient, boolean logY, boolean showTheory,
                         boolean lockAxes, String tab, boolean jacobian) {
            this(classic(strategy, layer, gradient, logY, showTheory, lockAxes, tab, jacobian));
        }

        private static Map<Setting<?>, Object> classic(String strategy, int layer, String gradient, boolean logY,
                                                       boolean showTheory, boolean lockAxes, String tab,
                                                       boolean jacobian) {
            Map<Setting<?>, Object> m = new LinkedHashMap<>();
            m.put(ViewCatalog.STRATEGY, parse(ViewCatalog.STRATEGY, strategy));
            m.put(ViewCatalog.LAYER, layer);
            m.put(ViewCatalog.GRADIENT, parse(ViewCatalog.GRADIENT, gradient));
            m.put(ViewCatalog.LOG_Y, logY);
            m.put(ViewCatalog.SHOW_THEORY, showTheory);
            m.put(ViewCatalog.LOCK_AXES, lockAxes);
            m.put(ViewCatalog.TAB, parse(ViewCatalog.TAB, tab));
            m.put(ViewCatalog.JACOBIAN, jacobian);
            return m;
        }

        private static Object parse(Setting<?> s, String text) {
            if (text == null) {
                throw new IllegalArgumentException("'view." + s.id() + "' is missing; valid: " + s.choices());
            }
            try {
                return s.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'view." + s.id() + "': " + e.getMessage(), e);
            }
        }

        /** One option's value. */
        public <T> T get(Setting<T> s) {
            return s.cast(values.get(s));
        }

        /** This view state with one option changed. */
        public ViewState with(Setting<?> s, Object value) {
            Map<Setting<?>, Object> m = new LinkedHashMap<>(values);
            m.put(s, value);
            return new ViewState(m);
        }

        /** The strategy shown, as its id. */
        public String strategy() {
            return get(ViewCatalog.STRATEGY).id();
        }

        public int layer() {
            return get(ViewCatalog.LAYER);
        }

        /** The third histogram's tensor id: delta, weightGradient or localGradient. */
        public String gradient() {
            return get(ViewCatalog.GRADIENT).tensor().id();
        }

        public boolean logY() {
            return get(ViewCatalog.LOG_Y);
        }

        public boolean showTheory() {
            return get(ViewCatalog.SHOW_THEORY);
        }

        public boolean lockAxes() {
            return get(ViewCatalog.LOCK_AXES);
        }

        /** The tab, as its id. */
        public String tab() {
            return get(ViewCatalog.TAB).id();
        }

        public boolean jacobian() {
            return get(ViewCatalog.JACOBIAN);
        }
    }

    /**
     * Reads a preset file.
     *
     * @throws PresetException when the file cannot be read or is not a valid preset; the message says why in one
     *                         line
     */
    public static Preset read(Path file) throws PresetException {
        if (Files.isDirectory(file)) {
            throw new PresetException("is a folder, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a FIFO or a device would block the read for ever, or never end
            throw new PresetException("is not a regular file (a pipe or a device?); give a preset file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(PresetReader.MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new PresetException("file not found", e);
        } catch (AccessDeniedException e) {
            throw new PresetException("cannot read the file: access denied", e);
        } catch (IOException e) {
            throw new PresetException("cannot read the file: " + e.getMessage(), e);
        }
        return PresetReader.parse(bytes);
    }

    /**
     * Parses a preset from JSON text.
     *
     * @throws PresetException when the text is not a valid preset; the message says why in one line
     */
    public static Preset parse(String json) throws PresetException {
        return PresetReader.parse(json);
    }

    /** The preset as indented JSON (two spaces, {@code \n}, a final newline), its fields in a fixed order. */
    public String toJson() {
        ObjectNode root = PresetReader.MAPPER.createObjectNode();
        root.put(FORMAT_KEY, FORMAT);
        if (name != null) {
            root.put("name", name);
        }
        if (description != null) {
            root.put("description", description);
        }
        ObjectNode c = JsonReport.config(config);
        if (!config.ranges().isEmpty()) {
            ObjectNode ranges = c.putObject("ranges");
            for (TensorKind kind : TensorKind.values()) {
                Range r = config.ranges().get(kind);
                if (r != null) {
                    ranges.putArray(kind.id()).add(r.lo()).add(r.hi());
                }
            }
        }
        root.set("config", c);
        ObjectNode v = root.putObject("view");
        for (Setting<?> setting : ViewCatalog.ALL) {
            Object value = view.get(setting);
            // an option that files may leave out is written only when it differs from its default: older files
            // stay as they were
            if (!setting.optionalInFiles() || !value.equals(setting.defaultValue())) {
                JsonReport.setting(v, setting, value);
            }
        }
        if (train != null) {
            root.set("train", TrainJsonReport.train(train));
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /**
     * Writes {@link #toJson()} to a file atomically: a reader sees the old file or the whole new one.
     *
     * @throws IOException with a message that names the file
     */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** The names of the presets shipped with InitScope (file names without {@code .json}), in menu order. */
    public static List<String> bundledNames() {
        return BUNDLED;
    }

    /**
     * A preset shipped with InitScope, read from this module's resources ({@code /app/initscope/presets/NAME.json},
     * copied there from {@code assets/presets/} by the build).
     *
     * @param name one of {@link #bundledNames()}
     * @throws IllegalArgumentException when there is no such bundled preset
     * @throws IllegalStateException    when the build left the resource out or it does not parse (a build error)
     */
    public static Preset bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new IllegalArgumentException("no bundled preset '" + name + "'; bundled: "
                    + String.join(", ", BUNDLED));
        }
        String resource = RESOURCES + name + ".json";
        try (InputStream in = Preset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled preset " + resource + " is missing from the build");
            }
            return PresetReader.parse(in.readNBytes(PresetReader.MAX_BYTES + 1));
        } catch (IOException | PresetException e) {
            throw new IllegalStateException("the bundled preset " + resource + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /** Every preset shipped with InitScope, in menu order. */
    public static List<Preset> bundled() {
        return BUNDLED.stream().map(Preset::bundled).toList();
    }
}
