package app.initscope.core.stats;

import app.initscope.core.settings.Setting;

/**
 * A closed interval [lo, hi] for histogram edges.
 *
 * @param lo the lower edge, finite
 * @param hi the upper edge, finite and ≥ lo
 */
public record Range(double lo, double hi) {

    /** Validates the edges. */
    public Range {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
            throw new IllegalArgumentException("a range needs finite lo ≤ hi, got [" + lo + ", " + hi + "]");
        }
    }

    /**
     * A range that a user fixes for a histogram: besides finite edges, lo < hi (else every value lands in the
     * under- or overflow) and a finite width hi − lo (else every value lands in the first bin).
     *
     * @throws IllegalArgumentException saying which
     */
    public static Range forHistogram(double lo, double hi) {
        Range r = new Range(lo, hi);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("a histogram range needs lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (!Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("a histogram range must be narrower than " + Double.MAX_VALUE
                    + ", got [" + lo + ", " + hi + "]");
        }
        return r;
    }

    /** Parses {@code LO:HI}, e.g. {@code -3:3}, as a {@linkplain #forHistogram histogram range}. */
    public static Range parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a range is LO:HI, e.g. -3:3, got '" + text + "'");
        }
        double lo;
        double hi;
        try {
            lo = Setting.decimal(parts[0]);
            hi = Setting.decimal(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a range is LO:HI with two plain decimal numbers, e.g. -3:3, got '"
                    + text + "'", e);
        }
        return forHistogram(lo, hi);
    }
}
