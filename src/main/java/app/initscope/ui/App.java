package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.engine.Engine;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: the window around {@link MainView}. */
public final class App extends Application {

    /** The system property that reports the time to the first histograms (see {@link #reportFirstResult}). */
    static final String FIRST_RESULT = "initscope.firstResult";

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
        reportFirstResult(stage);
    }

    /**
     * With {@code -Dinitscope.firstResult=log} (or {@code exit}) the app logs how long after the process started
     * the first histograms were on screen, and with {@code exit} then closes: the benchmark of the window's cold
     * start, and the build's ahead-of-time training run.
     */
    private void reportFirstResult(Stage stage) {
        String mode = System.getProperty(FIRST_RESULT);
        if (mode == null) {
            return;
        }
        model.resultProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ExperimentResult> obs,
                                ExperimentResult old, ExperimentResult now) {
                if (now == null) {
                    return;
                }
                model.resultProperty().removeListener(this);
                // the next pulse draws the histograms; the one after shows them
                afterPulses(2, () -> {
                    long started = ProcessHandle.current().info().startInstant()
                            .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
                    System.getLogger(App.class.getName()).log(System.Logger.Level.INFO,
                            "first histograms " + (System.currentTimeMillis() - started) + " ms after launch");
                    if ("exit".equals(mode)) {
                        stage.close();
                        javafx.application.Platform.exit();
                    }
                });
            }
        });
    }

    /** Runs {@code action} on the FX thread after {@code pulses} more frames. */
    private static void afterPulses(int pulses, Runnable action) {
        new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= pulses) {
                    stop();
                    action.run();
                }
            }
        }.start();
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
