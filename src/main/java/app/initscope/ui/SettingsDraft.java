package app.initscope.ui;

import app.initscope.core.settings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One JavaFX property per setting of a catalog, made from the settings' descriptions: the window's experiment
 * draft, its training draft and its view options are each one of these, so that the editors, the presets, the
 * preferences, the tour's snapshot and the stale marking loop over the same descriptions. A whole number with a
 * word ({@code --batch full}) gets a second, boolean property for the word, and keeps its number for when the
 * word is unticked.
 */
class SettingsDraft {

    private final Map<Setting<?>, Property<?>> values = new LinkedHashMap<>();
    private final Map<Setting<?>, BooleanProperty> words = new LinkedHashMap<>();
    private final String what;

    /**
     * @param what     how errors name this draft, e.g. "the training draft"
     * @param settings the settings, in order
     * @param initial  each setting's first value
     */
    SettingsDraft(String what, List<Setting<?>> settings, Function<Setting<?>, Object> initial) {
        this.what = what;
        for (Setting<?> s : settings) {
            Object v = initial.apply(s);
            if (s.word() != null) {
                words.put(s, new SimpleBooleanProperty(this, s.id() + "-" + s.word(), s.isWord(v)));
                if (s.isWord(v)) {
                    v = (int) s.windowMax();
                }
            }
            values.put(s, switch (s.kind()) {
                case INTEGER -> new SimpleIntegerProperty(this, s.id(), (Integer) v);
                case WHOLE -> new SimpleLongProperty(this, s.id(), (Long) v);
                case NUMBER -> new SimpleDoubleProperty(this, s.id(), (Double) v);
                case CHOICE -> v instanceof Boolean b ? new SimpleBooleanProperty(this, s.id(), b)
                        : new SimpleObjectProperty<>(this, s.id(), v);
                case LIST -> new SimpleObjectProperty<>(this, s.id(), v);
            });
        }
    }

    /** The settings, in their catalog's order. */
    final List<Setting<?>> settings() {
        return List.copyOf(values.keySet());
    }

    /** Whether this draft holds the setting. */
    final boolean has(Setting<?> s) {
        return values.containsKey(s);
    }

    @SuppressWarnings("unchecked")
    final Property<Number> number(Setting<? extends Number> s) {
        return (Property<Number>) property(s);
    }

    final IntegerProperty integer(Setting<Integer> s) {
        return (IntegerProperty) property(s);
    }

    final LongProperty whole(Setting<Long> s) {
        return (LongProperty) property(s);
    }

    final DoubleProperty decimal(Setting<Double> s) {
        return (DoubleProperty) property(s);
    }

    final BooleanProperty bool(Setting<Boolean> s) {
        return (BooleanProperty) property(s);
    }

    @SuppressWarnings("unchecked")
    final <T> ObjectProperty<T> choice(Setting<T> s) {
        return (ObjectProperty<T>) property(s);
    }

    /** The word's tick box of a setting with a word ({@code full}). */
    final BooleanProperty word(Setting<?> s) {
        BooleanProperty p = words.get(s);
        if (p == null) {
            throw new IllegalArgumentException(s.id() + " has no word");
        }
        return p;
    }

    final Property<?> property(Setting<?> s) {
        Property<?> p = values.get(s);
        if (p == null) {
            throw new IllegalArgumentException(what + " has no setting " + s.id());
        }
        return p;
    }

    /** The value, typed as the setting's description says (the word's value while the word is ticked). */
    final <T> T get(Setting<T> s) {
        BooleanProperty word = words.get(s);
        if (word != null && word.get()) {
            return s.cast(s.wordValue());
        }
        Object v = property(s).getValue();
        return s.cast(v instanceof Number n ? switch (s.kind()) {
            case INTEGER -> n.intValue();
            case WHOLE -> n.longValue();
            default -> n.doubleValue();
        } : v);
    }

    /** Sets a value; the setting's word ticks its box and keeps the number. */
    @SuppressWarnings("unchecked")
    final void set(Setting<?> s, Object value) {
        BooleanProperty word = words.get(s);
        if (word != null) {
            word.set(s.isWord(value));
            if (s.isWord(value)) {
                return;
            }
        }
        ((Property<Object>) property(s)).setValue(s.cast(value));
    }

    /** Listens to every value and word. */
    final void addListener(InvalidationListener listener) {
        values.values().forEach(p -> p.addListener(listener));
        words.values().forEach(p -> p.addListener(listener));
    }

    /** Every value, as {@link #get} gives it. */
    final Map<Setting<?>, Object> values() {
        Map<Setting<?>, Object> m = new LinkedHashMap<>();
        for (Setting<?> s : values.keySet()) {
            m.put(s, get(s));
        }
        return m;
    }

    /** Sets every setting to the value {@code source} gives, after checking that all are in the window's range. */
    final void applyAll(Function<Setting<?>, Object> source) {
        checkWindowRanges(source);
        for (Setting<?> s : values.keySet()) {
            set(s, source.apply(s));
        }
    }

    /**
     * @throws IllegalArgumentException naming the first setting whose value lies outside the window's range, before
     *                                  anything changes
     */
    final void checkWindowRanges(Function<Setting<?>, Object> source) {
        for (Setting<?> s : values.keySet()) {
            Object v = source.apply(s);
            if (!s.inWindowRange(v)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s is outside the window's range "
                        + "%s–%s%s", s.label(), s.text(v), s.text(narrow(s, s.windowMin())),
                        s.text(narrow(s, s.windowMax())), outsideHint()));
            }
        }
    }

    /** What the message about a value outside the window's range adds, e.g. where else the value is taken. */
    String outsideHint() {
        return "";
    }

    private static Object narrow(Setting<?> s, double v) {
        return switch (s.kind()) {
            case INTEGER -> (int) v;
            case WHOLE -> (long) v;
            default -> v;
        };
    }
}
