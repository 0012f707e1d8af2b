package app.initscope.core.train;

import app.initscope.core.settings.Ids;
import java.util.Locale;

/** The data sets a network can be trained on. */
public enum DatasetId implements Ids.Kebab {
    TEACHER(Kind.TEACHER, 0, 0, "the seed's network"),
    DIGITS(Kind.IMAGES, 64, 10, "depth 4, width 256, tanh"),
    SPIRAL(Kind.POINTS, 2, 3, "depth 8, width 64, ReLU"),
    MOONS(Kind.POINTS, 2, 2, "depth 2, width 16"),
    CIRCLES(Kind.POINTS, 2, 2, "depth 2, width 16"),
    XOR(Kind.POINTS, 2, 2, "depth 2, width 16");

    /** What a data set is made of. */
    public enum Kind {
        /** A regression onto a fixed random network's outputs, from the experiment's own input. */
        TEACHER,
        /** 8×8 images of handwritten digits, standardized. */
        IMAGES,
        /** Points in the plane, two coordinates with noise: their decision regions can be drawn. */
        POINTS
    }

    private final Kind kind;
    private final int inputs;
    private final int classes;
    private final String recommended;

    DatasetId(Kind kind, int inputs, int classes, String recommended) {
        this.kind = kind;
        this.inputs = inputs;
        this.classes = classes;
        this.recommended = recommended;
    }

    public Kind kind() {
        return kind;
    }

    /** The input size: the data set's own, or the experiment's fan-in for the teacher. */
    public int inputs(int fanIn) {
        return kind == Kind.TEACHER ? fanIn : inputs;
    }

    /** Whether the data set fixes the input size, so that the experiment's fan-in does not apply. */
    public boolean fixesInputs() {
        return kind != Kind.TEACHER;
    }

    /** The classes of a classification; the teacher regresses onto {@code outputs} targets instead. */
    public int outputs(int outputs) {
        return kind == Kind.TEACHER ? outputs : classes;
    }

    /** Whether the data set is a classification (its charts include accuracy); the teacher is a regression. */
    public boolean classification() {
        return kind != Kind.TEACHER;
    }

    /** Whether the points lie in the plane, so that the decision regions can be drawn. */
    public boolean twoD() {
        return kind == Kind.POINTS;
    }

    /** Whether the noise setting applies: to the teacher's targets and to the points, not to the digits. */
    public boolean noisy() {
        return kind != Kind.IMAGES;
    }

    /** The network the bundled presets train it with, in words. */
    public String recommended() {
        return recommended;
    }

    /** One line on the data set's facts, for the help: its inputs, its classes and a network for it. */
    public String facts() {
        return switch (kind) {
            case TEACHER -> id() + ": fan-in inputs, a regression onto the outputs of a fixed random network";
            case IMAGES, POINTS -> String.format(java.util.Locale.ROOT, "%s: %d inputs, %d classes (%s)", id(),
                    inputs, classes, recommended);
        };
    }

    public static DatasetId fromId(String id) {
        return Ids.lookup(DatasetId.class, id, "data set");
    }

    public static String validIds() {
        return Ids.valid(DatasetId.class);
    }

    @Override
    public String toString() {
        return id();
    }
}
