package app.initscope.core.stats;

import app.initscope.core.linalg.Chunks;

/**
 * What the second pass needs from the first: the histogram's edges and the mean, and the first pass's totals.
 * A histogram's counts run over {@code bins + 3} slots: the bins, then underflow, overflow and non-finite.
 *
 * <p>And the second pass itself ({@link Summary.Sweep#second}): on vectors, each block of values' histogram and
 * magnitude slots are computed at once and then counted; the sum of squared deviations of a piece is one add chain
 * in index order. Four whole pieces go side by side, and where their values are all finite their four add chains run
 * in the same loop as the counting of their slots, so the adds' latency hides behind the counts. A piece whose values
 * are all one finite value (its first pass's min and max are equal) is counted without a look at its values.
 */
record SecondPass(int bins, double lo, double hi, double centre, double mean, double min, double max,
                  long finiteCount, long zeroCount, long satCount) {

    /** Pieces taken side by side. */
    private static final int GROUP = Summary.Sweep.GROUP;

    private boolean flat() {
        return !(hi > lo);
    }

    private double scale() {
        return flat() ? 0.0 : bins / (hi - lo);
    }

    /** Slots of data[from, from + len) into the k-th block buffers of {@code s}, on vectors. */
    private void slots(float[] data, int from, int len, Slots s, int k) {
        VectorSlots.linear(data, from, len, lo, hi, scale(), bins, flat(), s.inRange[k], s.linear[k]);
        if (s.magnitude != null) {
            VectorSlots.magnitudes(data, from, len, s.magnitude[k]);
        }
    }

    /**
     * The second pass over data[from, to) in one plain loop: counts into c by {@link #slot} and into m (if not
     * null) by {@link Magnitudes#slot}, and returns Σ(v − centre)² over the finite values, in order.
     */
    double plain(float[] data, int from, int to, int[] c, int[] m) {
        boolean flat = flat();
        double scale = scale();
        double q = 0;
        for (int i = from; i < to; i++) {
            float v = data[i];
            if (!Float.isFinite(v)) {
                c[bins + 2]++;
                if (m != null) {
                    m[Magnitudes.SKIPPED_SLOT]++;
                }
                continue;
            }
            double dev = v - centre;
            q += dev * dev;
            c[Slots.slot(v, lo, hi, scale, bins, flat)]++;
            if (m != null) {
                m[Magnitudes.slot(v)]++;
            }
        }
        return q;
    }

    /** Counts the block's slots into piece k's counts. */
    private void count(Slots s, int k, int len) {
        int[] c = s.counts[k];
        int[] linear = s.linear[k];
        for (int j = 0; j < len; j++) {
            c[linear[j]]++;
        }
        if (s.mags != null) {
            int[] m = s.mags[k].slots();
            int[] magnitude = s.magnitude[k];
            for (int j = 0; j < len; j++) {
                m[magnitude[j]]++;
            }
        }
    }

    /** Counts data[from, to) into piece k's counts of s, a block of slots at a time. */
    private void countPiece(float[] data, int from, int to, Slots s, int k) {
        for (int block = from; block < to; block += Slots.BLOCK) {
            int len = Math.min(Slots.BLOCK, to - block);
            slots(data, block, len, s, k);
            count(s, k, len);
        }
    }

    /** Counts data[from, to) as piece k of s and returns Σ(v − centre)² over its finite values, in order. */
    double bin(float[] data, int from, int to, Slots s, int k) {
        countPiece(data, from, to, s, k);
        double q = 0;
        for (int i = from; i < to; i++) {
            float v = data[i];
            double dev = v - centre;
            q += Float.isFinite(v) ? dev * dev : 0.0;          // +0.0 leaves the sum's bits as they are
        }
        return q;
    }

    /**
     * {@link #bin} of a piece data[from, to) whose values all equal data[from], a finite value (±0 for a piece of
     * zeros of both signs, which fall in the same slots): every value goes to the same two slots, and the squares
     * are the same term added to − 1 times, 0 with no add when that value is the centre.
     */
    double constant(float[] data, int from, int to, Slots s, int k) {
        float v = data[from];
        int len = to - from;
        s.counts[k][Slots.slot(v, lo, hi, scale(), bins, flat())] += len;
        if (s.mags != null) {
            s.mags[k].slots()[Magnitudes.slot(v)] += len;
        }
        double dev = v - centre;
        double term = dev * dev;
        double q = 0;
        if (term != 0) {
            for (int i = from; i < to; i++) {
                q += term;
            }
        }
        return q;
    }

    /**
     * {@link #bin} of four whole pieces from {@code from} on: piece k's counts into s's k-th, its sum of squares
     * into {@code squares[p + k]}. Each piece's sum is added in its own order, as bin's, but the four add chains
     * advance side by side.
     */
    void binFour(float[] data, int from, Slots s, double[] squares, int p) {
        int size = Chunks.SIZE;
        if (s.allFinite()) {
            double[] q = new double[GROUP];
            for (int block = 0; block < size; block += Slots.BLOCK) {
                for (int k = 0; k < GROUP; k++) {
                    slots(data, from + k * size + block, Slots.BLOCK, s, k);
                }
                countFour(data, from + block, s, q);
            }
            System.arraycopy(q, 0, squares, p, GROUP);
            return;
        }
        for (int k = 0; k < GROUP; k++) {
            countPiece(data, from + k * size, from + (k + 1) * size, s, k);
        }
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        for (int i = from, end = from + size; i < end; i++) {
            float v0 = data[i];
            float v1 = data[i + size];
            float v2 = data[i + 2 * size];
            float v3 = data[i + 3 * size];
            double d0 = v0 - centre;
            double d1 = v1 - centre;
            double d2 = v2 - centre;
            double d3 = v3 - centre;
            q0 += Float.isFinite(v0) ? d0 * d0 : 0.0;
            q1 += Float.isFinite(v1) ? d1 * d1 : 0.0;
            q2 += Float.isFinite(v2) ? d2 * d2 : 0.0;
            q3 += Float.isFinite(v3) ? d3 * d3 : 0.0;
        }
        squares[p] = q0;
        squares[p + 1] = q1;
        squares[p + 2] = q2;
        squares[p + 3] = q3;
    }

    /**
     * Counts one block of slots of each of four pieces (their blocks at {@code at} + k·{@link Chunks#SIZE}, every
     * value finite) and goes on with their sums of squares, {@code q[k]}, over the same values in order.
     */
    private void countFour(float[] data, int at, Slots s, double[] q) {
        int size = Chunks.SIZE;
        int[] c0 = s.counts[0];
        int[] c1 = s.counts[1];
        int[] c2 = s.counts[2];
        int[] c3 = s.counts[3];
        int[] o0 = s.countsOdd[0];
        int[] o1 = s.countsOdd[1];
        int[] o2 = s.countsOdd[2];
        int[] o3 = s.countsOdd[3];
        int[] l0 = s.linear[0];
        int[] l1 = s.linear[1];
        int[] l2 = s.linear[2];
        int[] l3 = s.linear[3];
        double q0 = q[0];
        double q1 = q[1];
        double q2 = q[2];
        double q3 = q[3];
        for (int j = 0; j < Slots.BLOCK; j += 2) {
            c0[l0[j]]++;
            c1[l1[j]]++;
            c2[l2[j]]++;
            c3[l3[j]]++;
            o0[l0[j + 1]]++;
            o1[l1[j + 1]]++;
            o2[l2[j + 1]]++;
            o3[l3[j + 1]]++;
            double d0 = data[at + j] - centre;
            double d1 = data[at + j + size] - centre;
            double d2 = data[at + j + 2 * size] - centre;
            double d3 = data[at + j + 3 * size] - centre;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
            d0 = data[at + j + 1] - centre;
            d1 = data[at + j + 1 + size] - centre;
            d2 = data[at + j + 1 + 2 * size] - centre;
            d3 = data[at + j + 1 + 3 * size] - centre;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        q[0] = q0;
        q[1] = q1;
        q[2] = q2;
        q[3] = q3;
        if (s.mags != null) {
            for (int k = 0; k < GROUP; k++) {
                int[] m = s.mags[k].slots();
                int[] odd = s.magsOdd(k);
                int[] magnitude = s.magnitude[k];
                for (int j = 0; j < Slots.BLOCK; j += 2) {
                    m[magnitude[j]]++;
                    odd[magnitude[j + 1]]++;
                }
            }
        }
    }
}
