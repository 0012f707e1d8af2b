package app.initscope.cli;

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
import app.initscope.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code initscope export}: renders the window's views to PNG, SVG or CSV with the same figures and painting code
 * as the window. SVG and CSV need no toolkit at all; only a PNG starts JavaFX's headless platform (no display
 * needed) to rasterise.
 */
@Command(name = "export",
        description = "Render a view of the experiment to PNG (at 1x, 2x or 4x), SVG or CSV, or every view to "
                + "one HTML handout, without a display. Prints the files it wrote.",
        footer = {"", "Examples:",
                "  initscope export --view single --strategy xavier --out figures",
                "  initscope export --view compare --scale 4 --out figures",
                "  initscope export --view compare --compare-axes symlog --format svg --out figures",
                "  initscope export --view depth --depth 10 --strategy small --format svg --out figures",
                "  initscope export --view histogram --strategy large --tensor activation --format csv",
                "  initscope export --preset assets/presets/deep-relu-xavier-he.json --format svg",
                "  initscope export --format html --preset assets/presets/seed-experiment.json --out handouts",
                "With --preset, the preset's view (tab, strategy, layer, gradient, toggles) is the default too."})
public final class ExportCommand extends ExperimentCommand {

    /** The views. */
    enum View { single, compare, depth, histogram }

    /** Which tensor a histogram view shows. */
    enum Tensor { z, activation, gradient }

    /** Which gradient the third histogram shows. */
    enum Gradient { delta, weightGradient, localGradient }

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "single",
            description = "single, compare, depth or histogram (default: ${DEFAULT-VALUE}).")
    View view;

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
                    + "that opens in a browser (--strategy, --layer, --gradient, --log-y and --no-theory set how it "
                    + "opens; --view, --scale and the axis options do not apply) (default: ${DEFAULT-VALUE}).")
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

    /** Takes the view of {@code --preset} for every view option not given on the command line. */
    private void viewFromPreset() {
        experiment.preset().ifPresent(p -> {
            var v = p.view();
            if (!given("--view")) {
                view = switch (v.tab()) {
                    case "compare" -> View.compare;
                    case "depth" -> View.depth;
                    default -> View.single;
                };
            }
            if (!given("--gradient")) {
                gradient = Gradient.valueOf(v.gradient());
            }
            logY |= !given("--log-y") && v.logY();
            lockAxes |= !given("--lock-axes") && v.lockAxes();
            noTheory |= !given("--no-theory") && !v.showTheory();
        });
    }

    @Override
    int call(ExperimentConfig given) throws Exception {
        ExperimentConfig config = given;
        viewFromPreset();
        Preset preset = experiment.preset().orElse(null);
        Strategy strategy = shown.strategy(preset);
        if (format.trim().equalsIgnoreCase("html")) {
            return handout(config, strategy);
        }
        if (view != View.compare) {
            config = ShownOptions.including(config, strategy);
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
        int layer = shown.layer(preset, config);
        checkedOut();
        int threadCount = threads.count();
        try {
            MemoryEstimate.check(config, Runtime.getRuntime().maxMemory());
        } catch (InvalidConfigException e) {
            throw usage(e.getMessage());
        }
        ExperimentResult result;
        try (Engine engine = new Engine(threadCount)) {
            result = engine.runner().run(config, RunListener.NONE, () -> false);
        }
        Figures.Options options = new Figures.Options(layer, gradientKind(), logY, !noTheory, lockAxes,
                !noCaption, compareAxes);
        Figure figure = switch (view) {
            case single -> Figures.single(result, strategy, options);
            case compare -> Figures.compare(result, result.config().strategies(), options);
            case depth -> Figures.depth(result, strategy, result.config().strategies(), options);
            case histogram -> Figures.histogram(result, strategy, switch (tensor) {
                case z -> TensorKind.Z;
                case activation -> TensorKind.ACTIVATION;
                case gradient -> gradientKind();
            }, options);
        };
        String tooLarge = fmt == FigureExport.Format.PNG
                ? FigureExport.pngProblem(figure, scale, Runtime.getRuntime().maxMemory()) : null;
        if (tooLarge != null) {
            throw usage("--scale", tooLarge);
        }
        // no format needs a toolkit: the PNG is painted with Java2D, headless
        Path file = FigureExport.write(figure, fmt, scale, out);
        out().println(file.toAbsolutePath());
        out().flush();
        return 0;
    }

    /**
     * {@code --format html}: computes the experiment (and, when the preset has a {@code "train"} object, its
     * training), then writes one self-contained page whose data is the JSON of {@code run --format json} for the
     * same config. A {@code --strategy} given on the command line and missing from the strategies is added to the
     * run, as for the other views; the default one is not, and the page then opens on the first strategy.
     */
    private int handout(ExperimentConfig given, Strategy strategy) throws java.io.IOException {
        ExperimentConfig config = given("--strategy") ? ShownOptions.including(given, strategy) : given;
        int layer = shown.layer(experiment.preset().orElse(null), config);
        Path file = checkedOut().resolve(HtmlHandout.fileName(experiment.preset().map(p -> p.name()).orElse(null)));
        String problem = AtomicFiles.problem(file);
        if (problem != null) {
            throw usage("--out", problem);
        }
        int threadCount = threads.count();
        try {
            MemoryEstimate.check(config, Runtime.getRuntime().maxMemory(), true, 0);
        } catch (InvalidConfigException e) {
            throw usage(e.getMessage());
        }
        TrainConfig train = experiment.preset().map(p -> p.train()).orElse(null);
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
        boolean phase = phaseDiagram || experiment.preset().map(p -> p.view().tab().equals("phase")).orElse(false);
        String name = experiment.preset().map(p -> p.name()).orElse(null);
        String description = experiment.preset().map(p -> p.description()).orElse(null);
        HtmlHandout.Content content = new HtmlHandout.Content(name, description, result,
                new HtmlHandout.View(strategy, layer, gradientKind(), logY, !noTheory), Version.get(), millis,
                trained, phase ? HtmlHandout.phaseDiagram(config) : null);
        Path written = HtmlHandout.write(content, out);
        out().println(written.toAbsolutePath());
        out().flush();
        return 0;
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

    private TensorKind gradientKind() {
        return switch (gradient) {
            case delta -> TensorKind.DELTA;
            case weightGradient -> TensorKind.WEIGHT_GRADIENT;
            case localGradient -> TensorKind.LOCAL_GRADIENT;
        };
    }
}
