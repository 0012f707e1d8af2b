package app.initscope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The series of a {@link ChartFrame} in pixels: decimated polylines, how they are stroked, and the geometry the
 * frame uses to keep its guide labels off them (where a label could go, and what a box crosses).
 */
final class ChartLines {

    private ChartLines() {
    }

    /**
     * The runs of a series in pixels, each {x0, y0, x1, y1, …}: at most one point per pixel column (the mean of
     * the points it covers, in axis units), clamped to the plot; a value the axis cannot show ends a run.
     */
    static List<double[]> polylines(ChartFrame.Plot p, ChartFrame.Series s) {
        double[] t = new double[s.y().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = p.yAxis().toAxis(s.y()[i]);
        }
        double[][] pts = decimate(s.x(), t, false, (int) Math.max(2, p.right() - p.left()));
        List<double[]> runs = new ArrayList<>();
        List<Double> run = new ArrayList<>();
        for (int i = 0; i <= pts[0].length; i++) {
            boolean end = i == pts[0].length || !Double.isFinite(pts[1][i]);
            if (end) {
                if (!run.isEmpty()) {
                    runs.add(run.stream().mapToDouble(Double::doubleValue).toArray());
                    run.clear();
                }
                continue;
            }
            run.add(p.px(pts[0][i]));
            run.add(Math.max(p.top(), Math.min(p.bottom(), p.py(pts[1][i]))));
        }
        return runs;
    }

    /** Strokes a series' runs (dashed when it lies over another), with its dots and its off-axis marks. */
    static void draw(Pen g, ChartFrame.Plot p, ChartFrame.Series s, List<double[]> runs, boolean over) {
        g.setStroke(s.colour());
        g.setFill(s.colour());
        g.setLineWidth(s.width());
        g.setLineDashes(over ? new double[] {6, 6} : s.dashes());
        g.beginPath();
        for (double[] r : runs) {
            g.moveTo(r[0], r[1]);
            for (int i = 2; i < r.length; i += 2) {
                g.lineTo(r[i], r[i + 1]);
            }
        }
        g.stroke();
        g.setLineDashes();
        for (double[] r : runs) {
            if (s.dots() || r.length == 2) {
                double d = s.dots() ? 7 : 6;
                for (int i = 0; i < r.length; i += 2) {
                    g.fillOval(r[i] - d / 2, r[i + 1] - d / 2, d, d);
                }
            }
        }
        if (s.offAxis()) {
            g.setLineWidth(2);
            for (int i = 0; i < s.y().length; i++) {
                if (!Double.isFinite(p.yAxis().toAxis(s.y()[i]))) {
                    g.strokeOval(p.px(s.x()[i]) - 4, p.bottom() - 4, 8, 8);
                }
            }
        }
    }

    /** Every segment of every run, {x1, y1, x2, y2}; a lone point is a segment of length 0. */
    static List<double[]> segments(List<List<double[]>> lines) {
        List<double[]> out = new ArrayList<>();
        for (List<double[]> runs : lines) {
            for (double[] r : runs) {
                if (r.length == 2) {
                    out.add(new double[] {r[0], r[1], r[0], r[1]});
                }
                for (int i = 2; i < r.length; i += 2) {
                    out.add(new double[] {r[i - 2], r[i - 1], r[i], r[i + 1]});
                }
            }
        }
        return out;
    }

    /**
     * Where a guide's label box (bw × lh) may go, in order of preference: for a horizontal guide above and below
     * the line, from its right end leftwards by half a box; for a vertical one right and left of the line, from the
     * top downwards by half a line. Each box is {x, y, w, h}, inside the plot.
     */
    static List<double[]> candidates(ChartFrame.Plot p, ChartFrame.Guide guide, double bw, double lh) {
        List<double[]> out = new ArrayList<>();
        if (guide.vertical()) {
            double gx = p.px(guide.at());
            for (double y = p.top(); y <= p.bottom() - lh; y += lh / 2) {
                out.add(box(p, gx + 4, y, bw, lh));
                out.add(box(p, gx - 4 - bw, y, bw, lh));
            }
        } else {
            double gy = p.py(p.yAxis().toAxis(guide.at()));
            for (double x = p.right() - 1 - bw; x >= p.left() + 4; x -= bw / 2) {
                out.add(box(p, x, gy - 2 - lh, bw, lh));
                out.add(box(p, x, gy + 2, bw, lh));
            }
        }
        if (out.isEmpty()) {                                   // a plot narrower or lower than the label
            out.add(box(p, p.right() - 1 - bw, p.top(), bw, lh));
        }
        return out;
    }

