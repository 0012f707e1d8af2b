package app.initscope.core.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One setting, described once: its id (the JSON and preferences key), its command-line flag, its label in the
 * window, its default, the range the command line accepts and the narrower range the window's slider offers, its
 * help text and its unit. The option parser, the editors, the validation and the serialization are all derived
 * from this description, so a new setting is one new entry in a catalog.
 *
 * <p>Values are typed by {@link Kind}: {@code Integer}, {@code Long}, {@code Double}, or a choice among named
 * values ({@code T} with an id), or a list of such choices. Text is parsed strictly: a plain decimal number as a
 * C locale writes it ({@code +5}, {@code 0x10}, {@code 0.2f} and non-ASCII digits are refused).
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    /** How a value is stored and spelt. */
    public enum Kind {
        /** An {@code Integer}. */
        INTEGER,
        /** A {@code Long}. */
        WHOLE,
        /** A finite {@code Double}. */
        NUMBER,
        /** One of a set of named values. */
        CHOICE,
        /** A non-empty list of distinct named values. */
        LIST
    }

    private static final Pattern WHOLE_TEXT = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final String id;
    private final String flag;
    private final String label;
    private final String paramLabel;
    private final Kind kind;
    private final T defaultValue;
    private final Setting<T> defaultsTo;
    private final double min;
    private final double max;
    private final double windowMin;
    private final double windowMax;
    private final boolean logScale;
    private final boolean inWindow;
    private final boolean optionalInFiles;
    private final boolean maxExcluded;
    private final String help;
    private final String unit;
    private final Function<String, ?> choiceParser;
    private final Function<Object, String> choiceId;
    private final String choices;
    private final Function<String, ?> listParser;
    private final String entryName;
    private final String word;
    private final int wordValue;

    Setting(SettingBuilder<T> b) {
        this.id = b.id;
        this.flag = b.flag;
        this.label = b.label == null ? b.id : b.label;
        this.paramLabel = b.paramLabel;
        this.kind = b.kind;
        this.defaultValue = b.defaultValue;
        this.defaultsTo = b.defaultsTo;
        this.min = b.min;
        this.max = b.max;
        this.windowMin = Double.isNaN(b.windowMin) ? b.min : b.windowMin;
        this.windowMax = Double.isNaN(b.windowMax) ? b.max : b.windowMax;
        this.logScale = b.logScale;
        this.inWindow = !Double.isNaN(b.windowMin);
        this.optionalInFiles = b.optionalInFiles;
        this.maxExcluded = b.maxExcluded;
        this.help = Objects.requireNonNull(b.help, "help");
        this.unit = b.unit;
        this.choiceParser = b.choiceParser;
        this.choiceId = b.choiceId;
        this.choices = b.choices;
        this.listParser = b.listParser;
        this.entryName = b.entryName;
        this.word = b.word;
        this.wordValue = b.wordValue;
        if (word != null && kind != Kind.INTEGER) {
            throw new IllegalArgumentException(id + ": only a whole-number setting can have a word");
        }
        if (!(min <= windowMin && windowMin <= windowMax && windowMax <= max)
                || maxExcluded && inWindow && windowMax >= max) {
            throw new IllegalArgumentException(id + ": the window's range must lie inside the hard range");
        }
    }

    /** A whole-number setting stored as {@code Integer}. */
    public static SettingBuilder<Integer> integer(String id, String flag, int defaultValue) {
        return new SettingBuilder<>(id, flag, Kind.INTEGER, defaultValue, "N");
    }

    /** A whole-number setting stored as {@code Long}. */
    public static SettingBuilder<Long> whole(String id, String flag, long defaultValue) {
        return new SettingBuilder<Long>(id, flag, Kind.WHOLE, defaultValue, "N").range(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A real-number setting. */
    public static SettingBuilder<Double> number(String id, String flag, double defaultValue) {
        return new SettingBuilder<>(id, flag, Kind.NUMBER, defaultValue, "X");
    }

    /**
     * A choice among named values.
     *
     * @param parse  looks a value up by its id, or throws {@link IllegalArgumentException} naming the valid ids
     * @param idOf   a value's id
     * @param valid  the valid ids, for the help
     */
    public static <E> SettingBuilder<E> choice(String id, String flag, E defaultValue, Function<String, E> parse,
                                        Function<E, String> idOf, String valid) {
        return new SettingBuilder<>(id, flag, Kind.CHOICE, defaultValue, "NAME").choices(parse, idOf, valid);
    }

    /**
     * A non-empty list of distinct named values; its text form is comma-separated.
     *
     * @param parseList parses the comma-separated text, or throws {@link IllegalArgumentException}
     * @param parseOne  looks one value up by its id
     * @param entryName what one entry is called, e.g. {@code strategy}
     */
    public static <E> SettingBuilder<List<E>> list(String id, String flag, String entryName, List<E> defaultValue,
                                            Function<String, List<E>> parseList, Function<String, E> parseOne,
                                            Function<E, String> idOf, String valid) {
        SettingBuilder<List<E>> b = new SettingBuilder<>(id, flag, Kind.LIST, List.copyOf(defaultValue), "LIST");
        b.listParser = parseList;
        b.entryName = entryName;
        return b.choices(parseOne, idOf, valid);
    }

    /** A yes-or-no setting, spelt {@code true} or {@code false}. */
    public static SettingBuilder<Boolean> bool(String id, String flag, boolean defaultValue) {
        return choice(id, flag, defaultValue, Setting::parseBoolean, String::valueOf, "true, false").paramLabel("BOOL");
    }

    private static Boolean parseBoolean(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + text + "' is not a boolean; valid: true, false");
        };
    }

    /** The key in JSON (configs, presets) and in the saved preferences, e.g. {@code fanIn}. */
    public String id() {
        return id;
    }

    /** The command-line flag, e.g. {@code --fan-in}. */
    public String flag() {
        return flag;
    }

    /** The short label the window shows next to the editor, e.g. {@code fan_in}. */
    public String label() {
        return label;
    }

    /** The command line's placeholder for the value, e.g. {@code N}. */
    public String paramLabel() {
        return paramLabel;
    }

    public Kind kind() {
        return kind;
    }

    /** The default value; see {@link #defaultsTo()}. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The setting whose value this one takes when it is never set (the width follows the fan-in), or null. */
    public Setting<T> defaultsTo() {
        return defaultsTo;
    }

    /** The smallest value accepted anywhere (numbers only). */
    public double min() {
        return min;
    }

    /**
     * The largest value accepted anywhere (numbers only), or, when it is {@link #maxExcluded()}, the bound below
     * which every value must lie.
     */
    public double max() {
        return max;
    }

    /** Whether {@link #max()} itself is refused: the range is [min, max). */
    public boolean maxExcluded() {
        return maxExcluded;
    }

    /** The smallest value the window's editor offers. */
    public double windowMin() {
        return windowMin;
    }

    /** The largest value the window's editor offers. */
    public double windowMax() {
        return windowMax;
    }

    /** Whether the window offers an editor for this setting (its description gave a window range). */
    public boolean inWindow() {
        return inWindow;
    }

    /**
     * Whether a saved file (a preset) may leave this setting out and get its default: true for settings added
     * after a file format was fixed, so that files written before they existed still read.
     */
    public boolean optionalInFiles() {
        return optionalInFiles;
    }

    /** Whether the window's slider moves on a log scale. */
    public boolean logScale() {
        return logScale;
    }

    /** One or two sentences on what the setting does and why it matters. */
    public String help() {
        return help;
    }

    /** The unit, or an empty string. */
    public String unit() {
        return unit;
    }

    /** Whether the value is a number (integer, whole or real). */
    public boolean isNumeric() {
        return kind == Kind.INTEGER || kind == Kind.WHOLE || kind == Kind.NUMBER;
    }

    /** The valid ids of a choice or list, e.g. {@code tanh, relu}; empty for numbers. */
    public String choices() {
        return choices;
    }

    /**
     * What is wrong with a value, or null when it is valid: null, out of the hard range, not finite, or (for a
     * list) empty or with a repeat.
     */
    public String problem(Object value) {
        if (value == null) {
            return "is required" + (choices.isEmpty() ? "" : "; valid: " + choices);
        }
        if (isWord(value)) {
            return null;
        }
        switch (kind) {
            case INTEGER, WHOLE, NUMBER -> {
                double v = ((Number) value).doubleValue();
                if (maxExcluded && !(v >= min && v < max)) {
                    return "must be between " + format(min) + " and " + format(max) + " (" + format(max)
                            + " excluded), got " + value;
                }
                if (!(v >= min && v <= max)) {
                    return "must be between " + format(min) + " and " + format(max) + ", got " + value;
                }
            }
            case LIST -> {
                List<?> list = (List<?>) value;
                if (list.isEmpty()) {
                    return "must list at least one " + entryName + "; valid: " + choices;
                }
                if (list.stream().distinct().count() != list.size()) {
                    return "lists a " + entryName + " twice: " + text(value);
                }
            }
            case CHOICE -> { }
        }
        return null;
    }

    /** Whether a value lies in the window's range (always true for choices and lists). */
    public boolean inWindowRange(Object value) {
        if (!isNumeric() || value == null) {
            return value != null;
        }
        double v = ((Number) value).doubleValue();
        return isWord(value) || v >= windowMin && v <= windowMax;
    }

    /**
     * The word that stands for a special value of a whole-number setting (e.g. {@code full} for a batch), or null.
     */
    public String word() {
        return word;
    }

    /** The value the {@linkplain #word() word} stands for; meaningful only when there is a word. */
    public int wordValue() {
        return wordValue;
    }

    /** Whether a value is the one the setting's word stands for. */
    public boolean isWord(Object value) {
        return word != null && value instanceof Integer i && i == wordValue;
    }

    /**
     * Parses a value from text strictly (the command line, the preferences).
     *
     * @throws IllegalArgumentException saying what was expected; the range is not checked here
     */
    public T parse(String text) {
        String s = text == null ? "" : text.trim();
        Object v = switch (kind) {
            case INTEGER -> {
                if (word != null && s.equals(word)) {
                    yield wordValue;
                }
                if (!WHOLE_TEXT.matcher(s).matches()) {
                    throw new IllegalArgumentException("expected a whole number" + (word == null ? ""
                            : " or " + word) + ", got '" + text + "'");
                }
                try {
                    yield Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be between " + format(min) + " and " + format(max)
                            + ", got " + s, e);
                }
            }
            case WHOLE -> {
                if (!WHOLE_TEXT.matcher(s).matches()) {
                    throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
                }
                try {
                    yield Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is too large for a 64-bit whole number: " + s, e);
                }
            }
            case NUMBER -> decimal(text);
            case CHOICE -> choiceParser.apply(s);
            case LIST -> listParser.apply(s);
        };
        @SuppressWarnings("unchecked")
        T t = (T) v;
        return t;
    }

    /**
     * Parses a plain decimal number as a C locale writes it, e.g. {@code -0.25} or {@code 1e-3}; refuses what
     * {@link Double#parseDouble} would also take ({@code +5}, {@code 0x1p-3}, {@code 0.2f}, non-ASCII digits) and
     * values that are not finite.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static double decimal(String text) {
        String s = text == null ? "" : text.trim();
        if (!DECIMAL_TEXT.matcher(s).matches()) {
            throw new IllegalArgumentException("expected a decimal number such as 0.25 or 1e-3, got '" + text + "'");
        }
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("must be finite, got " + s);
        }
        return d;
    }

    /** A value as text that {@link #parse} reads back: numbers in the C locale, ids, comma-separated lists. */
    public String text(Object value) {
        if (isWord(value)) {
            return word;
        }
        return switch (kind) {
            case INTEGER, WHOLE -> Long.toString(((Number) value).longValue());
            case NUMBER -> format(((Number) value).doubleValue());
            case CHOICE -> choiceId.apply(value);
            case LIST -> String.join(",", ids(value));
        };
    }

    /** The ids of a list's entries, or of a choice. */
    public List<String> ids(Object value) {
        if (kind == Kind.LIST) {
            return ((List<?>) value).stream().map(choiceId).toList();
        }
        return List.of(choiceId.apply(value));
    }

    /** Looks one entry of a choice or list up by its id. */
    public Object parseId(String id) {
        return choiceParser.apply(id);
    }

    /** Checks that a value has this setting's Java type, and returns it typed. */
    public T cast(Object value) {
        boolean ok = value == null || switch (kind) {
            case INTEGER -> value instanceof Integer;
            case WHOLE -> value instanceof Long;
            case NUMBER -> value instanceof Double;
            case CHOICE -> value instanceof Enum<?> e && defaultValue instanceof Enum<?> d
                    ? e.getDeclaringClass() == d.getDeclaringClass() : defaultValue.getClass().isInstance(value);
            case LIST -> value instanceof List<?>;
        };
        if (!ok) {
            throw new ClassCastException(id + " does not hold a " + value.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        T t = (T) value;
        return t;
    }

    /** The help line for the command line, with the range and the default. */
    public String commandLineHelp() {
        StringBuilder s = new StringBuilder(help);
        if (isNumeric() && (kind != Kind.WHOLE || min > Long.MIN_VALUE)) {
            s.append(" Range ").append(format(min)).append("..").append(format(max))
                    .append(maxExcluded ? " (" + format(max) + " excluded)" : "")
                    .append(word == null ? "" : ", or " + word).append('.');
        }
        if (!choices.isEmpty()) {
            s.append(" Valid: ").append(choices).append('.');
        }
        s.append(" Default: ").append(defaultsTo == null ? text(defaultValue) : "the " + defaultsTo.flag()
                .substring(2)).append('.');
        return s.toString();
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // the shortest text that reads back as v, without Java's "1.0E-12" style: 1e-12, 0.00001, 2.5
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id;
    }
}
