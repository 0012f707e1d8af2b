package app.initscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How many times a part of the {@link Bench} runs, so that the whole stays within its time. A part has its own
 * time and the bench an end, and the part's deadline is the earlier of the two:
 * <ol>
 *   <li>first up to {@code warm} runs that are not counted, while the part's deadline has not passed;</li>
 *   <li>then one timed run whatever the time, so that the part has a number;</li>
 *   <li>then more, up to {@code min}, while another as long as the last still ends before the bench's end;</li>
 *   <li>then more, up to {@code max}, while another as long as the last still ends before the part's deadline.</li>
 * </ol>
 * The part starts when this object is made, so its warm runs spend its time too. The times are what the caller
 * measured; the clock only decides when to stop.
 */
final class Repeats {

    /**
     * A part's limits.
     *
     * @param warm    runs before the timed ones, not counted
     * @param min     timed runs made as long as the bench's time allows (at least 1)
     * @param max     timed runs at the most
     * @param seconds the part's time, warm runs included
     */
    record Limits(int warm, int min, int max, double seconds) {
        Limits {
            if (warm < 0 || min < 1 || max < min || !(seconds > 0)) {
                throw new IllegalArgumentException("bad limits: warm " + warm + ", min " + min + ", max " + max
                        + ", seconds " + seconds);
            }
        }
    }

    private final Limits limits;
    private final LongSupplier clock;
    private final long end;
    private final long deadline;
    private final List<Long> times = new ArrayList<>();
    private int warmed;
    private boolean nextWarm;

    /**
     * @param clock nanoseconds, e.g. {@code System::nanoTime}; the part starts now
     * @param end   the bench's end on that clock
     */
    Repeats(Limits limits, LongSupplier clock, long end) {
        this.limits = limits;
        this.clock = clock;
        this.end = end;
        this.deadline = Math.min(end, clock.getAsLong() + (long) (limits.seconds() * 1e9));
    }

    /** Whether to make another run; the run it asks for is warm or timed, and {@link #add} counts it so. */
    boolean another() {
        long now = clock.getAsLong();
        nextWarm = times.isEmpty() && warmed < limits.warm() && now < deadline;
        if (nextWarm || times.isEmpty()) {
            return true;
        }
        long next = now + times.getLast();
        int n = times.size();
        return n < limits.min() && next <= end || n < limits.max() && next <= deadline;
    }

    /** Adds the run that {@link #another()} asked for, which took {@code nanos}. */
    void add(long nanos) {
        if (nextWarm) {
            warmed++;
        } else {
            times.add(nanos);
        }
    }

    /** Runs {@code body} as long as {@link #another()} says, timing each run on the clock. */
    Repeats run(Runnable body) {
        while (another()) {
            long start = clock.getAsLong();
            body.run();
            add(clock.getAsLong() - start);
        }
        return this;
    }

    /** The timed runs so far. */
    int count() {
        return times.size();
    }

    /** The warm runs made. */
    int warmed() {
        return warmed;
    }

    /**
     * The median of the timed runs, in milliseconds.
     *
     * @throws IllegalStateException when there is none
     */
    double medianMillis() {
        return medianMillis(times);
    }

    /**
     * The median of times in nanoseconds, in milliseconds.
     *
     * @throws IllegalStateException when there is none
     */
    static double medianMillis(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no timed run");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return median / 1e6;
    }
}
