package app.initscope.core.experiment;

import app.initscope.core.settings.Ids;

/** The synthetic input's distribution; both have mean 0 and variance 1, so E[x²] = 1. */
public enum InputDistribution implements Ids.Kebab {
    /** iid N(0, 1). */
    NORMAL,
    /** iid U(−√3, √3). */
    UNIFORM;

    /** E[x²] of one input value. */
    public double secondMoment() {
        return 1.0;
    }

    /** Looks an input distribution up by id. */
    public static InputDistribution fromId(String id) {
        return Ids.lookup(InputDistribution.class, id, "input");
    }

    @Override
    public String toString() {
        return id();
    }
}
