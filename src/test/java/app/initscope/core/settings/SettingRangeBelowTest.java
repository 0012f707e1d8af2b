package app.initscope.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A half-open range [min, max): max itself is refused, and a window must stay below it. */
class SettingRangeBelowTest {

    @Test
    void theUpperBoundItselfIsRefused() {
        Setting<Double> c = Setting.number("c", "--c", 0.0).rangeBelow(0, 1).help("h").build();
        assertNull(c.problem(0.0));
        assertNull(c.problem(Math.nextDown(1.0)));
        assertEquals("must be between 0 and 1 (1 excluded), got 1.0", c.problem(1.0));
        assertTrue(c.problem(-0.5).startsWith("must be between 0 and 1 (1 excluded)"));
        assertTrue(c.maxExcluded());
        assertTrue(c.commandLineHelp().contains("Range 0..1 (1 excluded)."), c.commandLineHelp());
    }

    @Test
    void aWindowMustStayBelowTheExcludedBound() {
        assertThrows(IllegalArgumentException.class,
                () -> Setting.number("c", "--c", 0.0).rangeBelow(0, 1).window(0, 1).help("h").build());
        assertTrue(Setting.number("c", "--c", 0.0).rangeBelow(0, 1).window(0, 0.99).help("h").build().inWindow());
    }
}
