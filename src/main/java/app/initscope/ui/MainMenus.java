package app.initscope.ui;

import app.initscope.core.experiment.TensorKind;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The window's menu bar, made from its key table, and the right-click menus of the charts. */
final class MainMenus {

    private MainMenus() {
    }

    static MenuBar bar(KeyTable keys, PresetDialogs presetDialogs, MainViewModel model, ExportController export) {
        Menu exportOne = new Menu("Export histogram");
        for (TensorKind k : new TensorKind[] {TensorKind.Z, TensorKind.ACTIVATION, null}) {
            exportOne.getItems().add(item(k == null ? "gradient" : k == TensorKind.Z ? "z" : "activation", null,
                    () -> export.exportWithDialog(caption -> export.histogram(
                            k == null ? model.view().gradientProperty().get().tensor() : k, caption))));
        }
        Menu file = new Menu("File");
        file.getItems().addAll(keys.menuItem("open"), keys.menuItem("save"), new SeparatorMenuItem(),
                keys.menuItem("export-view"), exportOne, keys.menuItem("copy"), keys.menuItem("export-all"),
                keys.menuItem("export-handout"), new SeparatorMenuItem(), keys.menuItem("quit"));
        file.setId("menu-file");
        Menu view = new Menu("View");
        view.setId("menu-view");
        for (ViewRegistry.Kind p : ViewRegistry.PAGES) {
            view.getItems().add(keys.menuItem("view-" + p.info().id()));
        }
        view.getItems().addAll(new SeparatorMenuItem(), keys.menuItem("present"), keys.menuItem("hide"),
                keys.menuItem("pin"), keys.menuItem("train-play"), keys.menuItem("help"));
        Menu tourMenu = new Menu("Tour");
        tourMenu.setId("menu-tour");
        tourMenu.getItems().addAll(keys.menuItem("tour-next"), keys.menuItem("tour-back"),
                keys.menuItem("escape"));
        Menu help = new Menu("Help");
        help.setId("menu-help");
        MenuItem helpKeys = keys.menuItem("help");
        helpKeys.setId("help-keys");
        help.getItems().addAll(helpKeys, keys.menuItem("about"));
        MenuBar bar = new MenuBar(file, view, presetDialogs.menu(), tourMenu, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** A menu item that no key reaches (a preset, a context menu's entry). */
    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);        // "fan_in" keeps its underscore
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Right-click on any chart: export or copy it, or the whole view. */
    static void contextMenus(SingleView single, MainViewModel model, ExportController export) {
        TensorKind[] kinds = {TensorKind.Z, TensorKind.ACTIVATION, null};
        HistogramView[] views = {single.zView(), single.aView(), single.gView()};
        for (int i = 0; i < 3; i++) {
            TensorKind k = kinds[i];
            java.util.function.Supplier<TensorKind> kind = () -> k == null ? model.view().gradientProperty().get().tensor() : k;
            ContextMenu menu = new ContextMenu(
                    item("Export this histogram…", null, () -> export.exportWithDialog(
                            caption -> export.histogram(kind.get(), caption))),
                    item("Copy this histogram", null, () -> export.copy(export.histogram(kind.get(), true))),
                    item("Export the single view…", null, () -> export.exportWithDialog(
                            caption -> export.view("single", caption))));
            HistogramView v = views[i];
            v.setOnContextMenuRequested(e -> menu.show(v, e.getScreenX(), e.getScreenY()));
        }
    }

    /** Right-click on a view with a figure of its own: export or copy the whole view. */
    static void viewMenu(ViewPage p, ViewPage.Info info, ExportController export) {
        if (p.hasOwnFigure() && !(p instanceof SingleView)) {
            String name = info.title().toLowerCase(Locale.ROOT);
            ContextMenu menu = new ContextMenu(
                    item("Export the " + name + " view…", null, () -> export.exportWithDialog(
                            caption -> export.view(info.id(), caption))),
                    item("Copy the " + name + " view", null, () -> export.copy(export.view(info.id(), true))));
            Node n = p.node();
            n.setOnContextMenuRequested(e -> menu.show(n, e.getScreenX(), e.getScreenY()));
        }
    }
}
