package app.initscope.render;

/**
 * How the compare grid's columns put their rows on x-axes. Shared linear shows true widths side by side, but one
 * wide row (Large) squeezes the narrow ones into a bar or two; shared symmetric-log keeps one axis and still shows
 * every row's shape; each row's own axis shows every shape at the cost of comparability.
 */
public enum AxisMode {
    SHARED_LINEAR("shared", "shared linear x-axis"),
    SHARED_SYMLOG("symlog", "shared symlog x-axis"),
    PER_ROW("own", "each row its own x-axis");

    private final String id;
    private final String label;

    AxisMode(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** A short name for files, presets and the command line: shared, symlog or own. */
    public String id() {
        return id;
    }

    /** What the figure's header says, e.g. "shared symlog x-axis". */
    public String label() {
        return label;
    }

    /** Looks a mode up by its id. */
    public static AxisMode fromId(String id) {
        for (AxisMode m : values()) {
            if (m.id.equalsIgnoreCase(id.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown axis mode '" + id + "'; valid: shared, symlog, own");
    }
}
