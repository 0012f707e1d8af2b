package app.initscope.ui;

import app.initscope.export.Preset;
import app.initscope.export.PresetException;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Presets in the window: the Presets menu of the bundled ones, Open and Save, and applying one, which a value outside
 * the window's ranges refuses whole with one line that says why (and an alert while the window shows).
 */
final class PresetDialogs {

    private final MainViewModel model;
    private final Supplier<Window> window;
    private final Menu presets = new Menu("Presets");
    private boolean presetsRead;

    PresetDialogs(MainViewModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
        // the bundled presets are read when the menu first opens, or after the first picture, whichever is first:
        // reading them (JSON, a cold parser) took 60-80 ms of the window's start
        presets.setId("menu-presets");
        MenuItem reading = new MenuItem("Reading the presets…");
        reading.setDisable(true);
        presets.getItems().add(reading);
        presets.setOnShowing(e -> fillPresets());
    }

    /** The Presets menu. */
    Menu menu() {
        return presets;
    }

    /** Applies a preset; a refused one leaves everything as it was and says why. Returns whether it applied. */
    boolean apply(Preset p, String source) {
        try {
            model.apply(p);
        } catch (IllegalArgumentException e) {
            presetError(source, e.getMessage());
            return false;
        }
        model.status().notice("preset " + (p.name() == null ? source : p.name()) + (p.description() == null ? ""
                : ": " + p.description()));
        return true;
    }

    void openPreset() {
        FileChooser chooser = presetChooser("Open a preset");
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            try {
                apply(Preset.read(file.toPath()), file.getName());
            } catch (PresetException e) {
                presetError(file.getName(), e.problem());
            }
        }
    }

    void savePreset() {
        FileChooser chooser = presetChooser("Save the settings as a preset");
        chooser.setInitialFileName("lecture.json");
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            try {
                model.toPreset().write(file.toPath());
                model.status().notice("saved preset " + file);
            } catch (IOException e) {
                presetError(file.getName(), e.getMessage());
            }
        }
    }

    private static FileChooser presetChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("InitScope presets", "*.json"));
        return chooser;
    }

    private void presetError(String source, String problem) {
        model.status().notice("preset " + source + " not applied: " + problem);
        if (window.get() != null && window.get().isShowing()) {
            Alert alert = new Alert(Alert.AlertType.ERROR, problem, ButtonType.OK);
            alert.initOwner(window.get());
            alert.setHeaderText("The preset " + source + " was not applied; nothing changed");
            alert.show();
        }
    }

    /** Puts the bundled presets into their menu, once. */
    void fillPresets() {
        if (presetsRead) {
            return;
        }
        presetsRead = true;
        List<MenuItem> items = new ArrayList<>();
        for (String name : Preset.bundledNames()) {
            Preset p = Preset.bundled(name);
            MenuItem it = MainMenus.item(p.name() == null ? name : p.name(), null, () -> apply(p, name));
            it.setId("preset-" + name);
            items.add(it);
        }
        presets.getItems().setAll(items);
    }
}
