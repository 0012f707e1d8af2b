package app.initscope.render;

import app.initscope.core.settings.Ids;

/**
 * How the compare grid's columns put their rows on x-axes. Shared linear shows true widths side by side, but one
 * wide row (Large) squeezes the narrow ones into a bar or two; shared symmetric-log keeps one axis and still shows
 * every row's shape; each row's own axis shows every shape at the cost of comparability.
 */
public enum AxisMode implements Ids.Kebab {
    SHARED("shared linear x-axis"),
    SYMLOG("shared symlog x-axis"),
    OWN("each row its own x-axis");

    private final String label;

    AxisMode(String label) {
        this.label = label;
    }

    /** What the figure's header says, e.g. "shared symlog x-axis". */
    public String label() {
        return label;
    }

    /** Looks a mode up by its id. */
    public static AxisMode fromId(String id) {
        return Ids.lookup(AxisMode.class, id, "axis mode");
    }
}
