package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures how long the FX thread is busy at a stretch: a probe posts a task to it every millisecond and records
 * how much CPU time the FX thread spent before it ran the task. CPU time rather than wall time, because with
 * every core computing the FX thread also waits for a core, which is the scheduler's doing, not work on it.
 */
final class FxBusyProbe {

    private FxBusyProbe() {
    }

    /**
     * Probes the FX thread every millisecond while {@code running} holds; returns its longest busy stretch.
     *
     * <p>Time the FX thread spends inside the headless test platform's own pixel copy ({@code HeadlessWindow.blit},
     * which copies every frame on the FX thread and takes 100–200 ms while the JIT has not compiled it yet) is the
     * test platform's, not the app's: sampled every millisecond, it is taken out of the stretch. A desktop
     * pipeline has no such copy on the FX thread.
     */
    static long longestBusyWhile(java.util.function.BooleanSupplier running) throws Exception {
        AtomicLong worst = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fx = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().threadId()).get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (running.getAsBoolean() && System.nanoTime() < deadline) {
            CountDownLatch ran = new CountDownLatch(1);
            long cpuAtPost = threads.getThreadCpuTime(fx);
            AtomicLong busy = new AtomicLong();
            Platform.runLater(() -> {
                // CPU time the FX thread spent before it reached this task: its busy stretch, not counting time
                // it merely waited for a core (the compute threads use every core)
                busy.set(threads.getCurrentThreadCpuTime() - cpuAtPost);
                ran.countDown();
            });
            // CPU time between two samples that end inside the platform's pixel copy is the platform's
            long platformCopy = 0;
            long lastCpu = cpuAtPost;
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ran.await(1, TimeUnit.MILLISECONDS)) {
                assertTrue(System.nanoTime() < waitUntil, "the FX thread answers");
                long cpu = threads.getThreadCpuTime(fx);
                if (inPlatformPixelCopy(threads, fx)) {
                    platformCopy += cpu - lastCpu;
                }
                lastCpu = cpu;
            }
            worst.accumulateAndGet(busy.get() - platformCopy, Math::max);
            Thread.sleep(1);
        }
        return worst.get() / 1_000_000;
    }

    private static boolean inPlatformPixelCopy(ThreadMXBean threads, long fx) {
        // the top frames only: the FX thread's own event loop runs inside the headless classes too
        java.lang.management.ThreadInfo info = threads.getThreadInfo(fx, 3);
        return info != null && java.util.Arrays.stream(info.getStackTrace())
                .anyMatch(f -> f.getClassName().equals("com.sun.glass.ui.headless.HeadlessWindow")
                        || f.getClassName().equals("com.sun.glass.ui.headless.HeadlessView"));
    }

}