    /**
     * Where a guide's label goes: the first place beside the line whose box crosses no segment and no box of the
     * data; failing that, for a horizontal guide, in the margin left of the y-axis at the line's height (where the
     * tick labels give way to it), or else the place crossing the fewest.
     */
    static double[] place(Pen g, ChartFrame.Plot p, ChartFrame.Guide guide, List<double[]> segments,
                          List<double[]> boxes, double gap) {
        double bw = g.textWidth(guide.label(), guide.font()) + 4;
        double lh = g.measure().lineHeight(guide.font());
        double[] best = null;
        int fewest = Integer.MAX_VALUE;
        for (double[] box : candidates(p, guide, bw, lh)) {
            int hits = hits(box, segments, boxes);
            if (hits == 0) {
                return box;
            }
            if (hits < fewest) {
                fewest = hits;
                best = box;
            }
        }
        double marginX = p.left() - gap - bw + 2;
        if (!guide.vertical() && marginX >= 0) {
            return new double[] {marginX, p.py(p.yAxis().toAxis(guide.at())) - lh / 2, bw, lh};
        }
        return best;
    }

    private static double[] box(ChartFrame.Plot p, double x, double y, double w, double h) {
        double bx = Math.max(p.left() + 1, Math.min(p.w() - w, x));
        double by = Math.max(p.top(), Math.min(p.bottom() - h, y));
        return new double[] {bx, by, w, h};
    }

    /** How many segments {x1, y1, x2, y2} and boxes {x, y, w, h} cross a box {x, y, w, h}. */
    static int hits(double[] box, List<double[]> segments, List<double[]> boxes) {
        int n = 0;
        for (double[] s : segments) {
            if (crosses(box, s[0], s[1], s[2], s[3])) {
                n++;
            }
        }
        for (double[] b : boxes) {
            if (b[0] < box[0] + box[2] && box[0] < b[0] + b[2] && b[1] < box[1] + box[3] && box[1] < b[1] + b[3]) {
                n++;
            }
        }
        return n;
    }

    /** Whether the segment from (x1, y1) to (x2, y2) has a point inside the box (Liang–Barsky clipping). */
    static boolean crosses(double[] box, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - box[0], box[0] + box[2] - x1, y1 - box[1], box[1] + box[3] - y1};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        return t0 <= t1;
    }

    /**
     * Whether two series lie on one another over their whole length: the same x, and values (in axis units) no
     * further apart than {@code tol}, or missing at the same points.
     */
    static boolean coincide(ChartFrame.Series a, ChartFrame.Series b, ChartAxis axis, double tol) {
        int n = a.x().length;
        if (n == 0 || n != b.x().length || n != a.y().length || n != b.y().length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a.x()[i] != b.x()[i]) {
                return false;
            }
            double ta = axis.toAxis(a.y()[i]);
            double tb = axis.toAxis(b.y()[i]);
            boolean fa = Double.isFinite(ta);
            if (fa != Double.isFinite(tb) || fa && Math.abs(ta - tb) > tol) {
                return false;
            }
        }
        return true;
    }

    /**
     * The points to draw: at most {@code columns} of them, each the mean of the consecutive points it covers
     * (in log10 for a log axis); a NaN or infinite value breaks the line.
     */
    static double[][] decimate(double[] x, double[] y, boolean log, int columns) {
        int n = x.length;
        int per = Math.max(1, (int) Math.ceil((double) n / columns));
        int m = (n + per - 1) / per;
        double[][] out = new double[2][m];
        for (int k = 0; k < m; k++) {
            double sx = 0;
            double sy = 0;
            int count = 0;
            boolean broken = false;
            for (int i = k * per; i < Math.min(n, (k + 1) * per); i++) {
                double v = log ? (y[i] > 0 ? Math.log10(y[i]) : Double.NaN) : y[i];
                sx += x[i];
                if (Double.isFinite(v)) {
                    sy += v;
                } else {
                    broken = true;
                }
                count++;
            }
            out[0][k] = sx / count;
            out[1][k] = broken ? Double.NaN : sy / count;
        }
        return out;
    }
}
