package app.initscope.render;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The window's views, in the order of their tabs; a preset's {@code view.tab} names one by its id. */
public enum ViewTab {
    SINGLE("single"),
    COMPARE("compare"),
    DEPTH("depth"),
    EXPLAIN("explain"),
    TRAIN("train"),
    PHASE("phase");

    private final String id;

    ViewTab(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the valid ids */
    public static ViewTab fromId(String id) {
        for (ViewTab t : values()) {
            if (t.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown view '" + id + "'; valid: " + validIds());
    }

    public static String validIds() {
        return Arrays.stream(values()).map(ViewTab::id).collect(Collectors.joining(", "));
    }
}
