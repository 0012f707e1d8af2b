package app.initscope.cli;

import app.initscope.core.experiment.Counterparts;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.MemoryEstimate;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.Version;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainListener;
import app.initscope.core.train.TrainMemory;
import app.initscope.core.train.TrainResult;
import app.initscope.core.train.Trainer;
import app.initscope.export.AtomicFiles;
import app.initscope.export.FigureExport;
import app.initscope.export.HtmlHandout;
import app.initscope.export.Preset;
import app.initscope.export.TrainJsonReport;
import app.initscope.render.AxisMode;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import app.initscope.render.ViewCatalog;
import app.initscope.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code initscope export}: renders the window's views to PNG, SVG or CSV with the same figures and painting code
 * as the window, with no toolkit. One call can write a course's figures: several presets, a figure per strategy
 * ({@code --strategies}) and several views ({@code --views}), each preset's experiment run once for all its
 * figures, and a line per file as it is written.
 */
@Command(name = "export", modelTransformer = ExperimentOptions.AddSettings.class,
        description = {"Render a view of the experiment to PNG (at 1x, 2x or 4x), SVG or CSV, or every view to "
                + "one HTML handout, without a display. Prints each file as it is written.",
            "Several figures in one call: a --preset FILE for each experiment, --strategies LIST|all for a figure "
                + "per strategy (unless --strategy names one), and --views LIST|all. Each preset's experiment runs "
                + "once for all its figures. With several figures, a preset's files are named "
                + "<preset file>-<figure>, e.g. seed-experiment-he-single-layer1@2x.png."},
        footer = {"", "Examples:",
                "  initscope export --view single --strategy xavier --out figures",
                "  initscope export --view compare --scale 4 --out figures",
                "  initscope export --view compare --compare-axes symlog --format svg --out figures",
                "  initscope export --view depth --depth 10 --strategy small --format svg --out figures",
                "  initscope export --view histogram --strategy large --tensor activation --format csv",
                "  initscope export --preset assets/presets/deep-relu-xavier-he.json --format svg",
                "  initscope export --preset assets/presets/seed-experiment.json --strategies all \\",
                "      --views single,depth --out figures",
                "  initscope export --preset a.json --preset b.json --views all --out figures",
                "  initscope export --format html --preset assets/presets/seed-experiment.json --out handouts",
                "With --preset, the preset's view (tab, strategy, layer, gradient, toggles) is the default too."})
public final class ExportCommand extends CliCommand {

    /** The views. */
    enum View { single, compare, depth, histogram }

    /** Which tensor a histogram view shows. */
    enum Tensor { z, activation, gradient }

    /** Which gradient the third histogram shows. */
    enum Gradient { delta, weightGradient, localGradient }

    @Option(names = "--preset", paramLabel = "FILE", description = ExperimentOptions.PRESET_HELP
            + " Give several for the figures of each (--preset A --preset B).")
    List<Path> presetFiles = new ArrayList<>();

    @Mixin
    ExperimentOptions experiment;

    /** The view, or several: not both. Without either, the preset's tab, else the single view. */
    static final class Views {
        @Option(names = "--view", paramLabel = "VIEW", required = true,
                description = "single, compare, depth or histogram (default: single).")
        View one;

        @Option(names = "--views", paramLabel = "LIST", required = true,
                description = "A figure of each view listed, comma-separated, or 'all' (single, compare, depth and "
                        + "histogram).")
        String list;
    }

    @ArgGroup(exclusive = true)
    Views views;

    @Mixin
    ShownOptions shown;

    @Option(names = "--tensor", paramLabel = "T", defaultValue = "z",
            description = "The histogram view's tensor: z, activation or gradient (default: ${DEFAULT-VALUE}).")
    Tensor tensor;

    @Option(names = "--gradient", paramLabel = "G", defaultValue = "delta",
            description = "Which gradient: delta, weightGradient or localGradient (default: ${DEFAULT-VALUE}).")
    Gradient gradient;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "png",
            description = "png, svg, csv, or html: one self-contained page of every view, strategy and layer "
                    + "that opens in a browser, one per preset (--strategy, --layer, --gradient, --log-y and "
                    + "--no-theory set how it opens; --view, --scale and the axis options do not apply) (default: "
                    + "${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "2", converter = NumberOptions.Scale.class,
            description = "PNG pixels per point: 1, 2 or 4 (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "The folder to write into; it must exist (default: the current folder).")
    Path out;

    @Option(names = "--no-caption", negatable = false,
            description = "Leave out the line under the figure that names the config.")
    boolean noCaption;

    @Option(names = "--log-y", description = "Counts on a log scale.")
    boolean logY;

    @Option(names = "--lock-axes", description = "Single and histogram views: the x-axis of all strategies.")
    boolean lockAxes;

