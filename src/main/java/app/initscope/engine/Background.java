package app.initscope.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs a short piece of user-started work (writing an export) on a background thread, and hands its result or
 * error back through the caller's executor ({@code Platform::runLater} for the window). One daemon thread:
 * exports run one after another, in order.
 */
public final class Background {

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "initscope-background");
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    /**
     * Runs {@code work} in the background; then {@code done} or {@code failed} runs through {@code callbacks}.
     */
    public static <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed, Executor callbacks) {
        WORKER.execute(() -> {
            try {
                T value = work.call();
                callbacks.execute(() -> done.accept(value));
            } catch (Exception | Error e) {
                callbacks.execute(() -> failed.accept(e));
            }
        });
    }
}
