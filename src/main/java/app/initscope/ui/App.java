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
    /** When the toolkit called {@link #start(Stage)} and when the main view was built, likewise. */
    private long startAt;
    private long builtAt;
    private long cssAt;
    /** When the stage was shown, in ms after launch (see {@link #processAgeMillis()}), for the first-picture log. */
    private long shownAt;
    /** When the first result reached the FX thread, likewise. */
    private long resultAt;

    /** Launches the GUI and returns when the window is closed. */
    public static void start(String[] args) {
        Engine.prime();
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        startAt = processAgeMillis();
        engine = Engine.allCores();
        engine.deferWarmUpUntilFirstPicture();
        ExperimentService service = new ExperimentService(engine);
        model = new MainViewModel(service);
        settings = Settings.forApp();
        settings.restore(model);                  // one computation of the restored settings
        Tips.defer();                             // made after the first picture (or 3 s), see watchFirstPicture
        MainView view = new MainView(model);
        builtAt = processAgeMillis();
        double[] size = settings.windowSize(1280, 720);
        Scene scene = new Scene(view, size[0], size[1]);
        style(scene);
        if (System.getProperty(FIRST_RESULT) != null) {
            view.applyCss();                      // the first CSS pass, which show() would do: timed on its own
            cssAt = processAgeMillis();
        }
        present(stage, model);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "InitScope — " + model.view().strategyProperty().get().label() + " · "
                        + model.draft().choice(Catalog.ACTIVATION).get().label(),
                model.view().strategyProperty(), model.draft().choice(Catalog.ACTIVATION)));
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        // 128 px: the size JavaFX hands the window manager on Linux and macOS. It scales whatever it gets to that on
        // the FX thread before the window shows, in code not compiled yet: a 256 px icon is four times the pixels
        var icon = App.class.getResourceAsStream("icon-128.png");
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
        shownAt = processAgeMillis();
        view.focusTheViews();               // the keys (Space, K, 1-9) work at once, not the layer field's
        model.compute();
        watchFirstPicture(stage, view);
    }

    /**
     * When the first histograms are on screen, lets the engine warm up (see
     * {@link Engine#deferWarmUpUntilFirstPicture()}), makes the tooltips ({@link Tips}) and the other views. With
     * {@code -Dinitscope.firstResult=log} (or {@code exit}) it also logs how long after the process started that was,
     * and with {@code exit} then closes: the benchmark of the window's cold start, and the build's ahead-of-time
     * training run.
     */
    private void watchFirstPicture(Stage stage, MainView view) {
        String mode = System.getProperty(FIRST_RESULT);
        // the tooltips do not wait longer than the engine's warm-up does for a first picture that may never come
        javafx.animation.PauseTransition noPicture = new javafx.animation.PauseTransition(
                javafx.util.Duration.millis(Engine.FIRST_PICTURE_WAIT_MILLIS));
        noPicture.setOnFinished(e -> Tips.install());
        noPicture.play();
        Runnable shown = () -> afterPulses(2, () -> {     // the next pulse draws the histograms; the one after shows them
            // when the picture came, and what it cost: taken before the work that waited for it
            String picture = mode == null ? null : "first histograms " + processAgeMillis() + " ms after launch "
                    + "(toolkit started at " + startAt + " ms, view built at " + builtAt + ", styled at " + cssAt
                    + ", window shown at " + shownAt + ", its result on the FX thread at " + resultAt
                    + "; processor time: the FX thread " + cpuMillis("/proc/thread-self/stat") + " ms, the process "
                    + cpuMillis("/proc/self/stat") + " ms)";
            engine.firstPictureShown();
            Tips.install();
            view.makeOtherViewsLater();
            if (mode == null) {
                return;
            }
            System.getLogger(App.class.getName()).log(System.Logger.Level.INFO, picture);
            if ("exit".equals(mode)) {
                stage.close();
                javafx.application.Platform.exit();
            }
        });
        if (model.resultProperty().get() != null) {
            resultAt = processAgeMillis();
            shown.run();
            return;
        }
        model.resultProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ExperimentResult> obs,
                                ExperimentResult old, ExperimentResult now) {
                if (now != null) {
                    model.resultProperty().removeListener(this);
                    resultAt = processAgeMillis();
                    shown.run();
                }
            }
        });
    }

    /**
     * How long ago this process started, in ms. On Linux from /proc, to 10 ms: the process's start tick against the
     * system's uptime. {@link ProcessHandle.Info#startInstant()} adds the boot time, which is known only to the
     * second, so it was up to a second off. Elsewhere that is the fallback.
     */
    static long processAgeMillis() {
        try {
            long startTicks = Long.parseLong(statFields("/proc/self/stat")[22 - 3]);
            String uptime = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0];
            return Math.round(Double.parseDouble(uptime) * 1000 - startTicks * 10.0);   // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(started -> System.currentTimeMillis() - started.toEpochMilli()).orElse(-1L);
        }
    }

    /**
     * The processor time (user and system) of the process or thread whose /proc stat file this is, in ms to 10 ms;
     * -1 where there is none. On a loaded machine it says what the start cost apart from the waiting for a processor.
     */
    static long cpuMillis(String stat) {
        try {
            String[] f = statFields(stat);
            return (Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3])) * 10;   // utime, stime; USER_HZ is 100
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The fields of a /proc stat file after the command's closing parenthesis (the command may hold spaces): field
     * n as proc(5) counts them is at n − 3, the state (field 3) first.
     */
    private static String[] statFields(String stat) throws java.io.IOException {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(stat));
        return text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
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