    @Option(names = "--no-theory", negatable = false, description = "Leave out the theory's curve.")
    boolean noTheory;

    @Option(names = "--with-and-without", negatable = true, description = "Depth view: also run the network "
            + "without its normalization or skips, or at the other branch scale (a plain one: with BatchNorm and with "
            + "skips), and draw their std by layer dashed.")
    boolean withAndWithout;

    @Option(names = "--compare-axes", paramLabel = "MODE", defaultValue = "shared",
            converter = AxisModeConverter.class,
            description = "The compare view's x-axes per column: shared (linear), symlog (shared symmetric-log) or "
                    + "own (each row its own) (default: ${DEFAULT-VALUE}).")
    AxisMode compareAxes;

    /** Parses shared, symlog or own. */
    static final class AxisModeConverter implements CommandLine.ITypeConverter<AxisMode> {
        @Override
        public AxisMode convert(String value) {
            try {
                return AxisMode.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--phase-diagram", description = "html: add the Phase tab's order-to-chaos diagram with a marker "
            + "per strategy (on when the preset opens on the Phase tab).")
    boolean phaseDiagram;

    @Mixin
    ThreadOptions threads;

    /**
     * Where the figures of one call come from: a preset (null without {@code --preset}), read from {@code file}.
     */
    private record Source(Path file, Preset preset) {
    }

    /** One figure to write: a view of a strategy (null for the compare view, which shows every one). */
    private record Wanted(View view, Strategy strategy) {
    }

    /** What one source's figures need, found before any work: the config to run, the figures, and how they look. */
    private record Plan(Source source, ExperimentConfig config, List<Wanted> figures, Figures.Options options,
                        boolean withAndWithout) {
    }

    @Override
    public Integer call() throws Exception {
        List<Source> sources = sources();
        if (format.trim().equalsIgnoreCase("html")) {
            if (views != null && views.list != null) {
                throw usage("--views", "the html page holds every view; leave it out with --format html");
            }
            return handouts(sources);
        }
        FigureExport.Format fmt;
        try {
            fmt = FigureExport.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw usage("--format", e.getMessage() + ", html");
        }
        if (scale != 1 && scale != 2 && scale != 4) {
            throw usage("--scale", "must be 1, 2 or 4, got " + scale);
        }
        checkPrefixes(sources);
        List<View> listed = views();
        List<Plan> plans = new ArrayList<>();
        for (Source source : sources) {
            plans.add(plan(source, listed));
        }
        boolean several = plans.stream().mapToInt(p -> p.figures().size()).sum() > 1;
        checkedOut();
        int threadCount = threads.count();
        for (Plan p : plans) {
            try {
                MemoryEstimate.check(p.config(), Runtime.getRuntime().maxMemory());
            } catch (InvalidConfigException e) {
                throw usage(p.source().file() == null ? e.getMessage()
                        : "--preset " + p.source().file() + ": " + e.getMessage());
            }
        }
        Set<Path> written = new HashSet<>();
        try (Engine engine = new Engine(threadCount)) {
            engine.warmUp();
            for (Plan p : plans) {
                ExperimentResult result = engine.runner().run(p.config(), RunListener.NONE, () -> false);
                Function<Strategy, List<Counterparts.Run>> overlays = s -> p.withAndWithout()
                        ? Counterparts.run(engine.runner(), p.config(), s, () -> false) : List.of();
                write(p, result, overlays, fmt, several ? prefix(p.source()) : "", written);
            }
        }
        return 0;
    }

    /**
     * Lays out a source's figures and checks them all (a PNG too large to render, two figures to one file), then
     * writes each and prints its path as it goes.
     *
     * @param prefix  what starts each file's name, e.g. {@code "seed-experiment-"}, or ""
     * @param written the files this call has written so far; adds those it writes
     */
    private void write(Plan p, ExperimentResult result, Function<Strategy, List<Counterparts.Run>> overlays,
                       FigureExport.Format fmt, String prefix, Set<Path> written) throws IOException {
        Map<Path, Figure> files = new LinkedHashMap<>();
        for (Wanted w : p.figures()) {
            Figure figure = figure(result, w, p.options(), overlays);
            String tooLarge = fmt == FigureExport.Format.PNG
                    ? FigureExport.pngProblem(figure, scale, Runtime.getRuntime().maxMemory()) : null;
            if (tooLarge != null) {
                throw usage("--scale", tooLarge);
            }
            Path file = out.resolve(FigureExport.fileName(prefix + figure.name(), fmt, scale));
            if (written.contains(file) || files.putIfAbsent(file, figure) != null) {
                throw usage("--preset", "two figures would be written to " + file.getFileName()
                        + "; give the presets file names that do not start alike");
            }
        }
        for (Map.Entry<Path, Figure> e : files.entrySet()) {
            // no format needs a toolkit: the PNG is painted with Java2D, headless
            AtomicFiles.write(e.getKey(), FigureExport.content(e.getValue(), fmt, scale));
            written.add(e.getKey());
            out().println(e.getKey().toAbsolutePath());
            out().flush();
        }
    }

    /** The sources: each {@code --preset} in the order given, or the options alone. */
    private List<Source> sources() {
        List<Path> files = presetFiles;
        if (files.isEmpty()) {
            return List.of(new Source(null, null));
        }
        Set<Path> seen = new HashSet<>();
        for (Path file : files) {
            if (!seen.add(file.toAbsolutePath().normalize())) {
                throw usage("--preset", file + " is given twice");
            }
        }
        List<Preset> read = experiment.presets();
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            sources.add(new Source(files.get(i), read.get(i)));
        }
        return sources;
    }

