package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's one draft of an experiment: a property per setting of the {@link Catalog} (but the strategy list,
 * which the window derives from the strategy shown and the ones compared), created from the catalog, so a new
 * setting needs no code here. Editors bind to {@link #number} and {@link #choice} (or the typed
 * {@link #integer}, {@link #whole} and {@link #decimal}); {@link #build} turns the draft
 * into a validated config.
 */
final class ConfigDraft {

    private final Map<Setting<?>, Property<?>> values = new LinkedHashMap<>();

    ConfigDraft() {
        ExperimentConfig defaults = ExperimentConfig.defaults();
        for (Setting<?> s : Catalog.ALL) {
            if (s == Catalog.STRATEGIES) {
                continue;
            }
            Object v = defaults.get(s);
            values.put(s, switch (s.kind()) {
                case INTEGER -> new SimpleIntegerProperty(this, s.id(), (Integer) v);
                case WHOLE -> new SimpleLongProperty(this, s.id(), (Long) v);
                case NUMBER -> new SimpleDoubleProperty(this, s.id(), (Double) v);
                case CHOICE, LIST -> new SimpleObjectProperty<>(this, s.id(), v);
            });
        }
    }

    /** The settings the draft holds, in catalog order. */
    List<Setting<?>> settings() {
        return List.copyOf(values.keySet());
    }

    /** The property of a numeric setting: an Integer-, Long- or DoubleProperty by the setting's kind. */
    @SuppressWarnings("unchecked")
    Property<Number> number(Setting<? extends Number> s) {
        return (Property<Number>) property(s);
    }

    /** The property of a whole-number setting such as {@link Catalog#DEPTH}. */
    IntegerProperty integer(Setting<Integer> s) {
        return (IntegerProperty) property(s);
    }

    /** The property of a long setting such as {@link Catalog#SEED}. */
    LongProperty whole(Setting<Long> s) {
        return (LongProperty) property(s);
    }

    /** The property of a real-valued setting such as {@link Catalog#LEAKY_SLOPE}. */
    DoubleProperty decimal(Setting<Double> s) {
        return (DoubleProperty) property(s);
    }

    /** The property of a choice. */
    @SuppressWarnings("unchecked")
    <T> ObjectProperty<T> choice(Setting<T> s) {
        return (ObjectProperty<T>) property(s);
    }

    private Property<?> property(Setting<?> s) {
        Property<?> p = values.get(s);
        if (p == null) {
            throw new IllegalArgumentException("the window's draft has no setting " + s.id());
        }
        return p;
    }

    /** The draft's value of a setting. */
    <T> T get(Setting<T> s) {
        Object v = property(s).getValue();
        return s.cast(v instanceof Number n ? switch (s.kind()) {
            case INTEGER -> n.intValue();
            case WHOLE -> n.longValue();
            default -> n.doubleValue();
        } : v);
    }

    /** Sets a setting's value (not checked here: {@link #build} checks). */
    @SuppressWarnings("unchecked")
    <T> void set(Setting<T> s, Object value) {
        ((Property<Object>) property(s)).setValue(s.cast(value));
    }

    /** Calls {@code listener} whenever any setting changes. */
    void addListener(InvalidationListener listener) {
        values.values().forEach(p -> p.addListener(listener));
    }

    /** The draft as a config that runs these strategies; throws if a value is invalid. */
    ExperimentConfig build(List<Strategy> strategies) {
        ExperimentConfig.Builder b = ExperimentConfig.builder().strategies(strategies);
        for (Setting<?> s : values.keySet()) {
            copy(s, b);
        }
        return b.build();
    }

    private <T> void copy(Setting<T> s, ExperimentConfig.Builder b) {
        b.set(s, get(s));
    }

    /**
     * Takes every value of a config, after checking that each lies in the window's range; on a refusal nothing
     * changes.
     *
     * @throws IllegalArgumentException naming the first setting outside the window's range
     */
    void apply(ExperimentConfig c) {
        checkWindowRanges(c);
        for (Setting<?> s : values.keySet()) {
            set(s, c.get(s));
        }
    }

    /**
     * Checks that every value of a config lies in the window's range.
     *
     * @throws IllegalArgumentException naming the first setting outside the window's range
     */
    void checkWindowRanges(ExperimentConfig c) {
        for (Setting<?> s : values.keySet()) {
            Object v = c.get(s);
            if (!s.inWindowRange(v)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s %s is outside the window's range %s–%s (the command line takes it: initscope run "
                                + "--preset)", s.label(), s.text(v), s.text(narrow(s, s.windowMin())),
                        s.text(narrow(s, s.windowMax()))));
            }
        }
    }

    private static Object narrow(Setting<?> s, double v) {
        return switch (s.kind()) {
            case INTEGER -> (int) v;
            case WHOLE -> (long) v;
            default -> v;
        };
    }

    /** Every setting back to its default. */
    void reset() {
        apply(ExperimentConfig.defaults());
    }
}
