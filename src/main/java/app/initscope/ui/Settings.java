package app.initscope.ui;

import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Remembers the last settings and window size between runs (java.util.prefs). Values out of range or unknown
 * are ignored, and a preferences store that cannot be read or written (a read-only home) only costs the memory
 * of the last session: the app starts with the defaults and keeps running.
 */
final class Settings {

    private final Preferences prefs;

    /** @param prefs the node to use, or null when preferences are unavailable */
    Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("app.initscope");

    /** The app's node, or a settings object that remembers nothing if the store is unavailable. */
    static Settings forApp() {
        try {
            return new Settings(Preferences.userNodeForPackage(Settings.class));
        } catch (RuntimeException e) {
            return new Settings(null);
        }
    }

    /** Restores the view-model's settings; missing or bad values keep the defaults. */
    void restore(MainViewModel m) {
        if (prefs == null) {
            return;
        }
        m.batch(() -> restoreValues(m));
    }

    private void restoreValues(MainViewModel m) {
        try {
            for (var entry : m.drafts().entrySet()) {
                SettingsDraft draft = entry.getValue();
                for (Setting<?> s : draft.settings()) {
                    String text = prefs.get(entry.getKey() + s.id(), null);
                    try {
                        Object v = text == null ? null : s.parse(text);
                        if (v != null && s.problem(v) == null && s.inWindowRange(v)) {
                            draft.set(s, v);
                        }
                    } catch (IllegalArgumentException ignored) {
                        // a value from another version, or edited by hand: keep the default
                    }
                }
            }
            List<Strategy> compared = new ArrayList<>();
            for (String id : prefs.get("compared", "").split(",")) {
                try {
                    compared.add(Strategy.fromId(id));
                } catch (IllegalArgumentException ignored) {
                    // an empty list or an id from another version
                }
            }
            if (!compared.isEmpty()) {
                m.view().comparedStrategies().setAll(compared);
            }
            m.view().clampLayer(m.draft().get(app.initscope.core.experiment.Catalog.DEPTH));
        } catch (IllegalStateException | SecurityException ignored) {
            // the store went away: keep the defaults
        }
    }

    /** Saves every setting of every draft (experiment, training, view) and the compared strategies. */
    void save(MainViewModel m) {
        if (prefs == null) {
            return;
        }
        try {
            for (var entry : m.drafts().entrySet()) {
                SettingsDraft draft = entry.getValue();
                for (Setting<?> s : draft.settings()) {
                    prefs.put(entry.getKey() + s.id(), s.text(draft.get(s)));
                }
            }
            prefs.put("compared", String.join(",", m.view().comparedStrategies().stream().map(Strategy::id).toList()));
            prefs.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            // a read-only home: this session's settings are not remembered; say so once, in one line
            LOG.warning("the settings could not be saved (" + e.getMessage() + "); InitScope works, and starts "
                    + "with the defaults next time");
        }
    }

    double[] windowSize(double width, double height) {
        if (prefs == null) {
            return new double[] {width, height};
        }
        double w = prefs.getDouble("windowWidth", width);
        double h = prefs.getDouble("windowHeight", height);
        return new double[] {w >= 900 && w <= 10000 ? w : width, h >= 560 && h <= 10000 ? h : height};
    }

    /** Saves the window size. */
    void saveWindowSize(double width, double height) {
        if (prefs != null) {
            try {
                prefs.putDouble("windowWidth", width);
                prefs.putDouble("windowHeight", height);
                prefs.flush();
            } catch (BackingStoreException | IllegalStateException | SecurityException ignored) {
                // not remembered
            }
        }
    }
}
