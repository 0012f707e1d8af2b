package app.initscope.core.stats;

/**
 * The second pass's counts of up to {@value Summary.Sweep#GROUP} pieces, and the blocks of slots it counts from; and
 * {@link #slot}, where one value goes.
 */
final class Slots {

    /**
     * The slot of v in a histogram of {@code bins} bins on [lo, hi] (scale = bins/(hi − lo)): bin i covers
     * [lo + i·w, lo + (i+1)·w), the last bin also holds hi, and a flat range puts its one value in the middle bin;
     * then underflow ({@code bins}), overflow ({@code bins + 1}) and non-finite ({@code bins + 2}).
     */
    static int slot(float v, double lo, double hi, double scale, int bins, boolean flat) {
        int b = flat ? bins / 2 : Math.min((int) ((v - lo) * scale), bins - 1);
        b = v < lo ? bins : b;
        b = v > hi ? bins + 1 : b;
        return Float.isFinite(v) ? b : bins + 2;
    }

    /** Values whose slots are computed at once, then counted. */
    static final int BLOCK = 512;

    final int[][] counts;
    final Magnitudes.Accumulator[] mags;
    final int[][] linear;
    final int[][] magnitude;
    /** Whether piece k's values are all finite and inside the histogram's range (then no value needs a check). */
    final boolean[] inRange;
    /** Whether every piece's values are finite. */
    private final boolean allFinite;

    Slots(int pieces, int bins, boolean magnitudes, boolean[] inRange, boolean allFinite) {
        this.inRange = inRange;
        this.allFinite = allFinite;
        counts = new int[pieces][bins + 3];
        mags = magnitudes ? new Magnitudes.Accumulator[pieces] : null;
        for (int k = 0; magnitudes && k < pieces; k++) {
            mags[k] = new Magnitudes.Accumulator();
        }
        linear = new int[pieces][BLOCK];
        magnitude = magnitudes ? new int[pieces][BLOCK] : null;
    }

    boolean allFinite() {
        return allFinite;
    }
}
