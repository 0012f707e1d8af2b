package app.initscope.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.linalg.Parallel;
import app.initscope.engine.ComputePool;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void momentsExcludeNonFiniteValuesAndCountThem() {
        float[] data = {1f, 2f, 3f, Float.NaN, 0f, Float.POSITIVE_INFINITY};
        Summary s = Summary.of(data, data.length, null, 4, null, Parallel.sequential());
        assertEquals(6, s.count());
        assertEquals(2, s.nonFinite());
        assertEquals(1.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), s.std(), 1e-12);
        assertEquals(0, s.min());
        assertEquals(3, s.max());
        assertEquals(1.0 / 6, s.zeroFraction(), 1e-12);
        assertNull(s.saturatedFraction());
        assertEquals(0, s.histogram().lo());
        assertEquals(3, s.histogram().hi());
    }

    @Test
    void saturationIsTheFractionOfAllValuesThatPassTheTest() {
        float[] data = {0.99f, -0.98f, 0.5f, 0f};
        Summary s = Summary.of(data, data.length, null, 4, v -> Math.abs(v) > 0.97f, Parallel.sequential());
        assertEquals(0.5, s.saturatedFraction());
    }

    @Test
    void aTensorWithNoFiniteValuesHasNaNMomentsAndAnEmptyHistogram() {
        float[] data = {Float.NaN, Float.NaN};
        Summary s = Summary.of(data, data.length, null, 3, null, Parallel.sequential());
        assertTrue(Double.isNaN(s.mean()));
        assertTrue(Double.isNaN(s.std()));
        assertEquals(2, s.histogram().nonFinite());
        assertEquals(2, s.histogram().total());
    }

    @Test
    void largeDataGivesTheSameBitsSequentiallyAndOnTwoThreads() {
        float[] data = new float[300_001];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (1e3 + r.nextGaussian());
        }
        Summary one = Summary.of(data, data.length, null, 50, null, Parallel.sequential());
        try (ComputePool pool = new ComputePool(2)) {
            Summary two = Summary.of(data, data.length, null, 50, null, pool);
            assertEquals(one, two);
        }
        // the two-pass variance stays accurate despite the large mean
        assertEquals(1.0, one.std(), 0.01);
    }

    @Test
    void onePassStdIsExactlyZeroForAConstantAndMatchesTheTwoPassStd() {
        float[] constant = new float[100_000];
        java.util.Arrays.fill(constant, 0.01f);
        assertEquals(0.0, Summary.std(constant, constant.length, Parallel.sequential()));
        float[] data = new float[250_003];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (5 + 0.3 * r.nextGaussian());
        }
        double twoPass = Summary.of(data, data.length, null, 10, null, Parallel.sequential()).std();
        assertEquals(twoPass, Summary.std(data, data.length, Parallel.sequential()), 1e-9 * twoPass);
        try (ComputePool pool = new ComputePool(2)) {
            assertEquals(Summary.std(data, data.length, Parallel.sequential()),
                    Summary.std(data, data.length, pool));
        }
    }
}
