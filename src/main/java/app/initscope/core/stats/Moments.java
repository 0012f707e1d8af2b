package app.initscope.core.stats;

/**
 * The first pass of a {@link Summary} over one piece of a tensor, as an accumulator that other passes can run too (the
 * trainer's, as φ fills each piece of a): the sum of the finite values in the summary's order, their min, max and
 * count, and the counts of zeros and of saturated values.
 *
 * <p>The sum is four running sums in double, value i going to sum i mod 4 in index order, combined as
 * (s0 + s1) + (s2 + s3); from the first group of four that holds a non-finite value on, the values go one by one to
 * s0. With the Vector API ({@link VectorMoments}) the four sums are the four lanes of one double vector, which add
 * the same values in the same order: the same bits as the scalar loop. Each instance is written by one piece at a
 * time.
 */
public final class Moments {

    /** Whether the Vector API head runs on this JVM (the same bits either way). */
    public static final boolean VECTORS = Summary.VECTOR;
    double s0;
    double s1;
    double s2;
    double s3;
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    long finite;
    long zeros;
    long saturated;

    /** (s0 + s1) + (s2 + s3): the sum of the finite values, in the summary's order. */
    public double sum() {
        return (s0 + s1) + (s2 + s3);
    }

    /** The smallest finite value, +∞ when there is none. */
    public float min() {
        return lo;
    }

    /** The largest finite value, −∞ when there is none. */
    public float max() {
        return hi;
    }

    public long finite() {
        return finite;
    }

    /** Values equal to 0 (or −0). */
    public long zeros() {
        return zeros;
    }

    /** Values the saturation test counts. */
    public long saturated() {
        return saturated;
    }

    /**
     * Accumulates {@code data[from, end)} from scratch.
     *
     * @param data      Not modified
     * @param saturated which values count as saturated, or null
     * @param vectors   whether to run the Vector API's head first (the same bits either way)
     */
    public void of(float[] data, int from, int end, Summary.SaturationTest saturated, boolean vectors) {
        s0 = 0;
        s1 = 0;
        s2 = 0;
        s3 = 0;
        lo = Float.POSITIVE_INFINITY;
        hi = Float.NEGATIVE_INFINITY;
        finite = 0;
        zeros = 0;
        this.saturated = 0;
        int i = from;
        if (vectors) {
            Summary.Outside band = saturated instanceof Summary.Outside o ? o : null;
            i = VectorMoments.run(data, from, end, band, this);
            if (saturated != null && band == null) {
                for (int j = from; j < i; j++) {
                    this.saturated += saturated.test(data[j]) ? 1 : 0;
                }
            }
        }
        scalar(data, i, end, saturated);
    }

    /**
     * {@link #of} of three pieces at once, x[from, end), y[from, end) (its saturation by {@code band}, or none) and
     * w[from, end), on vectors, into fresh moments: the same bits as three calls, but the three add chains advance
     * side by side as long as all three hold only finite values; then each goes on alone.
     */
    static void ofThree(float[] x, Moments mx, float[] y, Moments my, Summary.Outside band, float[] w, Moments mw,
                        int from, int end) {
        int i = VectorMoments.runThree(x, mx, y, my, band, w, mw, from, end);
        mx.rest(x, i, end, null);
        my.rest(y, i, end, band);
        mw.rest(w, i, end, null);
    }

    /** Goes on from i, where the vectors of a piece stopped, on vectors and then one by one. */
    private void rest(float[] data, int i, int end, Summary.Outside band) {
        scalar(data, VectorMoments.run(data, i, end, band, this), end, band);
    }

    /**
     * Goes on from {@code i}, a multiple of 4 past the piece's start: groups of four finite values into the four
     * sums, then, from the first group with a non-finite value, the rest one by one into the first sum.
     */
    void scalar(float[] data, int i, int end, Summary.SaturationTest test) {
        // Four running sums break the floating-point add chain; they combine in a fixed order.
        double s0 = this.s0;
        double s1 = this.s1;
        double s2 = this.s2;
        double s3 = this.s3;
        float lo = this.lo;
        float hi = this.hi;
        long f = finite;
        long z = zeros;
        long st = saturated;
        for (; i + 3 < end; i += 4) {
            float v0 = data[i];
            float v1 = data[i + 1];
            float v2 = data[i + 2];
            float v3 = data[i + 3];
            if (!(Float.isFinite(v0) && Float.isFinite(v1) && Float.isFinite(v2) && Float.isFinite(v3))) {
                break;                                     // the rest of the piece goes one by one
            }
            f += 4;
            s0 += v0;
            s1 += v1;
            s2 += v2;
            s3 += v3;
            lo = Math.min(Math.min(lo, Math.min(v0, v1)), Math.min(v2, v3));
            hi = Math.max(Math.max(hi, Math.max(v0, v1)), Math.max(v2, v3));
            z += (v0 == 0f ? 1 : 0) + (v1 == 0f ? 1 : 0) + (v2 == 0f ? 1 : 0) + (v3 == 0f ? 1 : 0);
            if (test != null) {
                st += (test.test(v0) ? 1 : 0) + (test.test(v1) ? 1 : 0)
                        + (test.test(v2) ? 1 : 0) + (test.test(v3) ? 1 : 0);
            }
        }
        for (; i < end; i++) {
            float v = data[i];
            if (v == 0f) {
                z++;
            }
            if (test != null && test.test(v)) {
                st++;
            }
            if (Float.isFinite(v)) {
                f++;
                s0 += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
        this.lo = lo;
        this.hi = hi;
        finite = f;
        zeros = z;
        saturated = st;
    }
}
