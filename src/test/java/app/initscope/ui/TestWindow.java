package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.engine.Engine;
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

    /**
     * The window as the app shows it, with its style sheets, on a small network (fan_in 200, 300 samples, width
     * 100). With {@code fullScreen}, presentation mode makes the stage full screen, as in the app; without, the
     * scene keeps its 1280×720 (the headless screen is 1000×1000).
     */
    static TestWindow openAsApp(Stage stage, boolean fullScreen) {
        return openAsApp(stage, fullScreen, 1280, 720);
    }

    /** {@link #openAsApp(Stage, boolean)} with a scene of another size, e.g. 1920×1080. */
    static TestWindow openAsApp(Stage stage, boolean fullScreen, double width, double height) {
        Engine engine = new Engine(2);
        MainViewModel model = new MainViewModel(new ExperimentService(engine));
        MainView view = new MainView(model);
        Scene scene = new Scene(view, width, height);
        App.style(scene);
        if (fullScreen) {
            App.present(stage, model);
        }
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        model.batch(() -> {
            model.draft().integer(Catalog.FAN_IN).set(200);
            model.draft().integer(Catalog.SAMPLES).set(300);
            model.draft().integer(Catalog.WIDTH).set(100);
        });
        return new TestWindow(engine, model, view);
    }

    /** The window on a small network (fan_in 200, 300 samples, width 100), which keeps a test quick. */
    static TestWindow openSmall(Stage stage) {
        TestWindow w = open(stage);
        w.model().batch(() -> {
            w.model().draft().integer(Catalog.FAN_IN).set(200);
            w.model().draft().integer(Catalog.SAMPLES).set(300);
            w.model().draft().integer(Catalog.WIDTH).set(100);
        });
        return w;
    }

    /** Waits until every strategy of a result that {@code which} accepts is shown. */
    void awaitComplete(java.util.function.Predicate<app.initscope.core.experiment.ExperimentResult> which)
            throws java.util.concurrent.TimeoutException {
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> {
            var r = model.resultProperty().get();
            return r != null && r.results().size() == app.initscope.core.init.Strategy.values().length
                    && which.test(r);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Cancels the work and stops the engine's threads. */
    void close() {
        Platform.runLater(model::cancel);
        engine.close();
    }
}
