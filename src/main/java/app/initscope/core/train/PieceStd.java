package app.initscope.core.train;

import app.initscope.core.linalg.Chunks;

/**
 * {@link app.initscope.core.stats.Summary#std}, taken apart so that its pieces can run inside another pass over the
 * same {@link Chunks} pieces (the optimizer's update): each piece sums the deviations from its first value and
 * their squares, in index order, in double; {@link #value} combines the pieces in piece order as that method does.
 * The same data gives the same bits as {@code Summary.std}, whichever thread computes which piece. The buffers are
 * kept between uses; a piece only writes its own slot.
 */
final class PieceStd {

    private double[] shift = new double[0];
    private double[] sum = new double[0];
    private double[] squares = new double[0];

    /** Makes room for the pieces of {@code n} values (keeps the buffers when they are large enough). */
    void reset(int n) {
        int pieces = Chunks.count(n);
        if (shift.length < pieces) {
            shift = new double[pieces];
            sum = new double[pieces];
            squares = new double[pieces];
        }
    }

    /** Piece {@code piece}, which covers {@code data[from, to)}. @param data Not modified */
    void piece(int piece, float[] data, int from, int to) {
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
    void pieces(int piece, float[] x, PieceStd other, float[] y, int from, int to) {
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

    /**
     * SGD's update of {@code p[from, to)} (as {@link Optimizer#update} makes it: p ← (float) (p − lr·g),
     * Δ = p_new − p_old in float, written into {@code delta}), with the pieces of std(p) before the update in
     * {@code this}, std(g) in {@code grad} and std(Δ) in {@code change}, all in one loop: the same values as
     * {@link #pieces} before the update and {@link #piece} of Δ after it, in a third less time.
     */
    void sgd(int piece, float[] p, float[] g, float[] delta, double lr, PieceStd grad, PieceStd change, int from,
             int to) {
        float first = p[from];
        double kp = first;
        double kg = g[from];
        double kd = (float) (first - lr * g[from]) - first;
        double sp = 0;
        double qp = 0;
        double sg = 0;
        double qg = 0;
        double sd = 0;
        double qd = 0;
        for (int i = from; i < to; i++) {
            float old = p[i];
            float gi = g[i];
            float updated = (float) (old - lr * gi);
            float d = updated - old;
            p[i] = updated;
            delta[i] = d;
            double dp = old - kp;
            double dg = gi - kg;
            double dd = d - kd;
            sp += dp;
            qp += dp * dp;
            sg += dg;
            qg += dg * dg;
            sd += dd;
            qd += dd * dd;
        }
        shift[piece] = kp;
        sum[piece] = sp;
        squares[piece] = qp;
        grad.shift[piece] = kg;
        grad.sum[piece] = sg;
        grad.squares[piece] = qg;
        change.shift[piece] = kd;
        change.sum[piece] = sd;
        change.squares[piece] = qd;
    }

    /** The population standard deviation of the {@code n} values whose every piece was given. */
    double value(int n) {
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
