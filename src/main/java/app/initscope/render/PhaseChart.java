package app.initscope.render;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Initializer;
import app.initscope.core.init.Strategy;
import app.initscope.core.settings.Ids;
import app.initscope.core.theory.MeanField;
import app.initscope.core.theory.PhaseDiagram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order-to-chaos phase diagram as a heat map over σ_w² (x) × σ_b² (y): ln χ₁ on a diverging scale (white at
 * χ₁ = 1, blue ordered, red chaotic) or ξ_c on a log scale; the critical line χ₁ = 1; and a marker with a label
 * where each strategy sits ("you are here"). One painter for the window, the PNG and the SVG; {@link #valueAt}
 * turns a click back into (σ_w², σ_b²).
 */
public final class PhaseChart {

    /** What the colours show. */
    public enum Mode implements Ids.Kebab {
        /** ln χ₁, diverging around 0 (the critical line). */
        CHI1("ln χ₁"),
        /** ξ_c, the depth scale of correlations, on a log colour scale. */
        XIC("ξ_c (log scale)");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A strategy's place on the diagram: σ_w² = fan_in·Var(w), σ_b². */
    public record Marker(Strategy strategy, double sigmaW2, double sigmaB2) {
    }

    private static final TextFont TITLE = TextFont.bold(18);
    private static final TextFont SUB = TextFont.regular(14);
    private static final TextFont AXIS_LABEL = TextFont.bold(16);
    private static final TextFont TICK = TextFont.regular(14);
    private static final TextFont MARK = TextFont.bold(14);
    private static final Rgba INK = Rgba.web("#222222");
    private static final Rgba MUTED = Rgba.web("#555555");
    private static final double LEFT = 86;
    private static final double RIGHT = 130;
    private static final double TOP = 58;
    private static final double BOTTOM = 62;
    /** The ξ_c colour scale's top: deeper than this many layers is all one colour. */
    public static final double XI_CAP = 1000;
    private static final int LEVELS = 128;

    private static final Rgba[] DIVERGING = {Rgba.web("#2166ac"), Rgba.web("#67a9cf"), Rgba.web("#f7f7f7"),
            Rgba.web("#ef8a62"), Rgba.web("#b2182b")};
    private static final Rgba[] VIRIDIS = {Rgba.web("#440154"), Rgba.web("#3b528b"), Rgba.web("#21918c"),
            Rgba.web("#5ec962"), Rgba.web("#fde725")};

    private PhaseChart() {
    }

    /** The plot area {x, y, w, h} of a chart painted at w × h. */
    public static double[] plotArea(double w, double h) {
        return new double[] {LEFT, TOP, Math.max(10, w - LEFT - RIGHT), Math.max(10, h - TOP - BOTTOM)};
    }

    /** The (σ_w², σ_b²) at a point of a chart painted at w × h, or null outside the plot area. */
    public static double[] valueAt(double w, double h, double x, double y) {
        double[] a = plotArea(w, h);
        double u = (x - a[0]) / a[2];
        double v = (a[1] + a[3] - y) / a[3];
        if (u < 0 || u > 1 || v < 0 || v > 1) {
            return null;
        }
        return new double[] {MeanField.GRID_W2_LO + u * (MeanField.GRID_W2_HI - MeanField.GRID_W2_LO),
                MeanField.GRID_B2_LO + v * (MeanField.GRID_B2_HI - MeanField.GRID_B2_LO)};
    }

    /** Where (σ_w², σ_b²) is drawn, {x, y}, on a chart painted at w × h (outside the area when off the map). */
    public static double[] pointOf(double w, double h, double sigmaW2, double sigmaB2) {
        double[] a = plotArea(w, h);
        return new double[] {
                a[0] + (sigmaW2 - MeanField.GRID_W2_LO) / (MeanField.GRID_W2_HI - MeanField.GRID_W2_LO) * a[2],
                a[1] + a[3] - (sigmaB2 - MeanField.GRID_B2_LO) / (MeanField.GRID_B2_HI - MeanField.GRID_B2_LO) * a[3]};
    }

    /** The largest |ln χ₁| of the diagram: the diverging scale runs from minus it to it. */
    public static double chiRange(PhaseDiagram d) {
        double m = 0;
        for (double c : d.chi1()) {
            double v = Math.abs(Math.log(c));
            if (Double.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m > 0 ? m : 1;
    }

    /** The ξ_c colour scale, {log10 lo, log10 hi}. */
    static double[] xiRange(PhaseDiagram d) {
        double lo = Double.POSITIVE_INFINITY;
        for (double x : d.xiC()) {
            if (x > 0 && Double.isFinite(x)) {
                lo = Math.min(lo, x);
            }
        }
        double l = Double.isFinite(lo) ? Math.floor(Math.log10(lo)) : -1;
        return new double[] {Math.min(l, 1), Math.log10(XI_CAP)};
    }

    /** The colour of a point, on a 0..1 position of the mode's scale. */
    static double position(double chi1, double xiC, Mode mode, double chiRange, double[] xi) {
        if (mode == Mode.CHI1) {
            double v = Math.log(chi1);
            if (Double.isNaN(v)) {
                return 0.5;
            }
            return Math.min(1, Math.max(0, 0.5 + 0.5 * v / chiRange));
        }
        double x = xiC;
        if (Double.isNaN(x)) {
            return 0;
        }
        double l = x == Double.POSITIVE_INFINITY ? xi[1] : Math.log10(Math.max(x, 1e-300));
        return Math.min(1, Math.max(0, (l - xi[0]) / (xi[1] - xi[0])));
    }

    /** The colour at a 0..1 position of a mode's scale. */
    public static Rgba colour(Mode mode, double t) {
        Rgba[] stops = mode == Mode.CHI1 ? DIVERGING : VIRIDIS;
        double s = Math.min(1, Math.max(0, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(s));
        double f = s - i;
        Rgba a = stops[i];
        Rgba b = stops[i + 1];
        return new Rgba(a.red() + f * (b.red() - a.red()), a.green() + f * (b.green() - a.green()),
                a.blue() + f * (b.blue() - a.blue()), 1);
    }

    /**
     * Paints the diagram at w × h.
     *
     * @param title   the title's end, e.g. the activation's name
     * @param markers the strategies to mark, in order
     */
    public static void paint(Pen g, double w, double h, PhaseDiagram d, Mode mode, String title,
                             List<Marker> markers) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        double[] a = plotArea(w, h);
        double x0 = a[0];
        double y0 = a[1];
        double pw = a[2];
        double ph = a[3];
        g.setFill(INK);
        g.setFont(TITLE);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText("Order to chaos: " + mode.label() + " · " + title, 12, 6);
        g.setFont(SUB);
        g.setFill(MUTED);
        g.fillText(mode == Mode.CHI1
                ? "blue: ordered (χ₁ < 1, signals fade) · white line: χ₁ = 1 · red: chaotic (χ₁ > 1, gradients explode)"
                : "ξ_c: the depth over which two inputs' correlation settles; ~6·ξ_c layers train · black line: χ₁ = 1", 12, 32);
        if (d == null) {
            g.setFill(MUTED);
            g.setTextAlign(TextAlign.CENTER);
            g.setTextBaseline(Baseline.CENTER);
            g.fillText("computing the phase diagram…", x0 + pw / 2, y0 + ph / 2);
            return;
        }
        int n = d.size();
        double chiRange = chiRange(d);
        double[] xi = xiRange(d);
        double cw = pw / n;
        double ch = ph / n;
        // cells: each row of σ_b² in runs of one quantized colour, so that an SVG stays small
        for (int j = 0; j < n; j++) {
            double y = y0 + ph - (j + 1) * ch;
            int start = 0;
            int level = level(d, 0, j, mode, chiRange, xi);
            for (int i = 1; i <= n; i++) {
                int next = i < n ? level(d, i, j, mode, chiRange, xi) : -1;
                if (next != level) {
                    g.setFill(colour(mode, level / (double) (LEVELS - 1)));
                    g.fillRect(x0 + start * cw, y, (i - start) * cw + 0.6, ch + 0.6);
                    start = i;
                    level = next;
                }
            }
        }
        axes(g, x0, y0, pw, ph);
        criticalLine(g, d, w, h, mode);
        legend(g, mode, chiRange, xi, x0 + pw + 24, y0, ph);
        markers(g, w, h, markers);
    }

    private static int level(PhaseDiagram d, int i, int j, Mode mode, double chiRange, double[] xi) {
        return (int) Math.round(position(d.chi1(i, j), d.xiC(i, j), mode, chiRange, xi) * (LEVELS - 1));
    }

    private static void axes(Pen g, double x0, double y0, double pw, double ph) {
        g.setStroke(INK);
        g.setLineWidth(1.5);
        g.strokeLine(x0, y0 + ph, x0 + pw, y0 + ph);
        g.strokeLine(x0, y0, x0, y0 + ph);
        g.setFont(TICK);
        g.setFill(INK);
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.TOP);
        for (double v = 0.5; v <= 5.0001; v += 0.5) {
            double x = x0 + (v - MeanField.GRID_W2_LO) / (MeanField.GRID_W2_HI - MeanField.GRID_W2_LO) * pw;
            g.strokeLine(x, y0 + ph, x, y0 + ph + 5);
            g.fillText(Ticks.label(v), x, y0 + ph + 7);
        }
        g.setFont(AXIS_LABEL);
        g.fillText("σ_w² = fan_in · Var(w)", x0 + pw / 2, y0 + ph + 32);
        g.setFont(TICK);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(Baseline.CENTER);
        for (double v = 0; v <= 0.5001; v += 0.1) {
            double y = y0 + ph - (v - MeanField.GRID_B2_LO) / (MeanField.GRID_B2_HI - MeanField.GRID_B2_LO) * ph;
            g.strokeLine(x0 - 5, y, x0, y);
            g.fillText(Ticks.label(Math.round(v * 10) / 10.0), x0 - 8, y);
        }
        g.save();
        g.translate(18, y0 + ph / 2);
        g.rotate(-90);
        g.setFont(AXIS_LABEL);
        g.setTextAlign(TextAlign.CENTER);
        g.fillText("σ_b² = Var(b)", 0, 0);
        g.restore();
    }

    private static void criticalLine(Pen g, PhaseDiagram d, double w, double h, Mode mode) {
        List<double[]> pts = new ArrayList<>();
        double[] line = d.criticalLine();
        double[] b2 = d.lineSigmaB2();
        for (int k = 0; k < line.length; k++) {
            double c = line[k];
            if (Double.isFinite(c) && c <= MeanField.GRID_W2_HI && c >= MeanField.GRID_W2_LO) {
                pts.add(pointOf(w, h, c, b2[k]));
            }
        }
        if (pts.size() < 2) {
            return;
        }
        Rgba[] strokes = mode == Mode.CHI1 ? new Rgba[] {Rgba.color(0, 0, 0, 0.75), Rgba.WHITE}
                : new Rgba[] {Rgba.WHITE, Rgba.BLACK};
        double[] widths = {5.5, 2.5};
        for (int k = 0; k < 2; k++) {
            g.setStroke(strokes[k]);
            g.setLineWidth(widths[k]);
            g.beginPath();
            g.moveTo(pts.getFirst()[0], pts.getFirst()[1]);
            for (double[] p : pts.subList(1, pts.size())) {
                g.lineTo(p[0], p[1]);
            }
            g.stroke();
        }
        double[] top = pts.getLast();
        g.setFont(MARK);
        String label = "χ₁ = 1";
        double tw = g.textWidth(label, MARK);
        g.setFill(Rgba.color(1, 1, 1, 0.85));
        g.fillRect(top[0] + 6, top[1] + 2, tw + 8, 20);
        g.setFill(INK);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText(label, top[0] + 10, top[1] + 4);
    }

    private static void legend(Pen g, Mode mode, double chiRange, double[] xi, double x, double y0, double ph) {
        double bw = 22;
        int steps = 100;
        for (int k = 0; k < steps; k++) {
            double t = (k + 0.5) / steps;
            g.setFill(colour(mode, t));
            g.fillRect(x, y0 + ph - (k + 1) * ph / steps, bw, ph / steps + 0.6);
        }
        g.setStroke(INK);
        g.setLineWidth(1);
        g.setFont(TICK);
        g.setFill(INK);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.CENTER);
        if (mode == Mode.CHI1) {
            for (double v : Ticks.of(-chiRange, chiRange, 6)) {
                double y = y0 + ph - (0.5 + 0.5 * v / chiRange) * ph;
                g.strokeLine(x + bw, y, x + bw + 5, y);
                g.fillText(Ticks.label(v), x + bw + 8, y);
            }
            g.setTextBaseline(Baseline.BOTTOM);
            g.fillText("chaotic", x - 4, y0 - 4);
            g.setTextBaseline(Baseline.TOP);
            g.fillText("ordered", x - 4, y0 + ph + 4);
        } else {
            for (int e = (int) Math.ceil(xi[0]); e <= xi[1]; e++) {
                double y = y0 + ph - (e - xi[0]) / (xi[1] - xi[0]) * ph;
                g.strokeLine(x + bw, y, x + bw + 5, y);
                g.fillText(e == xi[1] ? "≥ " + Ticks.label(Math.pow(10, e)) : Ticks.label(Math.pow(10, e)),
                        x + bw + 8, y);
            }
            g.setTextBaseline(Baseline.BOTTOM);
            g.fillText("layers", x - 4, y0 - 12);
        }
    }

    /** Strategies at the same place share one marker and one label; off-map ones point out from the edge. */
    private static void markers(Pen g, double w, double h, List<Marker> markers) {
        double[] a = plotArea(w, h);
        Map<String, List<Marker>> groups = new LinkedHashMap<>();
        Map<String, double[]> where = new LinkedHashMap<>();
        for (Marker m : markers) {
            double[] p = pointOf(w, h, m.sigmaW2(), m.sigmaB2());
            double cx = Math.min(a[0] + a[2], Math.max(a[0], p[0]));
            double cy = Math.min(a[1] + a[3], Math.max(a[1], p[1]));
            String key = Math.round(cx / 6) + ":" + Math.round(cy / 6) + ":" + (cx != p[0]);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            where.putIfAbsent(key, new double[] {cx, cy, p[0] < a[0] ? -1 : p[0] > a[0] + a[2] ? 1 : 0});
        }
        List<double[]> taken = new ArrayList<>();
        g.setFont(MARK);
        double r = 8;
        for (Map.Entry<String, List<Marker>> e : groups.entrySet()) {
            double[] p = where.get(e.getKey());
            List<Marker> ms = e.getValue();
            int side = (int) p[2];
            if (side == 0) {
                g.setFill(Rgba.WHITE);
                g.fillOval(p[0] - r - 2, p[1] - r - 2, 2 * r + 4, 2 * r + 4);
                g.setFill(Palette.of(ms.getFirst().strategy()));
                g.fillOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
                g.setStroke(Rgba.BLACK);
                g.setLineWidth(1.5);
                g.strokeOval(p[0] - r - 2, p[1] - r - 2, 2 * r + 4, 2 * r + 4);
                taken.add(new double[] {p[0] - r - 2, p[1] - r - 2, 2 * r + 4, 2 * r + 4});
            } else {
                double tip = p[0] + side * 2;
                g.setStroke(Rgba.BLACK);
                g.setLineWidth(3);
                g.strokeLine(tip - side * 16, p[1], tip, p[1]);
                g.strokeLine(tip, p[1], tip - side * 8, p[1] - 7);
                g.strokeLine(tip, p[1], tip - side * 8, p[1] + 7);
                taken.add(new double[] {Math.min(tip, tip - side * 16), p[1] - 7, 16, 14});
            }
        }
        for (Map.Entry<String, List<Marker>> e : groups.entrySet()) {
            double[] p = where.get(e.getKey());
            List<Marker> ms = e.getValue();
            int side = (int) p[2];
            StringBuilder label = new StringBuilder();
            for (Marker m : ms) {
                label.append(label.isEmpty() ? "" : ", ").append(m.strategy().label());
            }
            if (side != 0) {
                boolean same = ms.stream().allMatch(m -> m.sigmaW2() == ms.getFirst().sigmaW2());
                label.append(same ? String.format(Locale.ROOT, " (σ_w² = %s)", Ticks.label(ms.getFirst().sigmaW2()))
                        : side < 0 ? " (σ_w² < 0.5)" : " (σ_w² > 5)");
            }
            String text = label.toString();
            double tw = g.textWidth(text, MARK);
            double lx = side > 0 || p[0] + 14 + tw + 8 > a[0] + a[2] ? p[0] - 14 - tw - 8 : p[0] + 14;
            // the first free place of: beside the marker, then rows above it, then rows below it
            double top = a[1] + 2;
            double bottom = a[1] + a[3] - 24;
            double base = Math.max(top, Math.min(p[1] - 11, bottom));
            double ly = base;
            for (int k = 1; k < 24 && overlaps(taken, lx, ly, tw + 8, 22); k++) {
                double up = base - 24 * ((k + 1) / 2);
                double down = base + 24 * ((k + 1) / 2);
                ly = k % 2 == 1 ? (up >= top ? up : Math.min(down, bottom)) : (down <= bottom ? down : Math.max(up, top));
            }
            taken.add(new double[] {lx, ly, tw + 8, 22});
            g.setFill(Rgba.color(1, 1, 1, 0.88));
            g.fillRect(lx, ly, tw + 8, 22);
            g.setFill(Palette.of(ms.getFirst().strategy()));
            g.fillRect(lx, ly, 4, 22);
            g.setFill(INK);
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(Baseline.CENTER);
            g.fillText(text, lx + 6, ly + 11);
        }
    }

    /**
     * Where the strategies sit for a config: σ_w² = fan_in·Var(w) by each one's rule at the config's fan_in (and
     * width as fan_out), σ_b² = sigmaB². Strategies the mean-field theory does not describe (a non-zero mean, or a
     * rescaling measured on data, LSUV) get no marker.
     */
    public static List<Marker> markers(ExperimentConfig c, List<Strategy> strategies) {
        List<Marker> out = new ArrayList<>();
        double b2 = Catalog.sigmaB2(c);
        for (Strategy s : strategies) {
            Initializer init = s.initializer(c.initOptions());
            if (init.mean() != 0.0 || s.dataDependent()) {
                continue;
            }
            out.add(new Marker(s, c.fanIn() * init.secondMoment(c.fanIn(), c.width()), b2));
        }
        return out;
    }

    /**
     * The phase page's figure: the diagram (or "computing…" while it is null) with the strategies' markers, and
     * with a caption naming the network.
     */
    public static Figure figure(PhaseDiagram d, Mode mode, ExperimentConfig c, List<Strategy> strategies,
                                boolean caption) {
        List<Marker> ms = markers(c, strategies);
        String title = c.activation().label() + (c.activation() == app.initscope.core.nn.Activation.LEAKY_RELU
                ? " (slope " + Ticks.label(c.leakySlope()) + ")" : "");
        String cap = caption ? String.format(Locale.ROOT, "phase diagram · %s · fan_in %d · width %d · σ_b %s",
                c.activation().label(), c.fanIn(), c.width(), Ticks.label(c.get(Catalog.SIGMA_B))) : null;
        double capH = cap == null ? 0 : 30;
        return new Figure("phase-" + c.activation().id() + "-" + mode.id(), 1100, 720 + capH, (pen, w, h) -> {
            paint(pen, w, h - capH, d, mode, title, ms);
            if (cap != null) {
                pen.setFill(INK);
                pen.setFont(TextFont.regular(14));
                pen.setTextAlign(TextAlign.CENTER);
                pen.setTextBaseline(Baseline.CENTER);
                pen.fillText(cap, w / 2, h - capH / 2);
            }
        }, List.of());
    }

    private static boolean overlaps(List<double[]> taken, double x, double y, double w, double h) {
        for (double[] t : taken) {
            if (x < t[0] + t[2] && t[0] < x + w && y < t[1] + t[3] && t[1] < y + h) {
                return true;
            }
        }
        return false;
    }
}
