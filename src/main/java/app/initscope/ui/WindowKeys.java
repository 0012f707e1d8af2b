package app.initscope.ui;

import java.util.Locale;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;

/**
 * Every command of the window with its keys, in one {@link KeyTable} that the menus, the key list and the key
 * handler all read: a command is one line here.
 */
final class WindowKeys {

    private final MainView view;
    private final MainViewModel model;
    private final TourController tour;
    private final ExportController export;
    private final PresetDialogs presets;

    private WindowKeys(MainView view, MainViewModel model, TourController tour, ExportController export,
                       PresetDialogs presets) {
        this.view = view;
        this.model = model;
        this.tour = tour;
        this.export = export;
        this.presets = presets;
    }

    /** The window's key table. */
    static KeyTable table(MainView view, MainViewModel model, TourController tour, ExportController export,
                          PresetDialogs presets) {
        return new WindowKeys(view, model, tour, export, presets).build();
    }

    /** Every command of the window and its keys: the menus, the help and the key handler all read this. */
    private KeyTable build() {
        KeyTable t = new KeyTable();
        t.custom("pick", "1 – 9", e -> !e.isShortcutDown() && !e.isAltDown() && e.getCode().isDigitKey()
                        && e.getCode() != KeyCode.DIGIT0 && e.getCode() != KeyCode.NUMPAD0,
                "pick a strategy", null,
                e -> model.view().pickStrategy(e.getCode().getChar().isEmpty() ? -1
                        : Integer.parseInt(e.getCode().getChar()) - 1));
        t.custom("step", "← →", e -> (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)
                        && !e.isShortcutDown() && !(e.getTarget() instanceof Slider)
                        && !(e.getTarget() instanceof Spinner), "step through all twelve", null,
                e -> model.view().stepStrategy(e.getCode() == KeyCode.LEFT ? -1 : 1));
        StringBuilder viewKeys = new StringBuilder();
        for (int i = 0; i < ViewRegistry.PAGES.size(); i++) {
            int index = i;
            ViewPage.Info p = ViewRegistry.PAGES.get(i).info();
            t.combination("view-" + p.id(), "shortcut+" + (i + 1), null, p.title(), () -> view.showView(index));
            viewKeys.append(i == 0 ? "" : i % 2 == 0 ? "\n" : "  ").append("Ctrl+").append(i + 1);
        }
        t.helpOnly("views", viewKeys.toString(), String.join(", ", ViewRegistry.PAGES.stream()
                .map(p -> p.info().title().toLowerCase(Locale.ROOT)).toList()));
        t.plain("log-y", KeyCode.L, "log-scale counts", null, () -> toggle(model.view().logYProperty()));
        t.plain("theory", KeyCode.T, "theory on or off", null, () -> toggle(model.view().showTheoryProperty()));
        t.plain("pin", KeyCode.P, "pin the histograms as a grey ghost (again: unpin)", "Pin as a ghost / unpin",
                model.presentation()::togglePin);
        t.plain("tour-next", KeyCode.SPACE, "next step of the guided tour", "Start, or the next step", tour::next);
        t.plain("train-play", KeyCode.K, "play or pause the training (Train view)", "Play / pause training",
                model.train()::playOrPause);
        t.plain("tour-back", KeyCode.BACK_SPACE, "previous step of the tour", "Previous step", tour::previous);
        t.combination("present", "F11", "presentation mode on or off", "Present (full screen)",
                () -> model.presentation().togglePresenting());
        t.plain("hide", KeyCode.H, "hide or show the settings", "Hide or show the settings",
                () -> model.presentation().toggleControlsHidden());
        // Esc matches only when it has something to leave (escape() leaves it), so a field's own Esc still works
        t.custom("escape", "Esc", e -> e.getCode() == KeyCode.ESCAPE && escape(),
                "the first that applies: close this list, leave the tour, show the settings, leave presentation",
                "Leave the tour", e -> {
                    if (e == null) {
                        tour.stop();        // from the menu: the menu item says "leave the tour"
                    }
                });
        t.combination("export-view", "shortcut+E", "export the view", "Export view…", () -> export.exportWithDialog(
                caption -> export.view(view.visibleView(), caption)));
        t.combination("copy", "shortcut+shift+C", "copy the view as a picture", "Copy image",
                () -> export.copy(export.view(view.visibleView(), true)));
        t.combination("open", "shortcut+O", "open a preset", "Open preset…", presets::openPreset);
        t.combination("save", "shortcut+S", "save the settings as a preset", "Save preset…", presets::savePreset);
        t.combination("quit", "shortcut+Q", "quit", "Quit", () -> {
            if (view.getScene() != null && view.getScene().getWindow() instanceof javafx.stage.Stage stage) {
                stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                stage.close();
            }
        });
        t.custom("help", "?", e -> "?".equals(e.getText()) || (e.getCode() == KeyCode.SLASH && e.isShiftDown()),
                "this list", "Keys", e -> model.presentation().toggleHelp());
        t.menuOnly("export-all", "Export all strategies…", export::exportAll);
        t.menuOnly("export-handout", "Export handout…", export::exportHandout);
        t.menuOnly("about", "About InitScope", () -> HelpOverlay.about(model, view.getScene().getWindow()));
        return t;
    }

    private static void toggle(javafx.beans.property.BooleanProperty p) {
        p.set(!p.get());
    }

    /** Esc does one thing at a time, the topmost first; false when there is nothing to leave. */
    private boolean escape() {
        // the stage's own full-screen exit key is off (see App), so that Esc is ours
        if (model.presentation().helpShownProperty().get()) {
            model.presentation().setHelpShown(false);
        } else if (tour.isRunning()) {
            tour.stop();
        } else if (model.presentation().controlsHiddenProperty().get()) {
            model.presentation().setControlsHidden(false);
        } else if (model.presentation().presentingProperty().get()) {
            model.presentation().setPresenting(false);
        } else {
            return false;
        }
        return true;
    }
}
