package app.initscope.export;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.settings.Setting;
import app.initscope.core.stats.Range;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;
import app.initscope.render.ViewCatalog;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns preset JSON into a {@link Preset}, checking every field; see {@link Preset} for the format. */
final class PresetReader {

    /** The largest preset file read; a real one is about 1 KB. */
    static final int MAX_BYTES = 1 << 20;

    /** Strict where it matters: a key given twice or text after the object is an error. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PresetReader() {
    }

    /** Parses a preset file's bytes: UTF-8, with or without a byte order mark. */
    static Preset parse(byte[] bytes) throws PresetException {
        if (bytes.length > MAX_BYTES) {
            throw new PresetException("file is larger than " + (MAX_BYTES >> 20) + " MiB; a preset is about 1 KB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PresetException("not UTF-8 text", e);
        }
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    static Preset parse(String json) throws PresetException {
        return preset(tree(json));
    }

    private static JsonNode tree(String json) throws PresetException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            if (truncated(json, e)) {
                throw new PresetException("file is truncated: the JSON ends early (" + where(e.getLocation()) + ")",
                        e);
            }
            throw new PresetException("not valid JSON (" + where(e.getLocation()) + "): "
                    + userTerms(oneLine(e.getOriginalMessage())), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PresetException("file is empty");
        }
        if (!root.isObject()) {
            throw new PresetException("expected a JSON object {...} at the top, got " + describe(root));
        }
        return root;
    }

    private static Preset preset(JsonNode root) throws PresetException {
        Fields top = new Fields(root, "");
        if (!root.has(Preset.FORMAT_KEY)) {
            throw new PresetException("missing '" + Preset.FORMAT_KEY + "' (the format version, " + Preset.FORMAT
                    + "); is this a preset file?");
        }
        long format = top.whole(Preset.FORMAT_KEY);
        if (format > Preset.FORMAT) {
            throw new PresetException("written by a newer InitScope (format " + format + "; this one reads "
                    + Preset.FORMAT + ")");
        }
        if (format < Preset.FORMAT) {
            throw new PresetException("'" + Preset.FORMAT_KEY + "' must be " + Preset.FORMAT + ", got " + format);
        }
        String name = top.optionalText("name");
        String description = top.optionalText("description");
        ExperimentConfig config = config(top.object("config"));
        if (root.has("view") && root.get("view").isNull()) {
            throw new PresetException("'view' is null; leave it out for the default view, or give every field");
        }
        Fields view = top.optionalObject("view");
        if (root.has("train") && root.get("train").isNull()) {
            throw new PresetException("'train' is null; leave it out for no training settings, or give every field");
        }
        Fields trainFields = top.optionalObject("train");
        TrainConfig train = trainFields == null ? null : train(trainFields);
        try {
            return new Preset(name, description, config, view == null ? Preset.ViewState.DEFAULT : view(view),
                    train);
        } catch (IllegalArgumentException e) {
            throw new PresetException(e.getMessage(), e);
        }
    }

    private static ExperimentConfig config(Fields c) throws PresetException {
        ExperimentConfig.Builder b = ExperimentConfig.builder();
        for (Setting<?> s : Catalog.ALL) {
            read(c, s, b);
        }
        Map<TensorKind, Range> ranges = ranges(c.optionalObject("ranges"));
        try {
            return b.ranges(ranges).build();
        } catch (InvalidConfigException e) {
            if (e.setting().isEmpty()) {
                throw new PresetException("'config' is too large: " + e.problem(), e);
            }
            throw new PresetException("'config." + e.setting().get().id() + "' " + e.problem(), e);
        }
    }

    /** Reads one setting's field, of the JSON type its kind asks for. */
    private static <T> void read(Fields c, Setting<T> s, ExperimentConfig.Builder b) throws PresetException {
        Object v = value(c, s);
        if (v != null) {
            b.set(s, s.cast(v));
        }
    }

    /**
     * One setting's field, of the JSON type its kind asks for: a number (or the setting's word, such as
     * {@code "full"}), a boolean for a yes-or-no choice, an id for another choice, an array of ids for a list; null
     * when the field is absent and the setting may be left out of files.
     */
    private static Object value(Fields f, Setting<?> s) throws PresetException {
        if (s.optionalInFiles() && !f.node().has(s.id())) {
            return null;     // a file from before the setting existed: the default
        }
        JsonNode n = f.required(s.id());
        if (s.word() != null && n.isTextual()) {
            if (!n.asText().equals(s.word())) {
                throw new PresetException(f.path(s.id()) + " must be a whole number or \"" + s.word() + "\", got "
                        + describe(n));
            }
            return s.wordValue();
        }
        if (s.defaultValue() instanceof Boolean) {
            return f.bool(s.id());
        }
        return switch (s.kind()) {
            case INTEGER -> f.integer(s.id());
            case WHOLE -> f.whole(s.id());
            case NUMBER -> f.number(s.id());
            case CHOICE -> f.id(s.id(), s::parseId);
            case LIST -> list(f, s);
        };
    }

    private static List<Object> list(Fields c, Setting<?> s) throws PresetException {
        String path = c.path(s.id());
        JsonNode list = c.required(s.id());
        if (!list.isArray()) {
            throw new PresetException(path + " must be an array of ids, got " + describe(list));
        }
        if (list.isEmpty()) {
            throw new PresetException(path + " " + s.problem(List.of()));
        }
        List<Object> result = new ArrayList<>();
        for (JsonNode id : list) {
            if (!id.isTextual()) {
                throw new PresetException(path + " must hold ids, got " + describe(id));
            }
            Object v;
            try {
                v = s.parseId(id.asText());
            } catch (IllegalArgumentException e) {
                throw new PresetException(e.getMessage(), e);
            }
            if (result.contains(v)) {
                throw new PresetException(path + " lists '" + id.asText().trim().toLowerCase(java.util.Locale.ROOT)
                        + "' twice");
            }
            result.add(v);
        }
        return result;
    }

    private static Map<TensorKind, Range> ranges(Fields r) throws PresetException {
        Map<TensorKind, Range> ranges = new EnumMap<>(TensorKind.class);
        if (r == null) {
            return ranges;
        }
        for (Map.Entry<String, JsonNode> e : r.node().properties()) {
            TensorKind kind;
            try {
                kind = TensorKind.fromId(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new PresetException("'config.ranges': " + ex.getMessage(), ex);
            }
            String path = "'config.ranges." + e.getKey() + "'";
            JsonNode pair = e.getValue();
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
                throw new PresetException(path + " must be [lo, hi], two numbers, got " + describe(pair));
            }
            try {
                ranges.put(kind, Range.forHistogram(pair.get(0).doubleValue(), pair.get(1).doubleValue()));
            } catch (IllegalArgumentException ex) {
                throw new PresetException(path + ": " + ex.getMessage(), ex);
            }
        }
        return ranges;
    }

    /** The training settings: every entry of the catalog, of the JSON type its kind asks for. */
    private static TrainConfig train(Fields t) throws PresetException {
        Map<Setting<?>, Object> values = new java.util.HashMap<>();
        for (Setting<?> s : TrainCatalog.ALL) {
            values.put(s, value(t, s));
        }
        try {
            return app.initscope.core.train.TrainConfig.of(values::get);
        } catch (InvalidConfigException e) {
            throw new PresetException("'train." + e.setting().map(Setting::id).orElse("?") + "' " + e.problem(), e);
        }
    }

    /** The view options: every entry of {@link ViewCatalog}, those added later optional. */
    private static Preset.ViewState view(Fields v) throws PresetException {
        Map<Setting<?>, Object> values = new java.util.HashMap<>();
        for (Setting<?> s : ViewCatalog.ALL) {
            Object value = value(v, s);
            if (value != null) {
                values.put(s, value);
            }
        }
        try {
            return new Preset.ViewState(values);
        } catch (IllegalArgumentException e) {
            throw new PresetException(e.getMessage(), e);
        }
    }

    /** The fields of one JSON object, read with messages that name them by path, e.g. {@code 'config.fanIn'}. */
    private record Fields(JsonNode node, String prefix) {

        private String path(String key) {
            return "'" + prefix + key + "'";
        }

        JsonNode required(String key) throws PresetException {
            JsonNode n = node.get(key);
            if (n == null) {
                throw new PresetException("missing " + path(key));
            }
            return n;
        }

        /** An object member, or null when absent or JSON null. */
        Fields optionalObject(String key) throws PresetException {
            JsonNode n = node.get(key);
            return n == null || n.isNull() ? null : object(key);
        }

        /** A member of the JSON type {@code is} accepts; the message says what it {@code mustBe} otherwise. */
        JsonNode typed(String key, java.util.function.Predicate<JsonNode> is, String mustBe) throws PresetException {
            JsonNode n = required(key);
            if (!is.test(n)) {
                throw new PresetException(path(key) + " must be " + mustBe + ", got " + describe(n));
            }
            return n;
        }

        Fields object(String key) throws PresetException {
            return new Fields(typed(key, JsonNode::isObject, "an object {...}"), prefix + key + ".");
        }

        String text(String key) throws PresetException {
            return typed(key, JsonNode::isTextual, "a string").asText();
        }

        /** A string member, or null when absent or JSON null. */
        String optionalText(String key) throws PresetException {
            JsonNode n = node.get(key);
            return n == null || n.isNull() ? null : text(key);
        }

        <T> T id(String key, Function<String, T> fromId) throws PresetException {
            String id = text(key);
            try {
                return fromId.apply(id);
            } catch (IllegalArgumentException e) {
                throw new PresetException(path(key) + ": " + e.getMessage(), e);
            }
        }

        boolean bool(String key) throws PresetException {
            return typed(key, JsonNode::isBoolean, "true or false").booleanValue();
        }

        /** A finite number. */
        double number(String key) throws PresetException {
            double v = typed(key, JsonNode::isNumber, "a number").doubleValue();
            if (!Double.isFinite(v)) {
                throw new PresetException(path(key) + " must be a finite number, got " + v);
            }
            return v;
        }

        /** A whole number that fits a long; {@code 1e3} and {@code 10.0} count, {@code 10.5} does not. */
        long whole(String key) throws PresetException {
            JsonNode n = required(key);
            if (n.isIntegralNumber()) {
                if (!n.canConvertToLong()) {
                    throw new PresetException(path(key) + " is out of range, got " + n.asText());
                }
                return n.longValue();
            }
            double v = number(key);
            if (v != Math.rint(v)) {
                throw new PresetException(path(key) + " must be a whole number, got " + n.asText());
            }
            if (Math.abs(v) >= 0x1p63) {
                throw new PresetException(path(key) + " is out of range, got " + n.asText());
            }
            return (long) v;
        }

        /** A whole number that fits an int. */
        int integer(String key) throws PresetException {
            long v = whole(key);
            if (v != (int) v) {
                throw new PresetException(path(key) + " is out of range, got " + v);
            }
            return (int) v;
        }
    }

    /** A JSON value for a message: numbers and literals as written, the kind of anything else. */
    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            String s = n.asText();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.asText();
    }

