package app.initscope.core.stats;

import app.initscope.core.linalg.Chunks;

/**
 * {@link app.initscope.core.stats.Summary#std}, taken apart so that its pieces can run inside another pass over the
 * same {@link Chunks} pieces (the optimizer's update): each piece sums the deviations from its first value and
 * their squares, in index order, in double; {@link #value} combines the pieces in piece order as that method does.
 * The same data gives the same bits as {@code Summary.std}, whichever thread computes which piece. The buffers are
 * kept between uses; a piece only writes its own slot.
 */
public final class PieceStd {

    private double[] shift = new double[0];
    private double[] sum = new double[0];
    private double[] squares = new double[0];

    /** Makes room for the pieces of {@code n} values (keeps the buffers when they are large enough). */
    public void reset(int n) {
        int pieces = Chunks.count(n);
        if (shift.length < pieces) {
            shift = new double[pieces];
            sum = new double[pieces];
            squares = new double[pieces];
        }
    }

    /** Piece {@code piece}, which covers {@code data[from, to)}. @param data Not modified */
    public void piece(int piece, float[] data, int from, int to) {
        double k = data[from];
        double s = 0;
        double q = 0;
        for (int i = from; i < to; i++) {
            double d = data[i] - k;
            s += d;
            q += d * d;
        }
        shift[piece] = k;
        sum[piece] = s;
        squares[piece] = q;
    }

    /**
     * The pieces of two arrays at once, {@code this} for {@code x} and {@code other} for {@code y}: the same sums as
     * two calls of {@link #piece}, in one loop, so their add chains overlap.
     */
    public void pieces(int piece, float[] x, PieceStd other, float[] y, int from, int to) {
        double kx = x[from];
        double ky = y[from];
        double sx = 0;
        double qx = 0;
        double sy = 0;
        double qy = 0;
        for (int i = from; i < to; i++) {
            double dx = x[i] - kx;
            double dy = y[i] - ky;
            sx += dx;
            qx += dx * dx;
            sy += dy;
            qy += dy * dy;
        }
        shift[piece] = kx;
        sum[piece] = sx;
        squares[piece] = qx;
        other.shift[piece] = ky;
        other.sum[piece] = sy;
        other.squares[piece] = qy;
    }

    /** Sets piece {@code piece}'s sums directly, for a pass that computes them itself (it must sum as {@link #piece}). */
    public void set(int piece, double shift, double sum, double squares) {
        this.shift[piece] = shift;
        this.sum[piece] = sum;
        this.squares[piece] = squares;
    }

    /**
     * Four whole pieces p to p + 3 of {@code data} side by side, each summed in the order of {@link #piece}: four add
     * chains at once instead of one.
     */
    public void four(int p, float[] data) {
        int size = Chunks.SIZE;
        int from = Chunks.from(p);
        double k0 = data[from];
        double k1 = data[from + size];
        double k2 = data[from + 2 * size];
        double k3 = data[from + 3 * size];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        for (int i = from, end = from + size; i < end; i++) {
            double d0 = data[i] - k0;
            double d1 = data[i + size] - k1;
            double d2 = data[i + 2 * size] - k2;
            double d3 = data[i + 3 * size] - k3;
            s0 += d0;
            s1 += d1;
            s2 += d2;
            s3 += d3;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        set(p, k0, s0, q0);
        set(p + 1, k1, s1, q1);
        set(p + 2, k2, s2, q2);
        set(p + 3, k3, s3, q3);
    }

    /** The units of {@link #group} over n values: groups of {@value Summary.Sweep#GROUP} pieces. */
    public static int groups(int n) {
        return (Chunks.count(n) + Summary.Sweep.GROUP - 1) / Summary.Sweep.GROUP;
    }

    /**
     * The pieces of group g of data[0, n), as {@link Summary#std} sums them: four whole pieces side by side, each in
     * its own order (four add chains at once instead of one), else one by one. After {@link #reset}{@code (n)}.
     */
    public void group(float[] data, int n, int g) {
        int pieces = Chunks.count(n);
        int p = g * Summary.Sweep.GROUP;
        int end = Math.min(p + Summary.Sweep.GROUP, pieces);
        if (end - p == Summary.Sweep.GROUP && end <= n / Chunks.SIZE) {
            four(p, data);
            p = end;
        }
        for (; p < end; p++) {
            piece(p, data, Chunks.from(p), Chunks.to(p, n));
        }
    }

    /** The population standard deviation of the {@code n} values whose every piece was given. */
    public double value(int n) {
        int pieces = Chunks.count(n);
        // Combine pieces around the first piece's shift: Σ(x − K)² = Σ(x − k)² + 2(k − K)Σ(x − k) + m(k − K)².
        double k0 = pieces > 0 ? shift[0] : 0;
        double s = 0;
        double q = 0;
        for (int p = 0; p < pieces; p++) {
            double m = Chunks.to(p, n) - Chunks.from(p);
            double dk = shift[p] - k0;
            s += sum[p] + m * dk;
            q += squares[p] + 2 * dk * sum[p] + m * dk * dk;
        }
        double mean = s / n;
        return Math.sqrt(Math.max(0.0, q / n - mean * mean));
    }
}
