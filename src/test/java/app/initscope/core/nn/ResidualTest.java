package app.initscope.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidualTest {

    @Test
    void readsOffSqrtDepthAndAScale() {
        assertFalse(Residual.parse("off").on());
        assertTrue(Residual.parse(" sqrt-depth ").sqrtDepth());
        assertEquals(0.5, Residual.parse("0.5").alpha(10), 0);
        assertEquals(0, Residual.parse("0").alpha(10), 0);
        assertEquals("1", Residual.parse("1.0").id());
        assertEquals("0.25", Residual.parse("0.25").id());
        assertEquals("sqrt-depth", Residual.SQRT_DEPTH.id());
        assertEquals("off", Residual.OFF.id());
    }

    @Test
    void sqrtDepthIsOneOverTheRootOfTheBranches() {
        assertEquals(1 / 3.0, Residual.SQRT_DEPTH.alpha(10), 1e-15);      // 9 branches after layer 1
        assertEquals(1 / Math.sqrt(19), Residual.SQRT_DEPTH.alpha(20), 1e-15);
    }

    @Test
    void refusesWhatIsNotAScale() {
        for (String bad : new String[] {"-1", "NaN", "Infinity", "half", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Residual.parse(bad),
                    bad);
            assertTrue(e.getMessage().contains("residual") || e.getMessage().contains("branch scale"),
                    e.getMessage());
        }
    }
}
