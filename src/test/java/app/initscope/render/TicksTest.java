package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void ticksAreNiceStepsInsideTheRange() {
        assertEquals(List.of(-5.0, 0.0), Ticks.of(-5.3, 4.7, 3));
        assertEquals(List.of(-0.5, 0.0, 0.5), Ticks.of(-0.99, 0.99, 4));
        assertEquals(List.of(0.0, 2e-4, 4e-4), Ticks.of(0, 5e-4, 3).stream().map(t -> Math.round(t * 1e8) / 1e8)
                .toList());
    }

    @Test
    void theStepIsTheNearestNiceOneSoAnAxisGetsAboutTheTicksAskedFor() {
        // a step of 2.2 rounds to 2, not up to 5 (which left a single tick at 0)
        assertEquals(List.of(-4.0, -2.0, 0.0, 2.0, 4.0), Ticks.of(-4.769, 4.087, 4));
    }

    @Test
    void labelsAreShortAndUseTrueMinusSigns() {
        assertEquals("−5e−4", Ticks.label(-5e-4));
        assertEquals("1.25e6", Ticks.label(1.25e6));
        assertEquals("0.628", Ticks.label(0.628));
        assertEquals("31.62", Ticks.label(31.6228));
        assertEquals("0", Ticks.label(0));
        assertEquals("2509", Ticks.label(2509.4));
        assertEquals("2.19e4", Ticks.label(21910));
        assertEquals("1e4", Ticks.label(9999.7));
        assertEquals("–", Ticks.label(Double.NaN));
    }

    @Test
    void oneAxisUsesOneNotation() {
        assertEquals(List.of("−0.0010", "−0.0005", "0", "0.0005", "0.0010"),
                Ticks.labels(List.of(-0.001, -0.0005, 0.0, 0.0005, 0.001)));
        assertEquals(List.of("−1.0", "−0.5", "0", "0.5", "1.0"), Ticks.labels(List.of(-1.0, -0.5, 0.0, 0.5, 1.0)));
        assertEquals(List.of("−100", "0", "100"), Ticks.labels(List.of(-100.0, 0.0, 100.0)));
        assertEquals(List.of("−2e5", "0", "2e5"), Ticks.labels(List.of(-2e5, 0.0, 2e5)));
        assertEquals(List.of("−5e−5", "0", "5e−5"), Ticks.labels(List.of(-5e-5, 0.0, 5e-5)));
    }

    @Test
    void aSymlogAxisOverPlusMinusThirtyIsMarkedAtZeroOneAndTenWithoutCollisions() {
        // a 400-pixel axis over ±30 with c = 0.003, labels 7 px a character, as a compare panel draws them
        AxisScale scale = AxisScale.symlog(0.003);
        double reach = scale.toAxis(30);
        java.util.function.DoubleUnaryOperator px = x -> 200 + 200 * scale.toAxis(x) / reach;
        java.util.function.BiPredicate<Double, Double> clash = (a, b) -> Math.abs(px.applyAsDouble(a)
                - px.applyAsDouble(b)) < 3.5 * (Ticks.label(a).length() + Ticks.label(b).length()) + 8;
        List<Double> ticks = Ticks.symlog(-30, 30, 0.003, clash);
        assertTrue(ticks.containsAll(List.of(-10.0, -1.0, 0.0, 1.0, 10.0)), ticks.toString());
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(!clash.test(ticks.get(i - 1), ticks.get(i)), "labels collide: " + ticks);
        }
        assertTrue(ticks.contains(0.1) && ticks.contains(-0.1), "and decades further in: " + ticks);
    }
}
