package app.initscope.core.linalg;

/**
 * The first pass of {@code Summary.of} over one {@link Chunks} piece, as a reusable accumulator: the sum of the
 * finite values, their min and max and count, and the counts of zeros and of saturated values (v &lt; satLo or
 * v &gt; satHi).
 *
 * <p>The sum is the summary's: four running sums in double, value i going to sum i mod 4 in index order, combined as
 * (s0 + s1) + (s2 + s3); from the first group of four that holds a non-finite value on, the values go one by one to
 * s0. With the Vector API, the four sums are the four lanes of a 256-bit double vector, so each lane adds the same
 * values in the same order: the result is the same bits as the scalar loop. Min, max and counts do not depend on the
 * order. Each instance is written by one piece at a time.
 */
public final class PieceMoments {

    private static final boolean VECTOR = Kernels.vectorApiAvailable();

    double s0;
    double s1;
    double s2;
    double s3;
    float min;
    float max;
    long finite;
    long zeros;
    long saturated;

    /** (s0 + s1) + (s2 + s3): the sum of the finite values, in the summary's order. */
    public double sum() {
        return (s0 + s1) + (s2 + s3);
    }

    /** The smallest finite value, +∞ when there is none. */
    public float min() {
        return min;
    }

    /** The largest finite value, −∞ when there is none. */
    public float max() {
        return max;
    }

    public long finite() {
        return finite;
    }

    /** Values equal to 0 (or −0). */
    public long zeros() {
        return zeros;
    }

    /** Values below satLo or above satHi. */
    public long saturated() {
        return saturated;
    }

    /**
     * Accumulates {@code data[from, to)} from scratch.
     *
     * @param data Not modified
     */
    public void of(float[] data, int from, int to, float satLo, float satHi) {
        of(data, from, to, satLo, satHi, VECTOR);
    }

    /** {@link #of}, with or without the Vector API head (tests compare the two). */
    void of(float[] data, int from, int to, float satLo, float satHi, boolean vector) {
        s0 = 0;
        s1 = 0;
        s2 = 0;
        s3 = 0;
        min = Float.POSITIVE_INFINITY;
        max = Float.NEGATIVE_INFINITY;
        finite = 0;
        zeros = 0;
        saturated = 0;
        int i = vector ? VectorPasses.head(this, data, from, to, satLo, satHi) : from;
        tail(data, i, to, satLo, satHi);
    }

    /** The scalar loop of {@code Summary.of}, from i on (i − from a multiple of 4, every value before i finite). */
    private void tail(float[] data, int i, int to, float satLo, float satHi) {
        double a0 = s0;
        double a1 = s1;
        double a2 = s2;
        double a3 = s3;
        float lo = min;
        float hi = max;
        long f = finite;
        long z = zeros;
        long st = saturated;
        for (; i + 3 < to; i += 4) {
            float v0 = data[i];
            float v1 = data[i + 1];
            float v2 = data[i + 2];
            float v3 = data[i + 3];
            if (!(Float.isFinite(v0) && Float.isFinite(v1) && Float.isFinite(v2) && Float.isFinite(v3))) {
                break;                                     // the rest of the piece goes one by one
            }
            f += 4;
            a0 += v0;
            a1 += v1;
            a2 += v2;
            a3 += v3;
            lo = Math.min(Math.min(lo, Math.min(v0, v1)), Math.min(v2, v3));
            hi = Math.max(Math.max(hi, Math.max(v0, v1)), Math.max(v2, v3));
            z += (v0 == 0f ? 1 : 0) + (v1 == 0f ? 1 : 0) + (v2 == 0f ? 1 : 0) + (v3 == 0f ? 1 : 0);
            st += (v0 < satLo || v0 > satHi ? 1 : 0) + (v1 < satLo || v1 > satHi ? 1 : 0)
                    + (v2 < satLo || v2 > satHi ? 1 : 0) + (v3 < satLo || v3 > satHi ? 1 : 0);
        }
        for (; i < to; i++) {
            float v = data[i];
            if (v == 0f) {
                z++;
            }
            if (v < satLo || v > satHi) {
                st++;
            }
            if (Float.isFinite(v)) {
                f++;
                a0 += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        s0 = a0;
        s1 = a1;
        s2 = a2;
        s3 = a3;
        min = lo;
        max = hi;
        finite = f;
        zeros = z;
        saturated = st;
    }
}
