package app.initscope.export;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.settings.Setting;
import app.initscope.core.train.EvalLayer;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON contract of {@code initscope train --format json}:
 * <pre>
 * {"initscope": version,
 *  "config": {...the keys of run's config..., "train": {"dataset", "noise", "optimizer", "lr", "batch", "steps",
 *             "evalEvery", "bias"}},
 *  "results": [{"strategy", "repeat",
 *               "steps": [{"step", "loss", "accuracy", "layers": [{"layer", "weightStd", "gradToData",
 *                          "updateToData", "activationStd", "saturatedFraction", "zeroFraction",
 *                          "distinctUnits"}]}],
 *               "evals": [{"step", "testLoss", "testAccuracy", "layers": [{"layer", "z": STATS,
 *                          "activation": STATS, "delta": STATS}]}],
 *               "final": {"loss", "testLoss", "testAccuracy"},
 *               "divergedAt": step or null}],
 *  "timing": {"computeMillis": [...], "stepsPerSecond"}}
 * </pre>
 * STATS is {@link JsonReport}'s. {@code "accuracy"} and {@code "testAccuracy"} exist only for a classification.
 * {@code "batch"} is a number, or {@code "full"}. The results list every strategy of the first repetition, then
 * every strategy of the second, and so on; {@code "repeat"} counts from 1. {@code steps[0]} is the state before
 * the first update. A number that is not finite (the loss of a diverged step, the final values of a diverged
 * run) is {@code null}; a diverged step has no layers.
 */
public final class TrainJsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainJsonReport() {
    }

    /**
     * The whole report as a tree.
     *
     * @param classification whether the data set is a classification (then the accuracies are written)
     * @param repeats        the results of each repetition, each in the order of the strategies
     * @param computeMillis  the wall time of each repetition
     */
    public static ObjectNode toTree(ExperimentConfig config, TrainConfig train, boolean classification,
                                    List<List<TrainResult>> repeats, String version, List<Double> computeMillis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("initscope", version);
        ObjectNode c = JsonReport.config(config);
        c.set("train", train(train));
        root.set("config", c);
        ArrayNode results = root.putArray("results");
        long updates = 0;
        for (int k = 0; k < repeats.size(); k++) {
            for (TrainResult r : repeats.get(k)) {
                results.add(result(r, k + 1, classification));
                updates += updates(r);
            }
        }
        ObjectNode timing = root.putObject("timing");
        ArrayNode ms = timing.putArray("computeMillis");
        computeMillis.forEach(ms::add);
        double total = computeMillis.stream().mapToDouble(Double::doubleValue).sum();
        JsonReport.number(timing, "stepsPerSecond", updates / (total / 1000));
        return root;
    }

    /** The report as indented JSON text. */
    public static String toJson(ExperimentConfig config, TrainConfig train, boolean classification,
                                List<List<TrainResult>> repeats, String version, List<Double> computeMillis) {
        try {
            return MAPPER.writeValueAsString(toTree(config, train, classification, repeats, version, computeMillis))
                    + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** The updates a result made: every recorded step but a diverged one. */
    public static int updates(TrainResult r) {
        return r.diverged() ? r.divergedAt() : r.steps().size();
    }

    /** The {@code "train"} object: every training setting, in the catalog's order. */
    static ObjectNode train(TrainConfig train) {
        ObjectNode n = MAPPER.createObjectNode();
        for (Setting<?> s : TrainCatalog.ALL) {
            JsonReport.setting(n, s, train.get(s));
        }
        return n;
    }

    private static ObjectNode result(TrainResult r, int repeat, boolean classification) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("strategy", r.strategy().id());
        n.put("repeat", repeat);
        ArrayNode steps = n.putArray("steps");
        for (StepRecord s : r.steps()) {
            ObjectNode step = steps.addObject();
            step.put("step", s.step());
            JsonReport.number(step, "loss", s.loss());
            if (classification) {
                JsonReport.number(step, "accuracy", s.accuracy());
            }
            ArrayNode layers = step.putArray("layers");
            for (LayerStep l : s.layers()) {
                ObjectNode layer = layers.addObject();
                layer.put("layer", l.layer());
                JsonReport.number(layer, "weightStd", l.weightStd());
                JsonReport.number(layer, "gradToData", l.gradToData());
                JsonReport.number(layer, "updateToData", l.updateToData());
                JsonReport.number(layer, "activationStd", l.activationStd());
                JsonReport.number(layer, "saturatedFraction", l.saturatedFraction());
                JsonReport.number(layer, "zeroFraction", l.zeroFraction());
                layer.put("distinctUnits", l.distinctUnits());
            }
        }
        ArrayNode evals = n.putArray("evals");
        for (EvalRecord e : r.evals()) {
            ObjectNode eval = evals.addObject();
            eval.put("step", e.step());
            JsonReport.number(eval, "testLoss", e.testLoss());
            if (classification) {
                JsonReport.number(eval, "testAccuracy", e.testAccuracy());
            }
            ArrayNode layers = eval.putArray("layers");
            for (EvalLayer l : e.layers()) {
                ObjectNode layer = layers.addObject();
                layer.put("layer", l.layer());
                layer.set("z", JsonReport.stats(l.z()));
                layer.set("activation", JsonReport.stats(l.activation()));
                layer.set("delta", JsonReport.stats(l.delta()));
            }
        }
        ObjectNode fin = n.putObject("final");
        JsonReport.number(fin, "loss", r.finalLoss());
        JsonReport.number(fin, "testLoss", r.finalTestLoss());
        if (classification) {
            JsonReport.number(fin, "testAccuracy", r.finalTestAccuracy());
        }
        if (r.diverged()) {
            n.put("divergedAt", r.divergedAt());
        } else {
            n.putNull("divergedAt");
        }
        return n;
    }
}
