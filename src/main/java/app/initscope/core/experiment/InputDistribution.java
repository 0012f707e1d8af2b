package app.initscope.core.experiment;

import java.util.Locale;

/** The synthetic input's distribution; both have mean 0 and variance 1, so E[x²] = 1. */
public enum InputDistribution {
    /** iid N(0, 1). */
    NORMAL("normal"),
    /** iid U(−√3, √3). */
    UNIFORM("uniform");

    private final String id;

    InputDistribution(String id) {
        this.id = id;
    }

    /** The CLI id. */
    public String id() {
        return id;
    }

    /** E[x²] of one input value. */
    public double secondMoment() {
        return 1.0;
    }

    /** Looks an input distribution up by id. */
    public static InputDistribution fromId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        for (InputDistribution d : values()) {
            if (d.id.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown input '" + id + "'; valid: normal, uniform");
    }

    @Override
    public String toString() {
        return id;
    }
}
