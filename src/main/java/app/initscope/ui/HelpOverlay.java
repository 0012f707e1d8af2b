package app.initscope.ui;

import app.initscope.core.experiment.ExperimentResult;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** The key list over the charts (?), read from the window's one key table, and the About box. */
final class HelpOverlay {

    private HelpOverlay() {
    }

    static void about(MainViewModel model, Window owner) {
        ExperimentResult r = model.resultProperty().get();
        Alert about = new Alert(Alert.AlertType.INFORMATION, "Version " + app.initscope.Version.get()
                + "\nJava " + Runtime.version() + "\nMatrix kernel: " + (r == null ? "…" : r.kernel())
                + "\n\nSee why weight initialization decides whether a neural network can learn."
                + "\nThe command line: initscope run --help, initscope train --help, initscope export --help,"
                + " initscope theory --help"
                + "\n\nThe handwritten digits: \"Optical Recognition of Handwritten Digits\", E. Alpaydin and"
                + " C. Kaynak (1998), UCI Machine Learning Repository, licensed CC BY 4.0.", ButtonType.OK);
        about.initOwner(owner);
        about.setTitle("About InitScope");
        about.setHeaderText("InitScope " + app.initscope.Version.get());
        about.show();
    }

    /** The keys, over the charts; ? shows and hides it. */
    static Node overlay(MainViewModel model, KeyTable table) {
        List<KeyTable.Command> keys = table.withKeys();
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        Label title = new Label("Keys");
        title.getStyleClass().add("heading");
        grid.add(title, 0, 0, 4, 1);
        // two columns of keys, so that the list fits a 720-pixel projector in presentation mode
        int half = (keys.size() + 1) / 2;
        for (int i = 0; i < keys.size(); i++) {
            Label key = new Label(keys.get(i).keys());
            key.getStyleClass().add("help-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(keys.get(i).help());
            what.setWrapText(true);
            what.setPrefWidth(250);
            what.setMinWidth(Region.USE_PREF_SIZE);
            what.setMinHeight(Region.USE_PREF_SIZE);
            int column = i < half ? 0 : 2;
            grid.add(key, column, 1 + i % half);
            grid.add(what, column + 1, 1 + i % half);
        }
        grid.getStyleClass().add("help-overlay");
        grid.setPadding(new Insets(24, 32, 24, 32));
        grid.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        grid.setId("help");
        grid.visibleProperty().bind(model.presentation().helpShownProperty());
        grid.setOnMouseClicked(e -> model.presentation().setHelpShown(false));
        return grid;
    }
}
