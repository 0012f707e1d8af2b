package app.initscope.export;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.settings.Setting;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.JacobianSpectrum;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.stats.Histogram;
import app.initscope.core.stats.Summary;
import app.initscope.core.theory.LayerTheory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON contract of {@code initscope run --format json}:
 * <pre>
 * {"initscope": version, "config": {...}, "results": [{"strategy", "loss", "layers": [{"layer", "fanIn",
 *   "fanOut", "weightStd", "distinctUnits", "theory": {..., "correlation"},
 *   "correlation": {"measured", "predicted"}, "z": STATS, "activation": STATS,
 *   "localGradient": STATS, "delta": STATS, "weightGradient": STATS}], "jacobian": {"inputs", "singularValues":
 *   HISTOGRAM, "meanSquaredSingular", "eigenVariance", "maxSingular", "minSingular"}, "lsuvRounds": [...]}],
 *   "timing": {"computeMillis": [...]}}
 * STATS = {"count", "mean", "std", "min", "max", "nonFinite", "zeroFraction", "saturatedFraction",
 *          "histogram": HISTOGRAM}
 * HISTOGRAM = {"lo", "hi", "counts": [...], "underflow", "overflow"}
 * </pre>
 * {@code "jacobian"} is there only with {@code --jacobian} (and not with a normalization), {@code "lsuvRounds"}
 * (the rescalings each layer took) only for the {@code lsuv} strategy, and a layer's {@code "normalized": STATS},
 * the statistics of N(z) that φ takes, only with {@code --norm} batch or layer.
 * A preview ({@link ExperimentResult#preview()}) also has {@code "preview": true} after {@code "initscope"}; a
 * full run has no such key. A number that is not finite (a mean of no values, a theory that does not apply, an overflowed loss) is written
 * as {@code null}, so the output is always valid JSON.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The whole report as a tree. */
    public static ObjectNode toTree(ExperimentResult result, String version, List<Double> computeMillis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("initscope", version);
        if (result.preview()) {
            root.put("preview", true);
        }
        root.set("config", config(result.config()));
        ArrayNode results = root.putArray("results");
        for (StrategyResult r : result.results()) {
            ObjectNode s = results.addObject();
            s.put("strategy", r.strategy().id());
            number(s, "loss", r.loss());
            ArrayNode layers = s.putArray("layers");
            for (LayerResult l : r.layers()) {
                layers.add(layer(l));
            }
            if (r.jacobian() != null) {
                s.set("jacobian", jacobian(r.jacobian()));
            }
            if (!r.lsuvRounds().isEmpty()) {
                r.lsuvRounds().forEach(s.putArray("lsuvRounds")::add);
            }
        }
        ObjectNode timing = root.putObject("timing");
        ArrayNode ms = timing.putArray("computeMillis");
        computeMillis.forEach(ms::add);
        timing.put("kernel", result.kernel());
        return root;
    }

    /** The report as indented JSON text. */
    public static String toJson(ExperimentResult result, String version, List<Double> computeMillis) {
        try {
            return MAPPER.writeValueAsString(toTree(result, version, computeMillis)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** The {@code "config"} object, shared with {@link Preset}, which adds {@code "ranges"}. */
    static ObjectNode config(ExperimentConfig c) {
        ObjectNode n = MAPPER.createObjectNode();
        for (Setting<?> s : Catalog.ALL) {
            setting(n, s, c.get(s));
        }
        return n;
    }

    /**
     * Writes one setting's value under its id: a number as a number (or as its word when the setting writes one,
     * e.g. a batch of {@code "full"}), a yes/no choice as a boolean, another choice as its id, a list as an array
     * of ids.
     */
    static void setting(ObjectNode n, Setting<?> s, Object v) {
        switch (s.kind()) {
            case INTEGER, WHOLE -> {
                String text = s.text(v);
                if (!text.equals(Long.toString(((Number) v).longValue()))) {
                    n.put(s.id(), text);
                } else if (v instanceof Integer i) {
                    n.put(s.id(), i);
                } else {
                    n.put(s.id(), (Long) v);
                }
            }
            case NUMBER -> n.put(s.id(), (Double) v);
            case CHOICE -> {
                if (v instanceof Boolean b) {
                    n.put(s.id(), b);
                } else {
                    n.put(s.id(), s.text(v));
                }
            }
            case LIST -> s.ids(v).forEach(n.putArray(s.id())::add);
        }
    }

    private static ObjectNode layer(LayerResult l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("layer", l.layer());
        n.put("fanIn", l.fanIn());
        n.put("fanOut", l.fanOut());
        number(n, "weightStd", l.weightStd());
        n.put("distinctUnits", l.distinctUnits());
        LayerTheory t = l.theory();
        ObjectNode theory = n.putObject("theory");
        number(theory, "varianceZ", t.varianceZ());
        number(theory, "stdZ", t.stdZ());
        number(theory, "meanActivation", t.meanActivation());
        number(theory, "stdActivation", t.stdActivation());
        number(theory, "meanLocalGradient", t.meanLocalGradient());
        number(theory, "correlation", t.correlation());
        ObjectNode correlation = n.putObject("correlation");
        number(correlation, "measured", l.correlation());
        number(correlation, "predicted", t.correlation());
        for (TensorKind kind : TensorKind.values()) {
            n.set(kind.id(), stats(l.get(kind)));
        }
        if (l.normalized() != null) {
            n.set("normalized", stats(l.normalized()));
        }
        return n;
    }

    /** The {@code "jacobian"} object of a result run with {@code --jacobian}. */
    private static ObjectNode jacobian(JacobianSpectrum j) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("inputs", j.inputs());
        histogram(n.putObject("singularValues"), j.singularValues());
        number(n, "meanSquaredSingular", j.meanSquaredSingular());
        number(n, "eigenVariance", j.eigenVariance());
        number(n, "maxSingular", j.maxSingular());
        number(n, "minSingular", j.minSingular());
        return n;
    }

    /** A tensor's statistics object (STATS above), shared with {@link TrainJsonReport}. */
    static ObjectNode stats(Summary s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("count", s.count());
        number(n, "mean", s.mean());
        number(n, "std", s.std());
        number(n, "min", s.min());
        number(n, "max", s.max());
        n.put("nonFinite", s.nonFinite());
        number(n, "zeroFraction", s.zeroFraction());
        if (s.saturatedFraction() == null) {
            n.putNull("saturatedFraction");
        } else {
            number(n, "saturatedFraction", s.saturatedFraction());
        }
        histogram(n.putObject("histogram"), s.histogram());
        return n;
    }

    /** A histogram's edges, counts and outside counts into {@code hist}. */
    private static void histogram(ObjectNode hist, Histogram h) {
        number(hist, "lo", h.lo());
        number(hist, "hi", h.hi());
        ArrayNode counts = hist.putArray("counts");
        for (int i = 0; i < h.bins(); i++) {
            counts.add(h.count(i));
        }
        hist.put("underflow", h.underflow());
        hist.put("overflow", h.overflow());
    }

    /** Writes a number, or {@code null} when it is not finite. */
    static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }
}
