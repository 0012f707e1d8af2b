package app.initscope.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * Runs work on the JavaFX thread from outside a JavaFX application, for the command line's PNG export: starts the
 * built-in headless platform (no display needed) when JavaFX is not running yet, and stops it again afterwards.
 * When JavaFX already runs (the window, or the tests) it is used as it is and left running.
 */
public final class FxThread {

    private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();

    private FxThread() {
    }

    /** How often this class started the JavaFX platform in this JVM (the SVG and CSV exports never do). */
    public static int starts() {
        return STARTS.get();
    }

    /**
     * Calls {@code work} on the FX thread and returns its result.
     *
     * @throws Exception whatever {@code work} threw
     */
    public static <T> T call(Callable<T> work) throws Exception {
        boolean started = start();
        try {
            if (Platform.isFxApplicationThread()) {
                return work.call();
            }
            CompletableFuture<T> result = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            try {
                return result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        } finally {
            if (started) {
                Platform.exit();        // without it the JVM would not end
            }
        }
    }

    /** Starts the headless platform unless JavaFX already runs; true when this call started it. */
    private static boolean start() {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            Platform.startup(() -> ready.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        ready.join();
        STARTS.incrementAndGet();
        return true;
    }
}