    /**
     * Whether a parse error comes from text that stops early: the parser hit the end inside an object or array, or
     * failed on a last word cut short, such as {@code tr} for {@code true} or {@code 0.} for {@code 0.01}.
     */
    private static boolean truncated(String json, JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return true;
        }
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.getParsingContext() == null
                || parser.getParsingContext().inRoot() || e.getLocation() == null) {
            return false;
        }
        long at = e.getLocation().getCharOffset();
        return at >= 0 && at <= json.length() && json.substring((int) at).chars()
                .noneMatch(c -> Character.isWhitespace(c) || "{}[],:\"".indexOf(c) >= 0);
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "position unknown"
                : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /**
     * A parser's message in the user's terms: Jackson's names for its settings and limits (such as
     * {@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS} or {@code StreamReadConstraints.getMaxNestingDepth()}) mean
     * nothing to someone editing a preset.
     */
    static String userTerms(String message) {
        var token = java.util.regex.Pattern.compile("Non-standard token '([^']*)'").matcher(message);
        if (token.find()) {
            return token.group(1) + " is not a number JSON allows; write a finite number such as 0.5";
        }
        var depth = java.util.regex.Pattern.compile("nesting depth \\((\\d+)\\) exceeds the maximum allowed "
                + "\\((\\d+)").matcher(message);
        if (depth.find()) {
            return "nested deeper than " + depth.group(2) + " levels; a preset nests 3";
        }
        var length = java.util.regex.Pattern.compile("(Number|String|Name) value length \\((\\d+)\\) exceeds the "
                + "maximum allowed \\((\\d+)").matcher(message);
        if (length.find()) {
            return "a " + length.group(1).toLowerCase(java.util.Locale.ROOT) + " " + length.group(2)
                    + " characters long, over the limit of " + length.group(3);
        }
        // anything else: drop the advice about parser features and any quoted Java name
        return message.replaceAll(":? *(enable|use) `[^`]*`[^;.]*", "").replaceAll(" *\\([^()]*`[^`]*`[^()]*\\)", "")
                .replaceAll("`[A-Za-z_.$()]+`", "").trim();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
