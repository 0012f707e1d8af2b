package app.initscope.render;

/**
 * How a histogram's x-axis maps values to position: linear, or symmetric-log,
 * {@code u = sign(x)·log10(1 + |x|/c)}, which is linear within about ±c and logarithmic beyond, so that a
 * narrow and a wide distribution both show their shape on one axis. A histogram drawn on a symlog axis has its
 * bins uniform in u; its edges are u values, and {@link #toData} turns them back into data units for labels and
 * the CSV.
 *
 * @param linthresh c, the half-width of the linear part, in data units; 0 for a linear axis
 */
public record AxisScale(double linthresh) {

    /** The identity: positions are data values. */
    public static final AxisScale LINEAR = new AxisScale(0);

    public AxisScale {
        if (!(linthresh >= 0) || !Double.isFinite(linthresh)) {
            throw new IllegalArgumentException("the linear threshold must be finite and ≥ 0, got " + linthresh);
        }
    }

    /** A symmetric-log axis with the linear threshold {@code c > 0}. */
    public static AxisScale symlog(double c) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("a symlog threshold must be > 0, got " + c);
        }
        return new AxisScale(c);
    }

    /** Whether this is a symmetric-log axis. */
    public boolean symlog() {
        return linthresh > 0;
    }

    /** The position u of a data value x. */
    public double toAxis(double x) {
        return symlog() ? Math.signum(x) * Math.log10(1 + Math.abs(x) / linthresh) : x;
    }

    /** The data value x at a position u. */
    public double toData(double u) {
        return symlog() ? Math.signum(u) * linthresh * (Math.pow(10, Math.abs(u)) - 1) : u;
    }

    /** dx/du at a position u: how many data units one unit of axis holds there. */
    public double dataPerAxis(double u) {
        return symlog() ? linthresh * Math.log(10) * Math.pow(10, Math.abs(u)) : 1;
    }
}
