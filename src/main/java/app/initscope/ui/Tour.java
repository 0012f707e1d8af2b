package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.settings.Setting;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.render.Ticks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guided tour: the lesson as data (assets/tour/tour.json). Each step sets the network and the view and has a
 * caption whose {placeholders} are filled from the live result, so the numbers stay true when the audience asks
 * "what if fan_in were 100?".
 */
final class Tour {

    /**
     * One step: what it sets, and what it says.
     *
     * @param config the settings the step sets, by catalog entry; the activation is always among them
     */
    record Step(String title, Map<Setting<?>, Object> config, Strategy strategy, String tab, int layer,
                GradientView gradient, String caption, boolean jacobian) {

        /** A step that does not take the Jacobian spectrum. */
        Step(String title, Map<Setting<?>, Object> config, Strategy strategy, String tab, int layer,
             GradientView gradient, String caption) {
            this(title, config, strategy, tab, layer, gradient, caption, false);
        }

        Step {
            config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        }

        /** The activation the step shows. */
        Activation activation() {
            return Catalog.ACTIVATION.cast(config.get(Catalog.ACTIVATION));
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final List<Step> steps;

    Tour(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The tour shipped with the app. */
    static Tour bundled() {
        try (InputStream in = Tour.class.getResourceAsStream("tour/tour.json")) {
            if (in == null) {
                throw new IllegalStateException("the tour is missing from the app");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("the tour cannot be read: " + e.getMessage(), e);
        }
    }

    static Tour parse(JsonNode root) {
        if (root.path("initscope-tour").asInt(0) != 1 || !root.path("steps").isArray()) {
            throw new IllegalArgumentException("not an InitScope tour (format 1)");
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : root.get("steps")) {
            JsonNode c = s.path("config");
            JsonNode v = s.path("view");
            // any setting of the catalog, spelt as in a preset's config; the activation defaults to tanh
            Map<Setting<?>, Object> config = new java.util.LinkedHashMap<>();
            config.put(Catalog.ACTIVATION, Activation.TANH);
            for (Setting<?> setting : Catalog.ALL) {
                JsonNode value = c.get(setting.id());
                if (value != null && setting != Catalog.STRATEGIES) {
                    Object parsed = setting.parse(value.asText());
                    String problem = setting.problem(parsed);
                    if (problem != null) {
                        throw new IllegalArgumentException("tour step '" + s.path("title").asText() + "': "
                                + setting.id() + " " + problem);
                    }
                    config.put(setting, parsed);
                }
            }
            GradientView gradient = switch (v.path("gradient").asText("delta")) {
                case "weightGradient" -> GradientView.WEIGHT;
                case "localGradient" -> GradientView.LOCAL;
                default -> GradientView.DELTA;
            };
            steps.add(new Step(s.path("title").asText(), config, Strategy.fromId(v.path("strategy").asText("xavier")), v.path("tab").asText("single"),
                    v.path("layer").asInt(1), gradient, s.path("caption").asText(),
                    v.path("jacobian").asBoolean(false)));
        }
        return new Tour(steps);
    }

    List<Step> steps() {
        return steps;
    }

    /** Fills a caption's {placeholders} from the result of the step's strategy; an unknown one stays as it is. */
    static String caption(Step step, StrategyResult r) {
        if (r == null) {
            return step.caption().replaceAll("\\{\\w+}", "…");
        }
        LayerResult l = r.layer(Math.min(step.layer(), r.layers().size()));
        LayerResult first = r.layer(1);
        LayerResult last = r.layer(r.layers().size());
        Map<String, String> values = new java.util.HashMap<>();
        values.put("distinct", Integer.toString(l.distinctUnits()));
        values.put("units", Integer.toString(l.fanOut()));
        values.put("fanIn", Integer.toString(l.fanIn()));
        values.put("stdZ", Ticks.label(l.z().std()));
        values.put("theoryStdZ", Ticks.label(l.theory().stdZ()));
        values.put("stdA", Ticks.label(l.activation().std()));
        values.put("stdAFirst", Ticks.label(first.activation().std()));
        values.put("stdALast", Ticks.label(last.activation().std()));
        values.put("stdDelta", Ticks.label(l.delta().std()));
        values.put("saturated", l.activation().saturatedFraction() == null ? "—"
                : String.format(Locale.ROOT, "%.1f%%", 100 * l.activation().saturatedFraction()));
        values.put("zeros", String.format(Locale.ROOT, "%.1f%%", 100 * l.activation().zeroFraction()));
        values.put("strategy", r.strategy().label());
        if (r.jacobian() != null) {
            values.put("jacMax", Ticks.label(r.jacobian().maxSingular()));
            values.put("jacMin", Ticks.label(r.jacobian().minSingular()));
            values.put("jacVar", Ticks.label(r.jacobian().eigenVariance()));
            values.put("jacMean", Ticks.label(r.jacobian().meanSquaredSingular()));
        }
        Matcher m = PLACEHOLDER.matcher(step.caption());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
