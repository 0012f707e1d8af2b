package app.initscope.ui;

import app.initscope.service.Engine;
import app.initscope.service.ExperimentService;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: the window around {@link MainView}. */
public final class App extends Application {

    private Engine engine;
    private MainViewModel model;

    /** Launches the GUI and returns when the window is closed. */
    public static void start(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        engine = Engine.allCores();
        ExperimentService service = new ExperimentService(engine);
        model = new MainViewModel(service);
        MainView view = new MainView(model);
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("initscope.css")).toExternalForm());
        stage.setTitle("InitScope — weight initialization, seen");
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        var icon = App.class.getResourceAsStream("icon-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> model.cancel());
        stage.show();
        model.compute();
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