    /**
     * Refuses presets whose files have the same name in different folders: their figures' files would have the
     * same names.
     */
    private void checkPrefixes(List<Source> sources) {
        Map<String, Path> byPrefix = new HashMap<>();
        for (Source s : sources) {
            Path clash = s.file() == null ? null : byPrefix.putIfAbsent(prefix(s), s.file());
            if (clash != null) {
                throw usage("--preset", clash + " and " + s.file() + " would write files of the same names (both "
                        + "start with " + prefix(s) + "); give them different file names");
            }
        }
    }

    /** A preset file's name without its extension, e.g. {@code seed-experiment}. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** What starts the name of each file of a source's figures when a call writes several. */
    private static String prefix(Source source) {
        return source.preset() == null ? "" : stem(source.file()) + "-";
    }

    /** The views of {@code --view} or {@code --views}, or null without either. */
    private List<View> views() {
        if (views == null) {
            return null;
        }
        if (views.one != null) {
            return List.of(views.one);
        }
        if (views.list.trim().equalsIgnoreCase("all")) {
            return List.of(View.values());
        }
        Set<View> list = new LinkedHashSet<>();
        for (String id : views.list.split(",", -1)) {
            View v = Arrays.stream(View.values()).filter(x -> x.name().equalsIgnoreCase(id.trim())).findFirst()
                    .orElseThrow(() -> usage("--views", "unknown view '" + id.trim() + "'; valid: single, "
                            + "compare, depth, histogram, or all"));
            if (!list.add(v)) {
                throw usage("--views", "lists " + v + " twice");
            }
        }
        return List.copyOf(list);
    }

    /**
     * A source's config, figures and look: each view option given on the command line, else the preset's view,
     * else the option's default.
     *
     * @param listed the views of {@code --view} or {@code --views}, or null
     */
    private Plan plan(Source source, List<View> listed) {
        Preset preset = source.preset();
        Preset.ViewState v = preset == null ? null : preset.view();
        ExperimentConfig config = experiment.toConfig(preset);
        List<View> chosen = listed != null ? listed : List.of(v == null ? View.single : switch (v.tab()) {
            case "compare" -> View.compare;
            case "depth" -> View.depth;
            default -> View.single;
        });
        Strategy one = shown.strategy(preset);
        boolean eachStrategy = !given("--strategy") && given(Catalog.STRATEGIES.flag());
        List<Strategy> strategies = eachStrategy ? config.strategies() : List.of(one);
        List<Wanted> figures = new ArrayList<>();
        for (View each : chosen) {
            if (each == View.compare) {
                figures.add(new Wanted(each, null));
            } else {
                strategies.forEach(s -> figures.add(new Wanted(each, s)));
            }
        }
        if (!eachStrategy && chosen.stream().anyMatch(each -> each != View.compare)) {
            config = ShownOptions.including(config, one);
        }
        int layer = shown.layer(preset, config);
        Gradient g = v == null || given("--gradient") ? gradient : Gradient.valueOf(v.gradient());
        boolean log = logY || v != null && !given("--log-y") && v.logY();
        boolean lock = lockAxes || v != null && !given("--lock-axes") && v.lockAxes();
        boolean theory = !(noTheory || v != null && !given("--no-theory") && !v.showTheory());
        Figures.Options options = new Figures.Options(layer, kind(g), log, theory, lock, !noCaption, compareAxes);
        boolean ww = given("--with-and-without") ? withAndWithout : v != null && v.get(ViewCatalog.WITH_AND_WITHOUT);
        return new Plan(source, config, figures, options, ww);
    }

    private Figure figure(ExperimentResult result, Wanted w, Figures.Options options,
                          Function<Strategy, List<Counterparts.Run>> overlays) {
        return switch (w.view()) {
            case single -> Figures.single(result, w.strategy(), options);
            case compare -> Figures.compare(result, result.config().strategies(), options);
            case depth -> Figures.depth(result, w.strategy(), result.config().strategies(), overlays.apply(w.strategy()),
                    options);
            case histogram -> Figures.histogram(result, w.strategy(), switch (tensor) {
                case z -> TensorKind.Z;
                case activation -> TensorKind.ACTIVATION;
                case gradient -> options.gradient();
            }, options);
        };
    }

