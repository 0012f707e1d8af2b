package app.initscope.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SettingTest {

    private static final Setting<Integer> N = Setting.integer("n", "--n", 5).range(1, 10).window(2, 8)
            .help("A test setting.").build();

    @ParameterizedTest
    @ValueSource(strings = {"+5", "0x5", "5.0", "５", "5f", "", " ", "1e1"})
    void wholeNumbersAreParsedStrictly(String text) {
        assertThrows(IllegalArgumentException.class, () -> N.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p-3", "0.2f", "+0.5", "NaN", "Infinity", "1e400", "٠.5"})
    void realNumbersAreParsedStrictly(String text) {
        assertThrows(IllegalArgumentException.class, () -> Catalog.LEAKY_SLOPE.parse(text));
    }

    @Test
    void plainDecimalsParse() {
        assertEquals(0.25, Catalog.LEAKY_SLOPE.parse("0.25"));
        assertEquals(1e-3, Catalog.LEAKY_SLOPE.parse("1e-3"));
        assertEquals(-7, N.parse(" -7 "));
    }

    @Test
    void aValueOutsideTheHardRangeIsAProblemNamingTheRange() {
        assertEquals("must be between 1 and 10, got 11", N.problem(11));
        assertNull(N.problem(10));
        assertTrue(N.inWindowRange(8));
        assertTrue(!N.inWindowRange(9), "9 is valid but outside the window's range");
    }

    @Test
    void rangesAreSpeltAsAUserWritesThem() {
        Setting<Double> lr = Setting.number("lr", "--lr", 0.1).range(1e-12, 1e6).help("rate").build();
        assertEquals("must be between 1e-12 and 1000000, got 0.0", lr.problem(0.0));
        for (double v : new double[] {1e-12, 1e-5, 0.1, 2.5, 1.5e20, -3e-7}) {
            assertEquals(v, lr.parse(lr.text(v)), "round trip of " + lr.text(v));
        }
        assertEquals("0.00001", lr.text(1e-5));
    }

    @Test
    void aWordStandsForItsValueOutsideTheRangeAndOnlyThere() {
        Setting<Integer> batch = Setting.integer("batch", "--batch", 64).range(1, 100).word("full", 0)
                .help("rows").build();
        assertEquals(0, batch.parse("full"));
        assertEquals("full", batch.text(0));
        assertEquals("7", batch.text(7));
        assertNull(batch.problem(0));
        assertTrue(batch.problem(-1).contains("between 1 and 100"));
        assertThrows(IllegalArgumentException.class, () -> batch.parse("Full"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch.parse("all")).getMessage()
                .contains("or full"));
        assertTrue(batch.commandLineHelp().contains("or full"));
        assertThrows(IllegalArgumentException.class, () -> Setting.number("x", "--x", 1).word("w", 0).help("h")
                .build(), "only whole numbers have words");
    }

    @Test
    void aWindowRangeOutsideTheHardRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Setting.integer("m", "--m", 1).range(1, 10)
                .window(0, 5).help("x").build());
    }

    @Test
    void everyCatalogValueRoundTripsThroughItsText() {
        ExperimentConfig c = ExperimentConfig.builder().fanIn(77).leakySlope(0.125).seed(-3).build();
        for (Setting<?> s : Catalog.ALL) {
            Object v = c.get(s);
            assertEquals(v, s.parse(s.text(v)), s.id());
        }
    }

    @Test
    void everyCatalogDefaultLiesInItsWindowRangeAndIsValid() {
        for (Setting<?> s : Catalog.ALL) {
            assertNull(s.problem(s.defaultValue()), s.id());
            assertTrue(s.inWindowRange(s.defaultValue()), s.id());
        }
    }

    @Test
    void theWidthFollowsTheFanInUntilSet() {
        assertEquals(300, ExperimentConfig.builder().fanIn(300).build().width());
        assertEquals(20, ExperimentConfig.builder().width(20).fanIn(300).build().width());
    }
}
