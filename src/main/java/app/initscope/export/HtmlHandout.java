package app.initscope.export;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Activation;
import app.initscope.core.theory.PhaseDiagram;
import app.initscope.render.AwtPen;
import app.initscope.render.Figure;
import app.initscope.render.Figures;
import app.initscope.render.PhaseChart;
import app.initscope.render.Ticks;
import app.initscope.render.Palette;
import app.initscope.render.Plots;
import app.initscope.render.explain.Explanation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * The handout: one self-contained HTML page a student opens from {@code file://} with no server, no network and no
 * install. It holds the {@linkplain JsonReport JSON report} of the experiment as it is (the same text as
 * {@code initscope run --format json}), and beside it what the page draws with that the report does not say: the
 * strategies' names and colours (from {@link Strategy} and {@link Palette}, so the page and the window cannot
 * disagree), the charts' titles and axis labels ({@link Plots}), the config as the window labels it, and the Explain
 * text of every strategy and layer ({@link Explanation}).
 *
 * <p>The page itself (HTML, CSS and plain JavaScript drawing SVG) is the template {@code handout.html} with
 * {@code handout.css} and {@code handout.js} beside this class; they are inlined here, so the file makes no request
 * to any URL. Opening it with {@code #selftest} in the URL makes the page press its own keys and write what it saw
 * into an element {@code #selftest}, which the browser test reads.
 */
public final class HtmlHandout {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * What the handout shows.
     *
     * @param name          the preset's name, or null
     * @param description   the preset's description, or null
     * @param result        the computed experiment (every strategy of its config)
     * @param view          the strategy, layer, gradient and toggles the page opens with
     * @param version       InitScope's version, as the JSON report states it
     * @param computeMillis the report's compute times
     * @param train         the training report ({@link TrainJsonReport#toTree}), or null when there is none
     * @param phase         the phase diagram of the config's activation (as the Phase tab shows it, with a marker
     *                      per strategy), or null for none
     */
    public record Content(String name, String description, ExperimentResult result, View view, String version,
                          List<Double> computeMillis, ObjectNode train, PhaseDiagram phase) {
        public Content {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(version, "version");
            computeMillis = List.copyOf(computeMillis);
        }
    }

    /**
     * How the page opens.
     *
     * @param strategy the strategy shown first (the first computed one when it was not computed)
     * @param layer    the layer shown first, 1-based (clamped to the depth)
     * @param gradient the third histogram: {@link TensorKind#DELTA}, {@link TensorKind#WEIGHT_GRADIENT} or
     *                 {@link TensorKind#LOCAL_GRADIENT}
     * @param logY     counts on a log scale
     * @param theory   the theory's N(0, q) and ±σ drawn
     */
    public record View(Strategy strategy, int layer, TensorKind gradient, boolean logY, boolean theory) {
        public View {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(gradient, "gradient");
        }
    }

    private HtmlHandout() {
    }

    /** The page as one HTML document. */
    public static String html(Content c) {
        String report = JsonReport.toJson(c.result(), c.version(), c.computeMillis());
        String page;
        try {
            page = MAPPER.writeValueAsString(page(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the page's data", e);
        }
        return fill(resourceText("handout.html"), Map.of(
                "TITLE", escapeHtml(title(c)),
                "CSS", resourceText("handout.css"),
                "JS", resourceText("handout.js"),
                "REPORT", inScript(report),
                "PAGE", inScript(page)));
    }

    /** The page's title: "InitScope: " and the preset's name, or the config's caption without one. */
    static String title(Content c) {
        return "InitScope: " + (c.name() != null && !c.name().isBlank() ? c.name()
                : Figures.caption(c.result().config(), null));
    }

    /** The file name the page is written under: the name in lower case with dashes, e.g. seed-experiment.html. */
    public static String fileName(String name) {
        String slug = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "initscope-handout" : slug) + ".html";
    }

    /** Writes the page atomically into {@code dir} under {@link #fileName} and returns the file. */
    public static Path write(Content c, Path dir) throws IOException {
        Path file = dir.resolve(fileName(c.name()));
        AtomicFiles.writeString(file, html(c));
        return file;
    }

    /** What the page needs beside the report. */
    static ObjectNode page(Content c) {
        ExperimentResult result = c.result();
        ExperimentConfig config = result.config();
        ObjectNode page = MAPPER.createObjectNode();
        page.put("title", title(c));
        page.put("name", c.name());
        page.put("description", c.description());
        page.put("version", c.version());
        page.put("caption", Figures.caption(config, null));
        page.put("dataFile", fileName(c.name()).replaceAll("\\.html$", ".json"));
        ArrayNode settings = page.putArray("config");
        for (Setting<?> s : Catalog.ALL) {
            ObjectNode row = settings.addObject();
            row.put("id", s.id());
            row.put("label", s.label());
            row.put("value", s.text(config.get(s)));
        }
        ArrayNode strategies = page.putArray("strategies");
        ObjectNode explain = page.putObject("explain");
        for (StrategyResult r : result.results()) {
            Strategy s = r.strategy();
            ObjectNode n = strategies.addObject();
            n.put("id", s.id());
            n.put("name", s.label());
            n.put("formula", s.formula());
            n.put("color", Palette.of(s).hex());
            ArrayNode layers = explain.putArray(s.id());
            for (int layer = 1; layer <= r.layers().size(); layer++) {
                ObjectNode e = layers.addObject();
                e.put("headline", Explanation.headline(config, r, layer));
                ArrayNode paragraphs = e.putArray("paragraphs");
                for (Explanation.Paragraph p : Explanation.of(config, r, layer)) {
                    paragraphs.addObject().put("heading", p.heading()).put("text", p.text());
                }
            }
        }
        ArrayNode tensors = page.putArray("tensors");
        for (TensorKind k : new TensorKind[] {TensorKind.Z, TensorKind.ACTIVATION, c.view().gradient()}) {
            tensors.addObject().put("id", k.id()).put("title", Plots.title(k))
                    .put("axis", Plots.axisLabel(k, config)).put("symbol", k.symbol());
        }
        ObjectNode view = page.putObject("view");
        Strategy first = result.find(c.view().strategy()).isPresent() ? c.view().strategy()
                : result.results().getFirst().strategy();
        view.put("strategy", first.id());
        view.put("layer", Math.max(1, Math.min(c.view().layer(), config.depth())));
        view.put("logY", c.view().logY());
        view.put("theory", c.view().theory());
        if (c.train() != null) {
            page.set("train", train(c.train()));
        }
        if (c.phase() != null) {
            page.set("phase", phase(c.phase(), config, result.results().stream().map(StrategyResult::strategy)
                    .toList()));
        }
        return page;
    }

    /** The points along each axis of the handout's phase diagram: the window's. */
    public static final int PHASE_GRID = 200;

    /** The phase diagram of a config's activation on {@link #PHASE_GRID} points a side, computed on this thread. */
    public static PhaseDiagram phaseDiagram(ExperimentConfig c) {
        double slope = c.activation() == Activation.LEAKY_RELU ? c.leakySlope() : 0;
        return PhaseDiagram.compute(c.activation(), slope, PHASE_GRID, Parallel.sequential());
    }

    /**
     * The phase diagram as the window draws it ({@link PhaseChart#figure}), as a PNG {@code data:} URL, with a text
     * alternative that states where the critical line is and where each strategy sits.
     */
    static ObjectNode phase(PhaseDiagram d, ExperimentConfig c, List<Strategy> strategies) {
        Figure figure = PhaseChart.figure(d, PhaseChart.Mode.CHI1, c, strategies, true);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(AwtPen.image(figure, 1), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder alt = new StringBuilder(String.format(Locale.ROOT,
                "Phase diagram of %s over σ_w² from %s to %s and σ_b² from %s to %s, coloured by ln χ₁: ordered "
                        + "(blue) where χ₁ < 1, chaotic (red) where χ₁ > 1.", c.activation().label(),
                Ticks.label(d.sigmaW2(0)), Ticks.label(d.sigmaW2(d.size() - 1)), Ticks.label(d.sigmaB2(0)),
                Ticks.label(d.sigmaB2(d.size() - 1))));
        double critical = d.criticalSigmaW2(0);
        alt.append(Double.isFinite(critical) ? " At σ_b² = 0 the critical line χ₁ = 1 is at σ_w² = "
                + Ticks.label(critical) + "." : " At σ_b² = 0 no σ_w² in the range is critical.");
        for (PhaseChart.Marker m : PhaseChart.markers(c, strategies)) {
            alt.append(' ').append(m.strategy().label()).append(": σ_w² = ").append(Ticks.label(m.sigmaW2()));
            if (m.sigmaW2() < d.sigmaW2(0) || m.sigmaW2() > d.sigmaW2(d.size() - 1)) {
                alt.append(", off the map.");
            } else {
                double chi = d.chi1(nearest(m.sigmaW2(), d.sigmaW2(0), d.sigmaW2(d.size() - 1), d.size()),
                        nearest(m.sigmaB2(), d.sigmaB2(0), d.sigmaB2(d.size() - 1), d.size()));
                alt.append(", χ₁ ≈ ").append(Ticks.label(chi)).append(Math.abs(Math.log(chi)) < 0.05 ? " (critical)."
                        : chi < 1 ? " (ordered)." : " (chaotic).");
            }
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("image", "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
        n.put("alt", alt.toString());
        n.put("width", figure.width());
        n.put("height", figure.height());
        return n;
    }

    /** The index of the grid point nearest v on {@code n} points from lo to hi. */
    private static int nearest(double v, double lo, double hi, int n) {
        return (int) Math.max(0, Math.min(n - 1, Math.round((v - lo) / (hi - lo) * (n - 1))));
    }

    /**
     * What the Train section draws from the training report: per strategy, each step's loss and accuracy and
     * each layer's update:data ratio ({@code "update"}), and the evaluations with their histograms as they are.
     * The other per-step, per-layer numbers are left out: they made a 1500-step, 8-layer page 6 MB.
     */
    static ObjectNode train(ObjectNode report) {
        ObjectNode t = MAPPER.createObjectNode();
        t.set("config", report.get("config").get("train"));
        ArrayNode results = t.putArray("results");
        report.get("results").forEach(r -> {
            ObjectNode out = results.addObject();
            out.set("strategy", r.get("strategy"));
            ArrayNode steps = out.putArray("steps");
            r.get("steps").forEach(s -> {
                ObjectNode step = steps.addObject();
                step.set("step", s.get("step"));
                step.set("loss", s.get("loss"));
                if (s.has("accuracy")) {
                    step.set("accuracy", s.get("accuracy"));
                }
                ArrayNode update = step.putArray("update");
                s.get("layers").forEach(l -> update.add(l.get("updateToData")));
            });
            out.set("evals", r.get("evals"));
            out.set("final", r.get("final"));
            out.set("divergedAt", r.get("divergedAt"));
        });
        return t;
    }

    /**
     * JSON made safe inside a {@code <script>} element: a {@code <} (which JSON has only inside strings) is
     * written as its escape {@code \u003c}, so no {@code </script>} or {@code <!--} can end or change the element.
     */
    static String inScript(String json) {
        return json.replace("<", "\\u003c");
    }

    /** Replaces each {@code {{KEY}}} of the template (only there, never inside what is put in) by its value. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length)
                .sum());
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf("}}", open);
            String key = close < 0 ? null : template.substring(open + 2, close);
            if (key == null || !values.containsKey(key)) {
                throw new IllegalStateException("the handout template has an unknown placeholder at " + open);
            }
            out.append(template, at, open).append(values.get(key));
            at = close + 2;
        }
        return out.append(template, at, template.length()).toString();
    }

    /** A file of the page's template, beside this class. */
    static String resourceText(String name) {
        try (InputStream in = HtmlHandout.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the handout's " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
