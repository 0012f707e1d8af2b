package app.initscope.ui;

import app.initscope.core.settings.Setting;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;
import app.initscope.export.TrainSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's draft of the training settings: a property per entry of {@link TrainCatalog#ALL}, made from the
 * catalog as {@link ConfigDraft} makes the experiment's. A setting with a word (the batch's {@code full}) keeps
 * its number in its property, for the slider, and the word in {@link #word}, for a check box beside it.
 */
final class TrainDraft {

    private final Map<Setting<?>, Property<?>> values = new LinkedHashMap<>();
    private final Map<Setting<?>, BooleanProperty> words = new LinkedHashMap<>();

    TrainDraft() {
        TrainConfig defaults = TrainConfig.defaults();
        for (Setting<?> s : TrainCatalog.ALL) {
            Object v = value(defaults, s);
            if (s.word() != null) {
                words.put(s, new SimpleBooleanProperty(this, s.id() + "-" + s.word(), s.isWord(v)));
                if (s.isWord(v)) {
                    v = (int) s.windowMax();
                }
            }
            values.put(s, switch (s.kind()) {
                case INTEGER -> new SimpleIntegerProperty(this, s.id(), (Integer) v);
                case NUMBER -> new SimpleDoubleProperty(this, s.id(), (Double) v);
                default -> new SimpleObjectProperty<>(this, s.id(), v);
            });
        }
    }

    /** A setting's value in a config. */
    static Object value(TrainConfig c, Setting<?> s) {
        return TrainSettings.value(c, s);
    }

    /** The settings, in catalog order. */
    List<Setting<?>> settings() {
        return List.copyOf(values.keySet());
    }

    @SuppressWarnings("unchecked")
    Property<Number> number(Setting<? extends Number> s) {
        return (Property<Number>) property(s);
    }

    @SuppressWarnings("unchecked")
    <T> ObjectProperty<T> choice(Setting<T> s) {
        return (ObjectProperty<T>) property(s);
    }

    /** Whether a setting with a word takes the word's value (the batch is {@code full}). */
    BooleanProperty word(Setting<?> s) {
        BooleanProperty p = words.get(s);
        if (p == null) {
            throw new IllegalArgumentException(s.id() + " has no word");
        }
        return p;
    }

    private Property<?> property(Setting<?> s) {
        Property<?> p = values.get(s);
        if (p == null) {
            throw new IllegalArgumentException("the training draft has no setting " + s.id());
        }
        return p;
    }

    /** The draft's value of a setting (the word's value when its box is ticked). */
    <T> T get(Setting<T> s) {
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

    /** Sets a setting's value; the word's value ticks the word's box and keeps the number. */
    @SuppressWarnings("unchecked")
    void set(Setting<?> s, Object value) {
        BooleanProperty word = words.get(s);
        if (word != null) {
            word.set(s.isWord(value));
            if (s.isWord(value)) {
                return;
            }
        }
        ((Property<Object>) property(s)).setValue(s.cast(value));
    }

    /** Calls {@code listener} whenever any setting changes. */
    void addListener(InvalidationListener listener) {
        values.values().forEach(p -> p.addListener(listener));
        words.values().forEach(p -> p.addListener(listener));
    }

    /** The draft as a config; throws naming the setting when a value is invalid. */
    TrainConfig build() {
        return TrainSettings.of(this::get);
    }

    /**
     * Takes every value of a config after checking that each lies in the window's range; on a refusal nothing
     * changes.
     *
     * @throws IllegalArgumentException naming the first setting outside the window's range
     */
    void apply(TrainConfig c) {
        checkWindowRanges(c);
        for (Setting<?> s : values.keySet()) {
            set(s, value(c, s));
        }
    }

    /**
     * Checks that every value of a config lies in the window's range.
     *
     * @throws IllegalArgumentException naming the first setting outside the window's range
     */
    void checkWindowRanges(TrainConfig c) {
        for (Setting<?> s : values.keySet()) {
            Object v = value(c, s);
            if (!s.inWindowRange(v)) {
                throw new IllegalArgumentException(s.label() + " " + s.text(v) + " is outside the window's range "
                        + s.text(narrow(s, s.windowMin())) + "–" + s.text(narrow(s, s.windowMax())));
            }
        }
    }

    private static Object narrow(Setting<?> s, double v) {
        return s.kind() == Setting.Kind.INTEGER ? (Object) (int) v : (Object) v;
    }

    /** Every setting back to its default. */
    void reset() {
        apply(TrainConfig.defaults());
    }
}
