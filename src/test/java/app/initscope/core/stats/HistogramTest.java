package app.initscope.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void valuesOutsideTheRangeGoToUnderflowAndOverflow() {
        float[] data = {-2f, -1f, 0f, 0.5f, 1f, 3f};
        Histogram h = Histogram.of(data, data.length, new Range(-1, 1), 4);
        assertEquals(1, h.underflow());
        assertEquals(1, h.overflow());
        // bins [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]: the upper edge belongs to the last bin
        assertArrayEquals(new long[] {1, 0, 1, 2}, h.counts());
        assertEquals(data.length, h.total());
    }

    @Test
    void nonFiniteValuesAreCountedApartAndInNoBin() {
        float[] data = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.25f};
        Histogram h = Histogram.of(data, data.length, new Range(0, 1), 2);
        assertEquals(3, h.nonFinite());
        assertEquals(0, h.underflow());
        assertEquals(0, h.overflow());
        assertArrayEquals(new long[] {1, 0}, h.counts());
    }

    @Test
    void aZeroWidthRangePutsItsValueInTheMiddleBin() {
        float[] data = {0.5f, 0.5f, 0.5f};
        Histogram h = Histogram.of(data, data.length, new Range(0.5, 0.5), 5);
        assertEquals(3, h.count(2));
        assertEquals(3, h.total());
    }

    @Test
    void edgesAreEquallySpaced() {
        Histogram h = Histogram.of(new float[] {0f}, 1, new Range(-3, 3), 6);
        assertEquals(-3, h.edge(0));
        assertEquals(0, h.edge(3), 1e-12);
        assertEquals(2, h.edge(5), 1e-12);
    }

    @Test
    void countsCannotBeChangedFromOutside() {
        Histogram h = Histogram.of(new float[] {0f}, 1, new Range(0, 1), 2);
        h.counts()[0] = 99;
        assertEquals(1, h.count(0));
    }

    @Test
    void aRangeMustBeOrderedAndFinite() {
        assertThrows(IllegalArgumentException.class, () -> new Range(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Range(0, Double.POSITIVE_INFINITY));
        assertEquals(new Range(-3, 3), Range.parse("-3:3"));
        assertThrows(IllegalArgumentException.class, () -> Range.parse("3"));
        assertThrows(IllegalArgumentException.class, () -> Range.parse("a:b"));
    }
}
