package app.initscope.core.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names for an enum's constants, as the command line, the JSON and the presets spell them: a constant is looked up
 * by its id, case-insensitively and with the blanks around it ignored, and an unknown id is refused with a message
 * that lists the valid ones.
 */
public final class Ids {

    /** A constant with an id. */
    public interface Identified {
        /** The id, e.g. {@code weightGradient}. */
        String id();
    }

    /** An enum constant whose id is its name with hyphens: {@code LEAKY_RELU} is {@code leaky-relu}. */
    public interface Kebab extends Identified {
        /** The constant's name, as {@link Enum#name()} gives it. */
        String name();

        @Override
        default String id() {
            return kebab(name());
        }
    }

    /** An enum constant whose id is its name in camel case: {@code WEIGHT_GRADIENT} is {@code weightGradient}. */
    public interface Camel extends Identified {
        /** The constant's name, as {@link Enum#name()} gives it. */
        String name();

        @Override
        default String id() {
            return camel(name());
        }
    }

    private Ids() {
    }

    /** The id spelt from a constant's name in camel case: {@code WEIGHT_GRADIENT} is {@code weightGradient}. */
    public static String camel(Enum<?> constant) {
        return camel(constant.name());
    }

    private static String camel(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("_");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return id.toString();
    }

    /** The id spelt from a constant's name with hyphens: {@code LEAKY_RELU} is {@code leaky-relu}. */
    public static String kebab(Enum<?> constant) {
        return kebab(constant.name());
    }

    private static String kebab(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} with this id.
     *
     * @param what how the message names the kind of thing, e.g. "strategy"
     * @throws IllegalArgumentException "unknown strategy 'x'; valid: …" when none has it
     */
    public static <E extends Enum<E> & Identified> E lookup(Class<E> type, String id, String what) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.id().toLowerCase(Locale.ROOT).equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "'; valid: " + valid(type));
    }

    /** The valid ids, in declaration order, comma-separated. */
    public static <E extends Enum<E> & Identified> String valid(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Identified::id).collect(Collectors.joining(", "));
    }
}
