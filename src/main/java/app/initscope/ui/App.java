package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.engine.Engine;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: the window around {@link MainView}. */
public final class App extends Application {

    private Engine engine;
    private MainViewModel model;
    private Settings settings;

    /** Launches the GUI and returns when the window is closed. */
    public static void start(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        engine = Engine.allCores();
        ExperimentService service = new ExperimentService(engine);
        model = new MainViewModel(service);
        settings = Settings.forApp();
        settings.restore(model);                  // one computation of the restored settings
        MainView view = new MainView(model);
        double[] size = settings.windowSize(1280, 720);
        Scene scene = new Scene(view, size[0], size[1]);
        style(scene);
        present(stage, model);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "InitScope — " + model.view().strategyProperty().get().label() + " · "
                        + model.draft().choice(Catalog.ACTIVATION).get().label(),
                model.view().strategyProperty(), model.draft().choice(Catalog.ACTIVATION)));
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        var icon = App.class.getResourceAsStream("icon-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            model.cancel();
            settings.save(model);
            settings.saveWindowSize(scene.getWidth(), scene.getHeight());
        });
        stage.show();
        model.compute();
    }

    /** The app's style sheets: the base look and presentation mode's theme. */
    static void style(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("initscope.css")).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("themes/present.css"))
                .toExternalForm());
    }

    /**
     * Presentation mode is full screen; leaving full screen (the window manager) leaves it too. The stage's own exit
     * key is off: JavaFX would leave full screen on every Esc, even one that only closes the help or leaves the
     * tour. The window's key handler owns F11 (on and off) and Esc (the topmost thing first, then presentation).
     */
    static void present(Stage stage, MainViewModel model) {
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("F11 or Esc leaves presentation mode · ? lists the keys");
        model.presentation().presentingProperty().addListener((obs, old, now) -> stage.setFullScreen(now));
        stage.fullScreenProperty().addListener((obs, old, now) -> model.presentation().setPresenting(now));
    }

    /** The engine, for tests. */
    Engine engine() {
        return engine;
    }

    /** The view-model, for tests. */
    MainViewModel model() {
        return model;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.cancel();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
