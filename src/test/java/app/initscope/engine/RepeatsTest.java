package app.initscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many runs a part of the bench makes, on a clock the test moves: no test here waits for time to pass. */
class RepeatsTest {

    private static final long MS = 1_000_000;

    /** A clock that only moves when a run says how long it took. */
    private static final class FakeClock {
        long now;
    }

    private static final long HOUR = 3600_000 * MS;

    private static Repeats runs(Repeats.Limits limits, long eachNanos, FakeClock clock, long end) {
        return new Repeats(limits, () -> clock.now, end).run(() -> clock.now += eachNanos);
    }

    @Test
    void withTimeToSpareThePartStopsAtItsMaximum() {
        FakeClock clock = new FakeClock();
        Repeats r = runs(new Repeats.Limits(1, 3, 9, 3600), MS, clock, HOUR);
        assertEquals(9, r.count());
        assertEquals(10 * MS, clock.now, "one warm run and nine timed ones");
    }

    @Test
    void runsLongerThanThePartsTimeStillMakeItsMinimumWhileTheBenchHasTime() {
        FakeClock clock = new FakeClock();
        Repeats r = runs(new Repeats.Limits(1, 3, 9, 1), 10_000 * MS, clock, HOUR);
        assertEquals(3, r.count());
        assertEquals(40_000 * MS, clock.now, "the warm run and the minimum, nothing more");
    }

    @Test
    void whenTheBenchsTimeIsUpAPartMakesOneTimedRunAndNothingElse() {
        FakeClock clock = new FakeClock();
        clock.now = 20_000 * MS;
        Repeats r = runs(new Repeats.Limits(2, 3, 9, 5), 100 * MS, clock, 15_000 * MS);
        assertEquals(1, r.count());
        assertEquals(0, r.warmed());
        assertEquals(20_100 * MS, clock.now);
    }

    @Test
    void theMinimumStopsWhereTheNextRunWouldEndAfterTheBench() {
        FakeClock clock = new FakeClock();
        Repeats r = runs(new Repeats.Limits(1, 5, 9, 0.1), 1000 * MS, clock, 3500 * MS);
        assertEquals(1, r.warmed());
        assertEquals(2, r.count(), "the warm run to 1 s, timed runs to 2 and 3 s; one more would end at 4 s");
    }

    @Test
    void noRunStartsThatWouldEndAfterThePartsTime() {
        FakeClock clock = new FakeClock();
        Repeats r = runs(new Repeats.Limits(1, 3, 100, 1), 100 * MS, clock, HOUR);
        assertEquals(9, r.count(), "the warm run takes 0.1 s of the second, nine timed runs the rest");
        assertEquals(1000 * MS, clock.now);
    }

    @Test
    void warmRunsAreNotCountedAndTheMedianIsOfTheTimedOnes() {
        FakeClock clock = new FakeClock();
        List<Long> durations = new ArrayList<>(List.of(900 * MS, 800 * MS, 5 * MS, 1 * MS, 3 * MS, 2 * MS));
        Repeats r = new Repeats(new Repeats.Limits(2, 4, 4, 3600), () -> clock.now, HOUR)
                .run(() -> clock.now += durations.removeFirst());
        assertEquals(4, r.count());
        assertEquals(2.5, r.medianMillis(), 1e-9, "the median of 5, 1, 3 and 2 ms");
    }

    @Test
    void limitsThatCannotBeMetAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Repeats.Limits(1, 0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new Repeats.Limits(1, 4, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new Repeats.Limits(1, 1, 3, 0));
    }
}
