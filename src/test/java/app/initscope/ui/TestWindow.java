package app.initscope.ui;

import app.initscope.service.Engine;
import app.initscope.service.ExperimentService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main view on a 1280×720 stage with its own two-thread engine, as the TestFX tests use it. */
record TestWindow(Engine engine, MainViewModel model, MainView view) {

    /** Builds and shows the window; call from a TestFX {@code @Start} method. */
    static TestWindow open(Stage stage) {
        Engine engine = new Engine(2);
        MainViewModel model = new MainViewModel(new ExperimentService(engine));
        MainView view = new MainView(model);
        stage.setScene(new Scene(view, 1280, 720));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return new TestWindow(engine, model, view);
    }

    /** Cancels the work and stops the engine's threads. */
    void close() {
        Platform.runLater(model::cancel);
        engine.close();
    }
}
