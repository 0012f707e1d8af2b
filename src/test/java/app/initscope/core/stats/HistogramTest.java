package app.initscope.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
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
        assertEquals(new Range(-0.5, 1e3), Range.parse(" -.5 : 1e3 "));
    }

    /** The fuzzer found --range taking what Java's parser takes but a user never means as a number. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+5:6", "0x1p-3:1", "0:0.2f", "0:\uff15", "0:1d",
        "NaN:1", "0:Infinity", "1:1", "-1e308:1e308"})
    void aRangeTakesOnlyPlainDecimalsAndAWidthThatFits(String text) {
        assertThrows(IllegalArgumentException.class, () -> Range.parse(text), text);
    }

    @Test
    void rebinningConservesTheTotalAndKeepsOutsideCounts() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            long[] counts = new long[1 + rng.nextInt(40)];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rng.nextInt(5) == 0 ? 0 : rng.nextLong(1_000_000);
            }
            double lo = rng.nextDouble(-5, 5);
            Histogram h = new Histogram(lo, lo + rng.nextDouble(0.1, 5), counts, rng.nextInt(100),
                    rng.nextInt(100), rng.nextInt(100));
            double newLo = rng.nextDouble(-8, 8);
            Histogram r = h.rebin(newLo, newLo + rng.nextDouble(0, 6), 1 + rng.nextInt(70));
            assertEquals(h.total(), r.total(), "trial " + trial);
            assertEquals(h.nonFinite(), r.nonFinite());
            assertTrue(r.underflow() >= h.underflow() && r.overflow() >= h.overflow(), "trial " + trial);
        }
    }

    @Test
    void rebinningOntoTheSameBinsChangesNothing() {
        long[] counts = {3, 0, 17, 1_000_000_007L, 5, 1};
        Histogram h = new Histogram(-1.3, 2.9, counts, 4, 9, 2);
        assertEquals(h, h.rebin(-1.3, 2.9, counts.length));
    }

    @Test
    void rebinningSplitsABinInProportionToOverlap() {
        // bins [0,1) [1,2) [2,3) [3,4] holding 10, 20, 30, 40
        Histogram h = new Histogram(0, 4, new long[] {10, 20, 30, 40}, 1, 2, 3);
        // Whole bins: [1, 3] keeps the middle two; the outer ones join underflow and overflow.
        Histogram inner = h.rebin(1, 3, 2);
        assertArrayEquals(new long[] {20, 30}, inner.counts());
        assertEquals(1 + 10, inner.underflow());
        assertEquals(2 + 40, inner.overflow());
        // Half bins: [0.5, 3.5] in 3 bins gets ½·10 + ½·20, ½·20 + ½·30, ½·30 + ½·40; half of each end bin is outside.
        Histogram shifted = h.rebin(0.5, 3.5, 3);
        assertArrayEquals(new long[] {15, 25, 35}, shifted.counts());
        assertEquals(1 + 5, shifted.underflow());
        assertEquals(2 + 20, shifted.overflow());
        // One wide bin takes everything; a wider range than the data leaves its outer bins empty.
        assertArrayEquals(new long[] {100}, h.rebin(0, 4, 1).counts());
        assertArrayEquals(new long[] {0, 30, 70, 0}, h.rebin(-2, 6, 4).counts());
        assertEquals(3, h.rebin(-2, 6, 4).nonFinite());
    }

    @Test
    void roundingKeepsEveryCountWithinOneOfItsShare() {
        // Three bins of 1 on [0, 3] onto two bins: each exact share is 1.5.
        Histogram h = new Histogram(0, 3, new long[] {1, 1, 1}, 0, 0, 0);
        long[] c = h.rebin(0, 3, 2).counts();
        assertEquals(3, c[0] + c[1]);
        assertTrue(Math.abs(c[0] - 1.5) < 1 && Math.abs(c[1] - 1.5) < 1);
        // 7 in one bin onto thirds: shares 7/3 each, so two get 2 and one gets 3.
        long[] thirds = new Histogram(0, 1, new long[] {7}, 0, 0, 0).rebin(0, 1, 3).counts();
        assertEquals(7, thirds[0] + thirds[1] + thirds[2]);
        for (long t : thirds) {
            assertTrue(t == 2 || t == 3, "count " + t);
        }
    }

    @Test
    void rebinningGaussianDataMatchesCountingItDirectlyUpToTheBoundaryBins() {
        int n = 200_000;
        float[] data = new float[n];
        SplittableRandom rng = new SplittableRandom(2024);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            data[i] = (float) rng.nextGaussian();
            min = Math.min(min, data[i]);
            max = Math.max(max, data[i]);
        }
        // The source covers the data (as a summary without a fixed range does); the target is wider, with bins
        // whose edges do not line up with the source's.
        Histogram source = Histogram.of(data, n, new Range(min, max), 60);
        double lo = -6.1;
        double hi = 5.7;
        int bins = 47;
        assertTrue(lo < min && max < hi);
        Histogram rebinned = source.rebin(lo, hi, bins);
        Histogram direct = Histogram.of(data, n, new Range(lo, hi), bins);
        assertEquals(0, rebinned.underflow());
        assertEquals(0, rebinned.overflow());
        long worst = 0;
        for (int j = 0; j < bins; j++) {
            // A source bin wholly inside target bin j gives it exactly its count, as direct counting does. Only a
            // source bin straddling one of j's two edges is split by length instead of by where its values lie,
            // which misplaces at most its whole count; rounding adds less than 1. So the difference is at most
            // the counts of the source bins that cross j's edges, plus 1.
            double t0 = direct.edge(j);
            double t1 = j + 1 == bins ? hi : direct.edge(j + 1);
            long tolerance = 1;
            for (int i = 0; i < source.bins(); i++) {
                double a = source.edge(i);
                double b = i + 1 == source.bins() ? source.hi() : source.edge(i + 1);
                if ((a < t0 && t0 < b) || (a < t1 && t1 < b)) {
                    tolerance += source.count(i);
                }
            }
            long diff = Math.abs(rebinned.count(j) - direct.count(j));
            assertTrue(diff <= tolerance, "bin " + j + ": rebinned " + rebinned.count(j) + ", direct "
                    + direct.count(j) + ", allowed " + tolerance);
            worst = Math.max(worst, diff);
        }
        // Within a straddling bin the density is nearly linear, so proportional splitting is far better than the
        // bound: the largest error is a small fraction of the fullest source bin.
        assertTrue(worst < source.maxCount() / 10, "worst " + worst + " of " + source.maxCount());
    }

    @Test
    void rebinningPutsMassOutsideTheNewRangeInUnderflowAndOverflow() {
        float[] data = new float[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i + 0.5f) / data.length;                      // evenly over (0, 1)
        }
        Histogram h = Histogram.of(data, data.length, new Range(0, 1), 10);
        Histogram r = h.rebin(0.25, 0.6, 7);
        assertEquals(250, r.underflow());
        assertEquals(400, r.overflow());
        assertArrayEquals(new long[] {50, 50, 50, 50, 50, 50, 50}, r.counts());
    }

    @Test
    void aFlatSourcePutsItsValueWhereTheNewRangeHasIt() {
        float[] data = {0.5f, 0.5f, 0.5f, 0.2f, 0.9f, Float.NaN};
        Histogram flat = Histogram.of(data, data.length, new Range(0.5, 0.5), 5);
        assertEquals(3, flat.count(2));
        // [0, 1] in 4 bins: 0.5 is the lower edge of bin 2.
        Histogram r = flat.rebin(0, 1, 4);
        assertArrayEquals(new long[] {0, 0, 3, 0}, r.counts());
        assertEquals(1, r.underflow());
        assertEquals(1, r.overflow());
        assertEquals(1, r.nonFinite());
        // 0.5 as the upper edge belongs to the last bin; outside the range it is underflow or overflow.
        assertArrayEquals(new long[] {0, 0, 3}, flat.rebin(0, 0.5, 3).counts());
        assertEquals(1 + 3, flat.rebin(0.6, 1, 3).underflow());
        assertEquals(1 + 3, flat.rebin(0, 0.4, 3).overflow());
        // Onto the same flat range with another bin count: the middle bin, as of() does.
        assertEquals(Histogram.of(data, data.length, new Range(0.5, 0.5), 3), flat.rebin(0.5, 0.5, 3));
    }

    @Test
    void aFlatTargetTakesNoSpreadOutMass() {
        Histogram h = new Histogram(0, 4, new long[] {10, 20, 30, 40}, 0, 0, 0);
        Histogram r = h.rebin(1, 1, 3);
        assertArrayEquals(new long[] {0, 0, 0}, r.counts());
        assertEquals(10, r.underflow());
        assertEquals(90, r.overflow());
    }

    @Test
    void rebinningRejectsBadArguments() {
        Histogram h = new Histogram(0, 1, new long[] {1, 2}, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> h.rebin(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> h.rebin(1, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> h.rebin(Double.NaN, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> h.rebin(0, Double.POSITIVE_INFINITY, 4));
        assertThrows(IllegalArgumentException.class, () -> h.rebin(Double.NEGATIVE_INFINITY, 0, 4));
    }
}