    /** {@code --format html}: a page per source, all checked before the first is computed. */
    private int handouts(List<Source> sources) throws IOException {
        Map<Path, Path> pages = new HashMap<>();
        for (Source s : sources) {
            Path page = checkedOut().resolve(HtmlHandout.fileName(s.preset() == null ? null : s.preset().name()));
            Path clash = pages.putIfAbsent(page, s.file());
            if (clash != null) {
                throw usage("--preset", clash + " and " + s.file() + " have the same name, so both pages would be "
                        + page.getFileName());
            }
            String problem = AtomicFiles.problem(page);
            if (problem != null) {
                throw usage("--out", problem);
            }
        }
        for (Source s : sources) {
            handout(s);
        }
        return 0;
    }

    /**
     * One handout: computes the experiment (and, when the preset has a {@code "train"} object, its training), then
     * writes one self-contained page whose data is the JSON of {@code run --format json} for the same config. A
     * {@code --strategy} given on the command line and missing from the strategies is added to the run, as for the
     * other views; the default one is not, and the page then opens on the first strategy.
     */
    private void handout(Source source) throws IOException {
        Preset preset = source.preset();
        Strategy strategy = shown.strategy(preset);
        ExperimentConfig given = experiment.toConfig(preset);
        ExperimentConfig config = given("--strategy") ? ShownOptions.including(given, strategy) : given;
        int layer = shown.layer(preset, config);
        Preset.ViewState v = preset == null ? null : preset.view();
        Gradient g = v == null || given("--gradient") ? gradient : Gradient.valueOf(v.gradient());
        boolean log = logY || v != null && !given("--log-y") && v.logY();
        boolean theory = !(noTheory || v != null && !given("--no-theory") && !v.showTheory());
        int threadCount = threads.count();
        try {
            MemoryEstimate.check(config, Runtime.getRuntime().maxMemory(), true, 0);
        } catch (InvalidConfigException e) {
            throw usage(e.getMessage());
        }
        TrainConfig train = preset == null ? null : preset.train();
        if (train != null && config.get(Catalog.SIGMA_B) != 0) {
            train = null;                   // training starts its biases at 0: a σ_b config has no training
        }
        try {
            if (train != null) {
                TrainMemory.check(config, train, 1, true, Runtime.getRuntime().maxMemory());
            }
        } catch (InvalidConfigException e) {
            throw usage(e.getMessage());
        }
        ExperimentResult result;
        List<Double> millis = new ArrayList<>();
        com.fasterxml.jackson.databind.node.ObjectNode trained = null;
        try (Engine engine = new Engine(threadCount)) {
            long start = System.nanoTime();
            result = engine.runner().run(config, RunListener.NONE, () -> false);
            millis.add((System.nanoTime() - start) / 1e6);
            if (train != null) {
                Trainer trainer = engine.trainer(1);
                Dataset data = trainer.dataset(config, train);
                List<TrainResult> results = new ArrayList<>();
                long t0 = System.nanoTime();
                for (Strategy s : config.strategies()) {
                    try {
                        results.add(trainer.train(config, train, data, s, TrainListener.NONE, () -> false));
                    } catch (InvalidConfigException e) {
                        throw experiment.usage(e.parameter(), e.problem());
                    }
                }
                trained = TrainJsonReport.toTree(config, train, data.classification(), List.of(results),
                        Version.get(), List.of((System.nanoTime() - t0) / 1e6));
            }
        }
        boolean phase = phaseDiagram || preset != null && preset.view().tab().equals("phase");
        String name = preset == null ? null : preset.name();
        String description = preset == null ? null : preset.description();
        HtmlHandout.Content content = new HtmlHandout.Content(name, description, result,
                new HtmlHandout.View(strategy, layer, kind(g), log, theory), Version.get(), millis,
                trained, phase ? HtmlHandout.phaseDiagram(config) : null);
        Path written = HtmlHandout.write(content, out);
        out().println(written.toAbsolutePath());
        out().flush();
    }

    /** The {@code --out} folder, checked: it must be given and exist. */
    private Path checkedOut() {
        if (out.toString().isBlank()) {
            throw usage("--out", "an empty folder name; give a folder, e.g. --out .");
        }
        if (!Files.isDirectory(out)) {
            throw usage("--out", "folder " + out.toAbsolutePath() + " does not exist");
        }
        return out;
    }

    private static TensorKind kind(Gradient g) {
        return switch (g) {
            case delta -> TensorKind.DELTA;
            case weightGradient -> TensorKind.WEIGHT_GRADIENT;
            case localGradient -> TensorKind.LOCAL_GRADIENT;
        };
    }
}
