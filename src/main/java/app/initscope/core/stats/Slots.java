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

    /**
     * Second counts of each piece, for every other value of a block: a run of equal slots then makes two chains of
     * adds to one count, not one twice as long (a saturated tanh puts nearly every value in one bin). {@link #fold}
     * adds them to the first.
     */
    final int[][] countsOdd;
    final int[][] magsOdd;

    Slots(int pieces, int bins, boolean magnitudes, boolean[] inRange, boolean allFinite) {
        this.inRange = inRange;
        this.allFinite = allFinite;
        counts = new int[pieces][bins + 3];
        countsOdd = new int[pieces][bins + 3];
        mags = magnitudes ? new Magnitudes.Accumulator[pieces] : null;
        for (int k = 0; magnitudes && k < pieces; k++) {
            mags[k] = new Magnitudes.Accumulator();
        }
        magsOdd = magnitudes ? new int[pieces][] : null;
        linear = new int[pieces][BLOCK];
        magnitude = magnitudes ? new int[pieces][BLOCK] : null;
    }

    /** Piece k's second magnitude counts, made on first use. */
    int[] magsOdd(int k) {
        int[] m = magsOdd[k];
        if (m == null) {
            m = new int[Magnitudes.SLOTS];
            magsOdd[k] = m;
        }
        return m;
    }

    /**
     * Adds each piece's second counts to its first, and every piece's magnitude counts to the first piece's (the
     * group's magnitudes are then {@code mags[0]}'s).
     */
    void fold() {
        for (int k = 0; k < counts.length; k++) {
            int[] c = counts[k];
            int[] odd = countsOdd[k];
            for (int b = 0; b < c.length; b++) {
                c[b] += odd[b];
            }
        }
        if (mags == null) {
            return;
        }
        int[] m = mags[0].slots();
        for (int k = 0; k < mags.length; k++) {
            add(m, k > 0 ? mags[k].slots() : null);
            add(m, magsOdd[k]);
        }
    }

    private static void add(int[] to, int[] from) {
        if (from != null) {
            for (int b = 0; b < to.length; b++) {
                to[b] += from[b];
            }
        }
    }

    boolean allFinite() {
        return allFinite;
    }
}
