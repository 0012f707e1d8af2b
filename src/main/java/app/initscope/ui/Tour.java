package app.initscope.ui;

import app.initscope.render.GradientView;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.settings.Setting;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainResult;
import app.initscope.render.Ticks;
import app.initscope.render.ViewCatalog;
import app.initscope.export.Preset;
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
     * One step: the experiment's settings it sets, every view option (those it names, the rest at their defaults,
     * so that its caption never describes a colouring or a scale the user left on), the compared strategies or
     * null, the training settings it sets, and whether it trains.
     */
    record Step(String title, Map<Setting<?>, Object> config, Preset.ViewState view, String caption,
                List<Strategy> compared, Map<Setting<?>, Object> train, boolean play) {

        Step {
            config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
            compared = compared == null ? null : List.copyOf(compared);
            train = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(train));
        }

        Step(String title, Map<Setting<?>, Object> config, Strategy strategy, String tab, int layer,
             GradientView gradient, String caption, List<Strategy> compared, Map<Setting<?>, Object> train,
             boolean play) {
            this(title, config, new Preset.ViewState(strategy.id(), layer, gradient.tensor().id(), false, true,
                    false, tab), caption, compared, train, play);
        }

        Step(String title, Map<Setting<?>, Object> config, Strategy strategy, String tab, int layer,
             GradientView gradient, String caption) {
            this(title, config, strategy, tab, layer, gradient, caption, null, Map.of(), false);
        }

        Activation activation() {
            return Catalog.ACTIVATION.cast(config.get(Catalog.ACTIVATION));
        }

        Strategy strategy() {
            return view.get(ViewCatalog.STRATEGY);
        }

        String tab() {
            return view.tab();
        }

        int layer() {
            return view.layer();
        }

        GradientView gradient() {
            return view.get(ViewCatalog.GRADIENT);
        }

        boolean jacobian() {
            return view.jacobian();
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final List<Step> steps;
    /** Per step, the titles of the charts its caption talks about (the JSON's "charts"), which it scrolls into view. */
    private final List<List<String>> charts;

    Tour(List<Step> steps) {
        this(steps, java.util.Collections.nCopies(steps.size(), List.of()));
    }

    Tour(List<Step> steps, List<List<String>> charts) {
        if (charts.size() != steps.size()) {
            throw new IllegalArgumentException("charts for " + charts.size() + " of " + steps.size() + " steps");
        }
        this.steps = List.copyOf(steps);
        this.charts = charts.stream().map(List::copyOf).toList();
    }

    /** The titles (or the starts of the titles) of the charts that step {@code index}'s caption talks about. */
    List<String> charts(int index) {
        return charts.get(index);
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
        List<List<String>> charts = new ArrayList<>();
        for (JsonNode s : root.get("steps")) {
            List<String> named = new ArrayList<>();
            s.path("charts").forEach(t -> named.add(t.asText()));
            charts.add(named);
            JsonNode c = s.path("config");
            JsonNode v = s.path("view");
            // any setting of the catalog, spelt as in a preset's config; the activation defaults to tanh, and the
            // network to the plain one (no normalization, no skips), so that stepping back leaves them behind
            Map<Setting<?>, Object> config = new java.util.LinkedHashMap<>();
            config.put(Catalog.ACTIVATION, Activation.TANH);
            config.put(Catalog.NORM, Catalog.NORM.defaultValue());
            config.put(Catalog.RESIDUAL, Catalog.RESIDUAL.defaultValue());
            for (Setting<?> setting : Catalog.ALL) {
                JsonNode value = c.get(setting.id());
                if (value != null && setting != Catalog.STRATEGIES) {
                    config.put(setting, checked(s, "", setting, value));
                }
            }
            // any view option, spelt as in a preset's view; those not named take their defaults
            Map<Setting<?>, Object> view = new java.util.LinkedHashMap<>();
            for (Setting<?> setting : ViewCatalog.ALL) {
                JsonNode value = v.get(setting.id());
                if (value != null) {
                    view.put(setting, checked(s, "view.", setting, value));
                }
            }
            List<Strategy> compared = null;
            if (c.has(Catalog.STRATEGIES.id())) {
                compared = new ArrayList<>();
                for (JsonNode id : c.get(Catalog.STRATEGIES.id())) {
                    compared.add(Strategy.fromId(id.asText()));
                }
            }
            // the training settings, any entry of the training catalog, spelt as in a preset's "train"
            Map<Setting<?>, Object> train = new java.util.LinkedHashMap<>();
            JsonNode t = s.path("train");
            for (Setting<?> setting : TrainCatalog.ALL) {
                JsonNode value = t.get(setting.id());
                if (value != null) {
                    train.put(setting, checked(s, "train.", setting, value));
                }
            }
            steps.add(new Step(s.path("title").asText(), config, new Preset.ViewState(view),
                    s.path("caption").asText(), compared, train, v.path("play").asBoolean(false)));
        }
        return new Tour(steps, charts);
    }

    /** A step's value of one setting, parsed and checked; the message names the step and the setting. */
    private static Object checked(JsonNode step, String prefix, Setting<?> setting, JsonNode value) {
        String where = "tour step '" + step.path("title").asText() + "': " + prefix + setting.id() + " ";
        try {
            Object parsed = setting.parse(value.asText());
            String problem = setting.problem(parsed);
            if (problem != null) {
                throw new IllegalArgumentException(where + problem);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + e.getMessage(), e);
        }
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
        values.put("stdARatio", Ticks.label(last.activation().std() / first.activation().std()));
        // the weight gradient from the last layer back to the first: over the network, and per layer
        double dwRatio = first.weightGradient().std() / last.weightGradient().std();
        values.put("dwRatio", Ticks.label(dwRatio));
        values.put("dwPerLayer", String.format(Locale.ROOT, "%.2f",
                Math.pow(dwRatio, 1.0 / Math.max(1, r.layers().size() - 1))));
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

    /** A training placeholder: {@code {testAcc:xavier}}, {@code {testLoss:zero}}, {@code {ratio:small}}, ... */
    private static final Pattern TRAIN_PLACEHOLDER = Pattern.compile("\\{(\\w+)(?::(\\w+))?}");

    /**
     * Fills a training step's caption from the training's results: {@code {step}} (the steps made), and per
     * strategy id {@code {testAcc:ID}} (the newest test accuracy), {@code {testLoss:ID}} (the newest test loss),
     * {@code {loss:ID}} (the last batch's loss), {@code {ratio:ID}} (layer 1's update:data ratio at the last step)
     * and {@code {distinct:ID}} (layer 1's distinct units at the last step); "…" for what is not there yet.
     */
    static String trainCaption(Step step, List<TrainResult> results) {
        Matcher m = TRAIN_PLACEHOLDER.matcher(step.caption());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(trainValue(m.group(1), m.group(2), results)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String trainValue(String name, String strategy, List<TrainResult> results) {
        if (results == null || results.isEmpty()) {
            return "…";
        }
        if (strategy == null) {
            return "step".equals(name) ? Integer.toString(results.stream().mapToInt(r -> r.steps().size()).max()
                    .orElse(0)) : "…";
        }
        TrainResult r = results.stream().filter(x -> x.strategy().id().equals(strategy)).findFirst().orElse(null);
        if (r == null || r.steps().isEmpty()) {
            return "…";
        }
        EvalRecord e = r.evals().isEmpty() ? null : r.evals().getLast();
        StepRecord last = r.steps().getLast();
        LayerStep l1 = last.layers().isEmpty() ? null : last.layers().getFirst();
        return switch (name) {
            case "testAcc" -> e == null || Double.isNaN(e.testAccuracy()) ? "…"
                    : String.format(Locale.ROOT, "%.0f%%", 100 * e.testAccuracy());
            case "testLoss" -> e == null ? "…" : String.format(Locale.ROOT, "%.3f", e.testLoss());
            case "loss" -> String.format(Locale.ROOT, "%.3f", last.loss());
            // nothing moved: log10 of 0 (−∞), or of 0/0 when the weights are 0 too (NaN)
            case "ratio" -> l1 == null ? "…" : Double.isNaN(l1.updateToData())
                    || Double.isInfinite(l1.updateToData()) && l1.updateToData() < 0 ? "0"
                    : Ticks.label(Math.pow(10, l1.updateToData()));
            case "distinct" -> l1 == null ? "…" : Integer.toString(l1.distinctUnits());
            default -> "{" + name + ":" + strategy + "}";
        };
    }
}
