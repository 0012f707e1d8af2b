package app.initscope.service;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs a short piece of user-started work (writing an export) off the FX thread, and hands its result or error
 * back on the FX thread. One daemon thread: exports run one after another, in order.
 */
public final class Background {

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "initscope-background");
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    /** Runs {@code work} in the background; {@code done} or {@code failed} then run on the FX thread. */
    public static <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(task.getException()));
        WORKER.execute(task);
    }
}
