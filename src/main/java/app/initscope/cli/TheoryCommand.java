package app.initscope.cli;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.MemoryEstimate;
import app.initscope.core.experiment.TheoryCatalog;
import app.initscope.core.nn.Activation;
import app.initscope.core.settings.Setting;
import app.initscope.core.theory.GridMemory;
import app.initscope.core.theory.MeanField;
import app.initscope.engine.ComputePool;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code initscope theory}: the mean-field predictions at one (σ_w², σ_b²), the critical σ_w² for a σ_b², or the
 * phase grid. JSON:
 * <pre>
 *   {"activation", "sigmaW2", "sigmaB2", "qStar", "chi1", "phase", "cStar", "chiC", "xiQ", "xiC", "trainableDepth"}
 *   --critical: {"activation", "sigmaB2", "criticalSigmaW2"}
 * </pre>
 * A number that is not finite (an infinite depth scale at criticality, a q* that diverges) is {@code null}, which
 * always means +∞.
 */
@Command(name = "theory", modelTransformer = TheoryCommand.AddSettings.class,
        description = "Print what the mean-field theory predicts for a deep network with weight variance "
                + "σ_w²/fan_in and bias variance σ_b²: the fixed point q* of Var(z), χ₁ and the phase (ordered, "
                + "critical or chaotic), the correlation fixed point c* and the depth scales.",
        footer = {"", "Examples:",
                "  initscope theory --activation tanh --sigma-w2 1.5 --sigma-b2 0.05",
                "  initscope theory --critical --sigma-b2 0.1 --format json",
                "  initscope theory --grid --grid-size 100 --format csv --output phase.csv"})
public final class TheoryCommand extends CliCommand {

    /** Output formats. */
    enum Format { table, json, csv }

    /** The options that come from settings: the activation, its slope and the theory's own. */
    static final List<Setting<?>> SETTINGS = List.of(Catalog.ACTIVATION, Catalog.LEAKY_SLOPE,
            TheoryCatalog.SIGMA_W2, TheoryCatalog.SIGMA_B2);

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--critical", description = "Print the σ_w² at which χ₁ = 1 for the --sigma-b2 given.")
    boolean critical;

    @Option(names = "--grid", description = "Print the phase grid over σ_w² ∈ [0.5, 5] × σ_b² ∈ [0, 0.5] as CSV.")
    boolean grid;

    @Option(names = "--grid-size", paramLabel = "N", defaultValue = "50",
            converter = NumberOptions.GridSize.class,
            description = "Points along each axis of the grid, 2..1000 (default: ${DEFAULT-VALUE}).")
    int gridSize;

    @Option(names = "--format", paramLabel = "FMT",
            description = "table or json; csv for --grid (default: table, csv for --grid).")
    Format format;

    @CommandLine.Mixin
    OutputFile file;

