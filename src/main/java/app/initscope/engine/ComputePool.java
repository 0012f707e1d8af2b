package app.initscope.engine;

import app.initscope.core.linalg.Parallel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The threads that do the number crunching: a fixed pool of daemon threads behind {@link Parallel}.
 *
 * <p>The calling thread works too, so {@code threads} pieces run at once with {@code threads − 1} pool threads.
 * Pieces are claimed from a shared counter; which thread runs which piece does not change any result, because
 * every piece writes only its own part of the output.
 */
public final class ComputePool implements Parallel, AutoCloseable {

    private final int threads;
    private final ExecutorService helpers;

    private volatile boolean closed;

    /** @param threads how many pieces may run at once, at least 1 */
    public ComputePool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        AtomicInteger ids = new AtomicInteger();
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "initscope-compute-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A pool with one thread per available processor. */
    public static ComputePool allCores() {
        return new ComputePool(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public void forEach(int pieces, IntConsumer body) {
        if (pieces <= 1 || helpers == null) {
            for (int i = 0; i < pieces; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(pieces);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < pieces; i = next.getAndIncrement()) {
                try {
                    body.accept(i);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        for (int h = 0, count = Math.min(threads - 1, pieces - 1); h < count; h++) {
            helpers.execute(worker);
        }
        worker.run();
        // Wait for the pieces, not for the helpers: a helper that starts late finds nothing left to claim, so a
        // nested call from a pool thread cannot wait on a queue that only it could drain.
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        switch (failure.get()) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;                      // OutOfMemoryError stays what it is
            case Throwable t -> throw new IllegalStateException(t);
        }
    }

    /** Whether the pool is closed and its threads have all ended. */
    public boolean isTerminated() {
        return helpers == null ? closed : helpers.isTerminated();
    }

    @Override
    public void close() {
        closed = true;
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
