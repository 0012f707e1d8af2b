package app.initscope.cli;

import picocli.CommandLine.Option;

/** {@code --threads}, shared by every command that computes on the engine's threads. */
final class ThreadOptions {

    @Option(names = "--threads", paramLabel = "N", converter = NumberOptions.Threads.class,
            description = "Compute threads, 1..256 (default: all cores). What is computed does not depend on it, "
                    + "only how long it takes.")
    Integer threads;

    /** The thread count: the option's (range-checked by its converter), else one per core, at most 256. */
    int count() {
        return threads == null ? Math.min(Runtime.getRuntime().availableProcessors(),
                (int) NumberOptions.THREADS.max()) : threads;
    }
}
