package app.initscope.core.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The data sets a network can be trained on. */
public enum DatasetId {
    /** Regression on the seed's input, targets from a fixed He-initialized teacher MLP plus noise. */
    TEACHER("teacher"),
    /** The UCI handwritten digits, 8×8 pixels, 10 classes. */
    DIGITS("digits"),
    /** Three interleaved 2-D spiral arms. */
    SPIRAL("spiral"),
    /** Two interleaved 2-D half circles. */
    MOONS("moons"),
    /** A 2-D disc inside a ring. */
    CIRCLES("circles"),
    /** The four 2-D quadrants, labelled by the sign of x·y. */
    XOR("xor");

    private final String id;

    DatasetId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The data set with this id. @throws IllegalArgumentException naming the valid ids */
    public static DatasetId fromId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (DatasetId d : values()) {
            if (d.id.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + id + "'; valid: " + validIds());
    }

    /** The network's inputs on this data set: the config's fan-in for the teacher, else fixed by the data. */
    public int inputs(int fanIn) {
        return switch (this) {
            case TEACHER -> fanIn;
            case DIGITS -> Datasets.DIGITS_INPUTS;
            default -> 2;
        };
    }

    public static String validIds() {
        return Arrays.stream(values()).map(DatasetId::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
