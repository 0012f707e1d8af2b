package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Setting;
import java.util.List;
/**
 * The window's one draft of an experiment: a property per setting of the {@link Catalog} (but the strategy list,
 * which the window derives from the strategy shown and the ones compared), created from the catalog, so a new
 * setting needs no code here. Editors bind to {@link #number} and {@link #choice} (or the typed
 * {@link #integer}, {@link #whole} and {@link #decimal}); {@link #build} turns the draft
 * into a validated config.
 */
final class ConfigDraft extends SettingsDraft {

    ConfigDraft() {
        super("the window's draft", Catalog.ALL.stream().filter(s -> s != Catalog.STRATEGIES).toList(),
                ExperimentConfig.defaults()::get);
    }

    /** The experiment of these settings with these strategies. */
    ExperimentConfig build(List<Strategy> strategies) {
        ExperimentConfig.Builder b = ExperimentConfig.builder().strategies(strategies);
        for (Setting<?> s : settings()) {
            copy(s, b);
        }
        return b.build();
    }

    private <T> void copy(Setting<T> s, ExperimentConfig.Builder b) {
        b.set(s, get(s));
    }

    /** Takes every setting of {@code c}; refused whole when one lies outside the window's range. */
    void apply(ExperimentConfig c) {
        applyAll(c::get);
    }

    void checkWindowRanges(ExperimentConfig c) {
        checkWindowRanges(c::get);
    }

    @Override
    String outsideHint() {
        return " (the command line takes it: initscope run --preset)";
    }

    void reset() {
        apply(ExperimentConfig.defaults());
    }
}
