package app.initscope.ui;

import app.initscope.core.experiment.StrategyResult;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableObjectValue;

/**
 * The lecture state: presentation mode, the settings hidden, the list of keys shown, and the ghost pinned under
 * the live histograms. The view reads the properties and changes them only through the commands.
 */
public final class Presentation {

    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting", false);
    private final ReadOnlyBooleanWrapper controlsHidden = new ReadOnlyBooleanWrapper(this, "controlsHidden", false);
    private final ReadOnlyBooleanWrapper helpShown = new ReadOnlyBooleanWrapper(this, "helpShown", false);
    private final ReadOnlyObjectWrapper<StrategyResult> pinned = new ReadOnlyObjectWrapper<>(this, "pinned");
    private final ObservableObjectValue<StrategyResult> shown;
    private final Status status;

    /**
     * @param shown  the result shown, which {@link #togglePin} pins
     * @param status where pinning is announced
     */
    Presentation(ObservableObjectValue<StrategyResult> shown, Status status) {
        this.shown = shown;
        this.status = status;
    }

    /** Presentation mode: full screen, large type, high contrast. */
    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    /** Whether the settings (side bar, sliders, menu) are hidden so the charts fill the screen. */
    public ReadOnlyBooleanProperty controlsHiddenProperty() {
        return controlsHidden.getReadOnlyProperty();
    }

    /** Whether the list of keys is shown over the window. */
    public ReadOnlyBooleanProperty helpShownProperty() {
        return helpShown.getReadOnlyProperty();
    }

    /** The result pinned as a faint "before" under the live histograms, or null. */
    public ReadOnlyObjectProperty<StrategyResult> pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** Enters or leaves presentation mode. */
    public void setPresenting(boolean on) {
        presenting.set(on);
    }

    /** Enters presentation mode, or leaves it. */
    public void togglePresenting() {
        presenting.set(!presenting.get());
    }

    /** Hides or shows the settings. */
    public void setControlsHidden(boolean hidden) {
        controlsHidden.set(hidden);
    }

    /** Hides the settings, or brings them back. */
    public void toggleControlsHidden() {
        controlsHidden.set(!controlsHidden.get());
    }

    /** Shows or hides the list of keys. */
    public void setHelpShown(boolean on) {
        helpShown.set(on);
    }

    /** Shows the list of keys, or hides it. */
    public void toggleHelp() {
        helpShown.set(!helpShown.get());
    }

    /** Pins the shown histograms as a ghost, or unpins them when something is pinned already. */
    public void togglePin() {
        pinned.set(pinned.get() == null ? shown.get() : null);
        status.notice(pinned.get() == null ? "unpinned" : "pinned " + pinned.get().strategy().label()
                + " as a grey ghost: pick another strategy to compare in place (P again to unpin)");
    }
}
