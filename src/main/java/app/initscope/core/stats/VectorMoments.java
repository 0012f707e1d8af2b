package app.initscope.core.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The first pass of {@link Summary.Sweep} on the Vector API, for as long as the values are finite: the same sums in
 * the same order as the scalar loop ({@link Moments#scalar}), which it hands over to at the first vector
 * holding a non-finite value, and at the piece's tail.
 *
 * <p>The scalar loop keeps four sums, s_j over the values at positions j, j + 4, j + 8, … of the piece, each added
 * in order. Here they are the four lanes of one double vector, and the values come four at a time, widened from
 * float exactly, so every lane adds the same values in the same order: the same bits. Min and max are exact in
 * any order, and the counts are whole numbers.
 *
 * <p>Load only when the {@code jdk.incubator.vector} module is resolved (see {@link Summary#VECTOR}).
 */
final class VectorMoments {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final int L = S.length();

    private VectorMoments() {
    }

    /** Whether a vector holds whole groups of four values (the sums' period). */
    static boolean usable() {
        return L >= 4 && L % 4 == 0 && F4.length() == 4 && D4.length() == 4;
    }

    /**
     * Runs the first pass over {@code data[from, to)} from {@code from} on, into {@code m}, for as many whole vectors
     * as are entirely finite, and returns where it stopped: a multiple of 4 past the piece's start. It goes on from
     * m's sums and counts (a fresh m, or one that an earlier call left at {@code from}), each lane's sum in order.
     * The saturated values are counted here only for a {@code band}; for any other test the caller counts them.
     */
    static int run(float[] data, int from, int to, Summary.Outside band, Moments m) {
        DoubleVector sums = DoubleVector.fromArray(D4, new double[] {m.s0, m.s1, m.s2, m.s3}, 0);
        FloatVector lo = FloatVector.broadcast(S, m.lo);
        FloatVector hi = FloatVector.broadcast(S, m.hi);
        long zeros = 0;
        long saturated = 0;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, data, i);
            if (!finite(v)) {
                break;                                  // a NaN or an infinity: the scalar loop takes it from here
            }
            sums = add(sums, data, i);
            lo = lo.min(v);
            hi = hi.max(v);
            zeros += v.compare(VectorOperators.EQ, 0f).trueCount();
            saturated += outside(v, band);
        }
        store(m, sums, lo, hi, i - from, zeros, saturated);
        return i;
    }

    /**
     * {@link #run} over three tensors' pieces data[from, to) at once, fresh moments each, the second's saturation by
     * {@code band} (or not counted): their three add chains advance side by side. Stops at the first vector where
     * any of them holds a NaN or an infinity, and returns where, for {@link #run} to go on with each.
     */
    static int runThree(float[] x, Moments mx, float[] y, Moments my, Summary.Outside band, float[] w, Moments mw,
                        int from, int to) {
        DoubleVector sx = DoubleVector.zero(D4);
        DoubleVector sy = DoubleVector.zero(D4);
        DoubleVector sw = DoubleVector.zero(D4);
        FloatVector lx = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        FloatVector ly = lx;
        FloatVector lw = lx;
        FloatVector hx = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        FloatVector hy = hx;
        FloatVector hw = hx;
        long zx = 0;
        long zy = 0;
        long zw = 0;
        long saturated = 0;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector vx = FloatVector.fromArray(S, x, i);
            FloatVector vy = FloatVector.fromArray(S, y, i);
            FloatVector vw = FloatVector.fromArray(S, w, i);
            if (!(finite(vx) && finite(vy) && finite(vw))) {
                break;
            }
            sx = add(sx, x, i);
            sy = add(sy, y, i);
            sw = add(sw, w, i);
            lx = lx.min(vx);
            ly = ly.min(vy);
            lw = lw.min(vw);
            hx = hx.max(vx);
            hy = hy.max(vy);
            hw = hw.max(vw);
            zx += vx.compare(VectorOperators.EQ, 0f).trueCount();
            zy += vy.compare(VectorOperators.EQ, 0f).trueCount();
            zw += vw.compare(VectorOperators.EQ, 0f).trueCount();
            saturated += outside(vy, band);
        }
        store(mx, sx, lx, hx, i - from, zx, 0);
        store(my, sy, ly, hy, i - from, zy, saturated);
        store(mw, sw, lw, hw, i - from, zw, 0);
        return i;
    }

    private static boolean finite(FloatVector v) {
        return v.abs().compare(VectorOperators.LE, Float.MAX_VALUE).allTrue();
    }

    /** The vector at data[i] added to the four sums, four values at a time, in order. */
    private static DoubleVector add(DoubleVector sums, float[] data, int i) {
        for (int k = 0; k < L; k += 4) {
            sums = sums.add(FloatVector.fromArray(F4, data, i + k).convertShape(VectorOperators.F2D, D4, 0));
        }
        return sums;
    }

    /** The values of v outside the band, or 0 without a band. */
    private static long outside(FloatVector v, Summary.Outside band) {
        if (band == null) {
            return 0;
        }
        VectorMask<Float> out = v.compare(VectorOperators.LT, band.below())
                .or(v.compare(VectorOperators.GT, band.above()));
        return out.trueCount();
    }

    /** Puts the vectors' sums, min and max into m, and adds the counts of the values they took. */
    private static void store(Moments m, DoubleVector sums, FloatVector lo, FloatVector hi, long finite, long zeros,
                              long saturated) {
        m.s0 = sums.lane(0);
        m.s1 = sums.lane(1);
        m.s2 = sums.lane(2);
        m.s3 = sums.lane(3);
        m.lo = lo.reduceLanes(VectorOperators.MIN);
        m.hi = hi.reduceLanes(VectorOperators.MAX);
        m.finite += finite;
        m.zeros += zeros;
        m.saturated += saturated;
    }
}
