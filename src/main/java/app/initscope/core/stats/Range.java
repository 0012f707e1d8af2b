package app.initscope.core.stats;

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

    /** Parses {@code LO:HI}, e.g. {@code -3:3}. */
    public static Range parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a range is LO:HI, e.g. -3:3, got '" + text + "'");
        }
        try {
            return new Range(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a range is LO:HI with two numbers, got '" + text + "'", e);
        }
    }
}
