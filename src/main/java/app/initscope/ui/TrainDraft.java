package app.initscope.ui;

import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;

/**
 * The window's draft of the training settings: a property per entry of {@link TrainCatalog#ALL}, made from the
 * catalog as {@link ConfigDraft} makes the experiment's. A setting with a word (the batch's {@code full}) keeps
 * its number in its property, for the slider, and the word in {@link #word}, for a check box beside it.
 */
final class TrainDraft extends SettingsDraft {

    TrainDraft() {
        super("the training draft", TrainCatalog.ALL, TrainConfig.defaults()::get);
    }

    /** The validated training settings. @throws IllegalArgumentException naming a setting out of its range */
    TrainConfig build() {
        return TrainConfig.of(this::get);
    }

    /** Takes every setting of {@code c}; refused whole when one lies outside the window's range. */
    void apply(TrainConfig c) {
        applyAll(c::get);
    }

    void checkWindowRanges(TrainConfig c) {
        checkWindowRanges(c::get);
    }

    void reset() {
        apply(TrainConfig.defaults());
    }
}