    @Override
    public Integer call() throws IOException {
        Map<Setting<?>, Object> values = values();
        Activation activation = (Activation) values.get(Catalog.ACTIVATION);
        double slope = (Double) values.get(Catalog.LEAKY_SLOPE);
        double sigmaW2 = (Double) values.get(TheoryCatalog.SIGMA_W2);
        double sigmaB2 = (Double) values.get(TheoryCatalog.SIGMA_B2);
        if (critical && grid) {
            throw usage("--grid", "cannot be combined with --critical");
        }
        if (sigmaW2 <= 0) {
            throw usage(TheoryCatalog.SIGMA_W2.flag(), "must be > 0, got " + sigmaW2);
        }
        if (critical && given(TheoryCatalog.SIGMA_W2)) {
            throw usage(TheoryCatalog.SIGMA_W2.flag(), "is what --critical finds; give only --sigma-b2");
        }
        if (grid && (given(TheoryCatalog.SIGMA_W2) || given(TheoryCatalog.SIGMA_B2))) {
            throw usage(given(TheoryCatalog.SIGMA_W2) ? "--sigma-w2" : "--sigma-b2",
                    "the grid covers σ_w² ∈ [0.5, 5] × σ_b² ∈ [0, 0.5]; leave it out with --grid");
        }
        if (!grid && given("--grid-size")) {
            throw usage("--grid-size", "sets the size of the --grid; give --grid too, or leave it out");
        }
        Format f = format != null ? format : grid ? Format.csv : Format.table;
        if (grid && f != Format.csv) {
            throw usage("--format", "--grid prints csv, got " + f);
        }
        if (!grid && f == Format.csv) {
            throw usage("--format", "csv is for --grid; use table or json");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (grid && GridMemory.bytes(gridSize) > heap * MemoryEstimate.HEAP_SHARE) {
            throw usage("--grid-size", String.format(Locale.ROOT, "a grid of %d × %d points needs about %s but at "
                    + "most %s may be used (75%% of the %s heap); reduce it", gridSize, gridSize,
                    MemoryEstimate.human(GridMemory.bytes(gridSize)), MemoryEstimate.human((long) (heap
                            * MemoryEstimate.HEAP_SHARE)), MemoryEstimate.human(heap)));
        }
        String unwritable = file.problem();
        if (unwritable != null) {
            throw usage("--output", unwritable);
        }
        MeanField theory = new MeanField(activation, slope);
        String text;
        if (grid) {
            try (ComputePool pool = ComputePool.allCores()) {
                text = csv(theory.grid(gridSize, pool));
            }
        } else if (critical) {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("activation", activation.id());
            n.put("sigmaB2", sigmaB2);
            number(n, "criticalSigmaW2", theory.criticalSigmaW2(sigmaB2));
            text = f == Format.json ? json(n) : table(n);
        } else {
            ObjectNode n = point(activation, theory.analyse(sigmaW2, sigmaB2));
            text = f == Format.json ? json(n) : table(n);
        }
        file.write(text, out(), err());
        return 0;
    }

    /** Every setting's value: the one given on the command line (parsed and range-checked), else its default. */
    private Map<Setting<?>, Object> values() {
        Map<Setting<?>, Object> values = new HashMap<>();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (Setting<?> s : SETTINGS) {
            Object v = s.defaultValue();
            if (parsed != null && parsed.hasMatchedOption(s.flag())) {
                try {
                    v = s.parse(parsed.matchedOption(s.flag()).getValue());
                } catch (IllegalArgumentException e) {
                    throw usage(s.flag(), e.getMessage());
                }
            }
            String problem = s.problem(v);
            if (problem != null) {
                throw usage(s.flag(), problem);
            }
            values.put(s, v);
        }
        return values;
    }

    private boolean given(Setting<?> s) {
        return given(s.flag());
    }

    static ObjectNode point(Activation activation, MeanField.Point p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("activation", activation.id());
        n.put("sigmaW2", p.sigmaW2());
        n.put("sigmaB2", p.sigmaB2());
        number(n, "qStar", p.qStar());
        number(n, "chi1", p.chi1());
        n.put("phase", p.phase().id());
        number(n, "cStar", p.cStar());
        number(n, "chiC", p.chiC());
        number(n, "xiQ", p.xiQ());
        number(n, "xiC", p.xiC());
        number(n, "trainableDepth", p.trainableDepth());
        return n;
    }

    static String csv(List<MeanField.Point> points) {
        StringBuilder s = new StringBuilder("sigmaW2,sigmaB2,qStar,chi1,cStar,xiC").append(System.lineSeparator());
        for (MeanField.Point p : points) {
            s.append(cell(p.sigmaW2())).append(',').append(cell(p.sigmaB2())).append(',')
                    .append(cell(p.qStar())).append(',').append(cell(p.chi1())).append(',')
                    .append(cell(p.cStar())).append(',').append(cell(p.xiC())).append(System.lineSeparator());
        }
        return s.toString();
    }

    /** A CSV cell: the shortest round-tripping decimal, empty where the number is not finite. */
    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    private static String json(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    private static String table(ObjectNode n) {
        StringBuilder s = new StringBuilder();
        n.properties().forEach(e -> {
            String value = e.getValue().isNull() ? "∞"
                    : e.getValue().isNumber() ? String.format(Locale.ROOT, "%.6g", e.getValue().asDouble())
                    : e.getValue().asText();
            s.append(String.format(Locale.ROOT, "%-16s %s%n", e.getKey(), value));
        });
        return s.toString();
    }

    /**
     * Adds an option for each of {@link #SETTINGS}, as {@link ExperimentOptions.AddSettings} does for an
     * experiment: the flag, the placeholder and the help (with the range and default) come from the entry.
     */
    public static final class AddSettings implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
            return ExperimentOptions.addOptions(command, SETTINGS);
        }
    }
}
