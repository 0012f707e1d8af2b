package app.initscope.render;

import app.initscope.core.settings.Ids;

/** The window's views, in the order of their tabs; a preset's {@code view.tab} names one by its id. */
public enum ViewTab implements Ids.Kebab {
    SINGLE,
    COMPARE,
    DEPTH,
    EXPLAIN,
    TRAIN,
    PHASE;

    /** @throws IllegalArgumentException naming the valid ids */
    public static ViewTab fromId(String id) {
        return Ids.lookup(ViewTab.class, id, "view");
    }

    public static String validIds() {
        return Ids.valid(ViewTab.class);
    }
}
