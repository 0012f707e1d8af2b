package app.initscope.core.settings;

import java.util.function.Function;

/** Describes a setting; {@link #build()} checks that the window's range lies in the hard range. */
public final class SettingBuilder<T> {
    final String id;
    final String flag;
    final Setting.Kind kind;
    final T defaultValue;
    String paramLabel;
    String label;
    Setting<T> defaultsTo;
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    double windowMin = Double.NaN;
    double windowMax = Double.NaN;
    boolean logScale;
    boolean optionalInFiles;
    boolean maxExcluded;
    String help;
    String unit = "";
    Function<String, ?> choiceParser;
    Function<Object, String> choiceId;
    String choices = "";
    Function<String, ?> listParser;
    String entryName = "";
    String word;
    int wordValue;

    SettingBuilder(String id, String flag, Setting.Kind kind, T defaultValue, String paramLabel) {
        this.id = id;
        this.flag = flag;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.paramLabel = paramLabel;
    }

    @SuppressWarnings("unchecked")
    <E> SettingBuilder<T> choices(Function<String, E> parse, Function<E, String> idOf, String valid) {
        this.choiceParser = parse;
        this.choiceId = v -> idOf.apply((E) v);
        this.choices = valid;
        return this;
    }

    /** The range every value must lie in (inclusive). */
    public SettingBuilder<T> range(double lo, double hi) {
        this.min = lo;
        this.max = hi;
        return this;
    }

    /** The range [lo, hi) every value must lie in: hi itself is refused (a correlation of 1, say). */
    public SettingBuilder<T> rangeBelow(double lo, double hi) {
        this.min = lo;
        this.max = hi;
        this.maxExcluded = true;
        return this;
    }

    /** The narrower range the window's editor offers (inclusive); by default the hard range. */
    public SettingBuilder<T> window(double lo, double hi) {
        this.windowMin = lo;
        this.windowMax = hi;
        return this;
    }

    /** A saved file may leave the setting out; it then takes its default (see {@link #optionalInFiles()}). */
    public SettingBuilder<T> optionalInFiles() {
        this.optionalInFiles = true;
        return this;
    }

    /** The window's slider moves on a log scale. */
    public SettingBuilder<T> log() {
        this.logScale = true;
        return this;
    }

    /** The label in the window; by default the id. */
    public SettingBuilder<T> label(String text) {
        this.label = text;
        return this;
    }

    /** The command line's placeholder, e.g. {@code A}. */
    public SettingBuilder<T> paramLabel(String text) {
        this.paramLabel = text;
        return this;
    }

    /** When never set, the value is that of another setting. */
    public SettingBuilder<T> defaultsTo(Setting<T> other) {
        this.defaultsTo = other;
        return this;
    }

    /**
     * A word that the text of a whole-number setting may use for a special value outside the range, e.g.
     * {@code full} for a batch of every row; {@link Setting#text} spells that value as the word.
     */
    public SettingBuilder<T> word(String text, int value) {
        this.word = text;
        this.wordValue = value;
        return this;
    }

    public SettingBuilder<T> help(String text) {
        this.help = text;
        return this;
    }

    public SettingBuilder<T> unit(String text) {
        this.unit = text;
        return this;
    }

    public Setting<T> build() {
        return new Setting<>(this);
    }
}
