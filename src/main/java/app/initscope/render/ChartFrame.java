package app.initscope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One chart frame for every line chart (and the bar and cell charts drawn in the same frame): the title, the axes
 * with their ticks, grid and labels (linear, log10 or by layer; see {@link ChartAxis}), the legend on the right,
 * and guide lines whose labels are placed where no data is. The data come in as {@link Series} (polylines, with
 * dots, dashes, or open marks for values a log axis cannot show) or through a {@link Renderer} (bars, cells),
 * which draws only its data into the laid-out {@link Plot}. Two series that lie on one another over the whole run
 * (closer than a line's width at the size drawn) are both kept visible: the later is drawn dashed over the earlier,
 * and its legend entry says so ("Small ≈ Zero").
 *
 * @param style    fonts, margins and legend geometry
 * @param title    the title, or null
 * @param x        the x-axis
 * @param y        the y-axis
 * @param series   the polylines, drawn in order
 * @param guides   guide lines with labels
 * @param keys     legend entries of a line style rather than a series (e.g. "measured" solid, "c-map" dashed)
 * @param renderer data drawn in the frame besides the series (bars, cells), or null
 * @param overlap  whether series that coincide are marked as such
 */
public record ChartFrame(Style style, String title, ChartAxis x, ChartAxis y, List<Series> series,
                         List<Guide> guides, List<Key> keys, Renderer renderer, boolean overlap) {

    static final Rgba INK = Rgba.web("#333333");
    static final Rgba GRID = Rgba.web("#e6e6e6");
    static final Rgba MUTED = Rgba.web("#777777");
    /** The dashes of a series drawn over one it coincides with. */
    private static final double[] OVER = {6, 6};
    /** Two series coincide when no pair of their values is further apart than this many pixels. */
    static final double COINCIDENT = 3;

    /**
     * How a frame looks.
     *
     * @param legendWidth the legend's width, or NaN to fit its labels (at most 40 % of the chart)
     * @param inset       from the plot's right edge to a legend swatch
     * @param swatch      a swatch's length
     * @param row         a legend row's height
     * @param gap         from a mark to its text: the y-axis to a tick label, a legend swatch to its label
     * @param tickDy      from the x-axis to the top of its tick labels
     * @param labelDy     from the x-axis to the top of its label
     * @param yLabelX     the x of the rotated y label's top
     */
    public record Style(TextFont titleFont, TextFont text, double titleX, double left, double top, double bottom,
                        double legendWidth, double inset, double swatch, double row, double axisWidth, double gap,
                        double tickDy, double labelDy, Rgba labelColour, double yLabelX) {

        /** The by-layer charts of the depth view. */
        public static final Style LAYERS = new Style(TextFont.bold(15), TextFont.regular(13), 8, 80, 30, 44, 150, 14,
                24, 20, 1.5, 6, 6, 24, INK, 8);
        /** The training charts: a smaller text and a legend as wide as its labels. */
        public static final Style TRAIN = new Style(TextFont.bold(15), TextFont.regular(12), 6, 52, 28, 34, Double.NaN,
                8, 16, 17, 1.2, 5, 5, 19, MUTED, 8);

        public Style withLeft(double px) {
            return new Style(titleFont, text, titleX, px, top, bottom, legendWidth, inset, swatch, row, axisWidth,
                    gap, tickDy, labelDy, labelColour, yLabelX);
        }

        public Style withLegendWidth(double px) {
            return new Style(titleFont, text, titleX, left, top, bottom, px, inset, swatch, row, axisWidth, gap,
                    tickDy, labelDy, labelColour, yLabelX);
        }

        public Style withYLabelX(double px) {
            return new Style(titleFont, text, titleX, left, top, bottom, legendWidth, inset, swatch, row, axisWidth,
                    gap, tickDy, labelDy, labelColour, px);
        }
    }

    /**
     * One polyline.
     *
     * @param label     its legend entry, or null for none
     * @param labelInk  the legend text's colour, or null for the ink
     * @param dots      a dot at every point
     * @param offAxis   an open mark on the bottom edge where a value cannot be shown (0 on a log axis)
     */
    public record Series(String label, Rgba colour, double[] x, double[] y, double width, double[] dashes,
                         boolean dots, boolean offAxis, Rgba labelInk) {

        /** A solid line 2 px wide. */
        public static Series line(String label, Rgba colour, double[] x, double[] y) {
            return new Series(label, colour, x, y, 2, new double[0], false, false, null);
        }

        /** The values of layers 1, 2, … */
        public static Series byLayer(String label, Rgba colour, double[] values) {
            double[] layers = new double[values.length];
            for (int i = 0; i < layers.length; i++) {
                layers[i] = i + 1;
            }
            return line(label, colour, layers, values);
        }

        public Series styled(double w, double... d) {
            return new Series(label, colour, x, y, w, d.clone(), dots, offAxis, labelInk);
        }

        public Series withDots(boolean marksOffAxis) {
            return new Series(label, colour, x, y, width, dashes, true, marksOffAxis, labelInk);
        }

        public Series withLabelInk(Rgba ink) {
            return new Series(label, colour, x, y, width, dashes, dots, offAxis, ink);
        }
    }

    /**
     * A guide line across the plot with a label: vertical at an x value, or horizontal at a y value (both in data
     * units), e.g. the 10⁻³ of an update ratio or the trainable depth 6·ξ_c.
     */
    public record Guide(boolean vertical, double at, String label, Rgba colour, double width, double[] dashes,
                        TextFont font) {
    }

    /** A legend entry for a line style. */
    public record Key(String label, Rgba colour, double[] dashes) {
    }

    /** Draws data into a laid-out plot; {@link #boxes} says where (for the guide labels to keep clear of). */
    public interface Renderer {
        void draw(Pen g, Plot p);

        default List<double[]> boxes(Plot p) {
            return List.of();
        }
    }

    /** The frame laid out for a size: the plot's edges and the axes' ranges (in axis units). */
    public record Plot(double w, double h, double left, double right, double top, double bottom, ChartAxis xAxis,
                       double x0, double x1, ChartAxis yAxis, double y0, double y1) {

        /** The pixel x of a data value. */
        public double px(double v) {
            if (xAxis.kind() == ChartAxis.Kind.LAYERS && x1 <= x0) {
                return (left + right) / 2;
            }
            return left + (xAxis.toAxis(v) - x0) / (x1 - x0) * (right - left);
        }

        /** The pixel y of a value in axis units. */
        public double py(double t) {
            return bottom - (t - y0) / (y1 - y0) * (bottom - top);
        }
    }

    /** A frame with no series yet. */
    public static ChartFrame of(Style style, String title, ChartAxis x, ChartAxis y) {
        return new ChartFrame(style, title, x, y, List.of(), List.of(), List.of(), null, false);
    }

    public ChartFrame {
        series = List.copyOf(series);
        guides = List.copyOf(guides);
        keys = List.copyOf(keys);
    }

    public ChartFrame withSeries(List<Series> s) {
        return new ChartFrame(style, title, x, y, s, guides, keys, renderer, overlap);
    }

    public ChartFrame withGuides(List<Guide> g) {
        return new ChartFrame(style, title, x, y, series, g, keys, renderer, overlap);
    }

    public ChartFrame withKeys(List<Key> k) {
        return new ChartFrame(style, title, x, y, series, guides, k, renderer, overlap);
    }

    public ChartFrame withRenderer(Renderer r) {
        return new ChartFrame(style, title, x, y, series, guides, keys, r, overlap);
    }

    /** The same frame marking series that lie on one another. */
    public ChartFrame markingOverlap() {
        return new ChartFrame(style, title, x, y, series, guides, keys, renderer, true);
    }

    /** Paints the background and the title only (a chart with nothing to show). */
    public void paintTitle(Pen g, double w, double h) {
        g.setFill(Rgba.WHITE);
        g.fillRect(0, 0, w, h);
        if (title != null) {
            g.setFill(INK);
            g.setFont(style.titleFont());
            g.setTextAlign(TextAlign.LEFT);
            g.setTextBaseline(Baseline.TOP);
            g.fillText(TextFit.fit(g, title, style.titleFont(), w - 2 * style.titleX()), style.titleX(), 4);
        }
    }

    /** The legend's width for this pen's text measure. */
    private double legendWidth(Pen g, double w, List<String> labels) {
        if (!Double.isNaN(style.legendWidth())) {
            return style.legendWidth();
        }
        double lw = 0;
        for (String label : labels) {
            if (label != null) {
                // as the legend places it: the inset, the swatch, the gap, the text and 2 px to the edge
                lw = Math.max(lw, style.inset() + style.swatch() + style.gap() + g.textWidth(label, style.text()) + 2);
            }
        }
        return Math.min(lw, w * 0.4);
    }

    /** The y range (axis units) of the data. */
    private double[] yRange() {
        List<double[]> ys = new ArrayList<>();
        series.forEach(s -> ys.add(s.y()));
        return y.range(ys);
    }

    /** Lays the frame out for a size, or null when the plot would be too small to draw. */
    public Plot layout(Pen g, double w, double h) {
        double[] yr = yRange();
        return layout(g, w, h, yr, legend(coincident(yr, h)));
    }

    private Plot layout(Pen g, double w, double h, double[] yr, List<String> legend) {
        double right = w - legendWidth(g, w, legend) - 10;
        double bottom = h - style.bottom();
        if (right - style.left() < 50 || bottom - style.top() < 30) {
            return null;
        }
        double[] xr = x.range(List.of());
        return new Plot(w, h, style.left(), right, style.top(), bottom, x, xr[0], xr[1], y, yr[0], yr[1]);
    }

    /**
     * The legend's labels, one per series (null for none): a series lying on an earlier one ({@code under}, from
     * {@link #coincident}) says so, e.g. "Small ≈ Zero".
     */
    private List<String> legend(int[] under) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            String label = series.get(i).label();
            out.add(label != null && under[i] >= 0 ? label + " ≈ " + name(series.get(under[i]).label()) : label);
        }
        return out;
    }

    /** A series' name: its label without what follows it in parentheses or after a mark ("Zero (constant)"). */
    private static String name(String label) {
        return label.split(" \\(| ✕")[0];
    }

    /** Paints the chart at a size; the layout, or null when too small to draw more than the title. */
    public Plot paint(Pen g, double w, double h) {
        paintTitle(g, w, h);
        double[] yr = yRange();
        int[] under = coincident(yr, h);
        List<String> legend = legend(under);
        Plot p = layout(g, w, h, yr, legend);
        if (p == null) {
            return null;
        }
        // where the data lie, first: the guide labels keep clear of them, and tick labels clear of the labels
        List<List<double[]>> lines = new ArrayList<>();
        for (Series s : series) {
            lines.add(ChartLines.polylines(p, s));
        }
        List<double[]> segments = ChartLines.segments(lines);
        List<double[]> boxes = renderer == null ? List.of() : renderer.boxes(p);
        List<double[]> labels = new ArrayList<>();
        for (Guide guide : guides) {
            labels.add(ChartLines.place(g, p, guide, segments, boxes, style.gap()));
        }
        yTicks(g, p, labels);
        xTicks(g, p);
        if (renderer != null) {
            renderer.draw(g, p);
        }
        g.setLineDashes();
        g.setStroke(INK);
        g.setLineWidth(style.axisWidth());
        g.strokeLine(p.left(), p.bottom(), p.right(), p.bottom());
        g.strokeLine(p.left(), p.top(), p.left(), p.bottom());
        for (Guide guide : guides) {
            guideLine(g, p, guide);
        }
        for (int i = 0; i < series.size(); i++) {
            ChartLines.draw(g, p, series.get(i), lines.get(i), under[i] >= 0);
        }
        for (int i = 0; i < guides.size(); i++) {
            guideLabel(g, p, guides.get(i), labels.get(i));
        }
        legend(g, p, legend, under);
        return p;
    }

    /** The y ticks, their grid and labels (but none under a guide's label), and the rotated y label. */
    private void yTicks(Pen g, Plot p, List<double[]> keepClear) {
        g.setFont(style.text());
        g.setLineWidth(1);
        g.setLineDashes();
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(Baseline.CENTER);
        List<Double> ticks = y.ticks(p.y0(), p.y1(), p.bottom() - p.top());
        List<String> labels = y.labels(ticks);
        for (int i = 0; i < ticks.size(); i++) {
            double py = p.py(ticks.get(i));
            if (py < p.top() - 1 || py > p.bottom() + 1) {
                continue;
            }
            if (y.grid()) {
                g.setStroke(GRID);
                g.strokeLine(p.left(), py, p.right(), py);
            } else {
                g.setStroke(INK);
                g.strokeLine(p.left() - 4, py, p.left(), py);
            }
            double tw = g.textWidth(labels.get(i), style.text());
            double lh = g.measure().lineHeight(style.text());
            double[] box = {p.left() - style.gap() - tw, py - lh / 2, tw, lh};
            if (keepClear.stream().noneMatch(b -> ChartLines.hits(b, List.of(), List.of(box)) > 0)) {
                g.setFill(INK);
                g.fillText(labels.get(i), p.left() - style.gap(), py);
            }
        }
        if (y.label() != null) {
            g.save();
            g.translate(style.yLabelX(), (p.top() + p.bottom()) / 2);
            g.rotate(-90);
            g.setFill(INK);
            g.setTextAlign(TextAlign.CENTER);
            g.setTextBaseline(Baseline.TOP);
            g.fillText(fitted(g, y.label(), y.brief(), p.bottom() - p.top() + style.top()), 0, 0);
            g.restore();
        }
    }

    private void xTicks(Pen g, Plot p) {
        g.setFont(style.text());
        g.setLineWidth(1);
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.TOP);
        List<Double> ticks = x.ticks(p.x0(), p.x1(), p.right() - p.left());
        List<String> labels = x.labels(ticks);
        for (int i = 0; i < ticks.size(); i++) {
            double px = p.px(x.kind() == ChartAxis.Kind.LOG ? Math.pow(10, ticks.get(i)) : ticks.get(i));
            g.setStroke(INK);
            g.strokeLine(px, p.bottom(), px, p.bottom() + 4);
            g.setFill(INK);
            // a label at either end stays inside the chart ("1000" at the right edge used to lose its last digit)
            g.fillText(labels.get(i), inside(g, labels.get(i), px, p.w()), p.bottom() + style.tickDy());
        }
        if (x.label() != null) {
            String label = fitted(g, x.label(), x.brief(), p.w() - 4);
            g.setFill(style.labelColour());
            g.fillText(label, inside(g, label, (p.left() + p.right()) / 2, p.w()), p.bottom() + style.labelDy());
        }
    }

    /** The centre x of a centred text at x moved so that the whole text lies within [0, w]. */
    private double inside(Pen g, String text, double cx, double w) {
        double half = g.textWidth(text, style.text()) / 2;
        return Math.max(half + 1, Math.min(w - half - 1, cx));
    }

    /** The label when it fits the room, else the brief one, else the label cut with an ellipsis. */
    private String fitted(Pen g, String label, String brief, double room) {
        if (g.textWidth(label, style.text()) <= room || brief == null) {
            return TextFit.fit(g, label, style.text(), room);
        }
        return TextFit.fit(g, brief, style.text(), room);
    }

    private static void guideLine(Pen g, Plot p, Guide guide) {
        g.setStroke(guide.colour());
        g.setLineWidth(guide.width());
        g.setLineDashes(guide.dashes());
        if (guide.vertical()) {
            double gx = p.px(guide.at());
            g.strokeLine(gx, p.top(), gx, p.bottom());
        } else {
            double gy = p.py(p.yAxis().toAxis(guide.at()));
            g.strokeLine(p.left(), gy, p.right(), gy);
        }
        g.setLineDashes();
    }

    /** A guide's label in its box (placed by {@link ChartLines#place}), on a faint white box inside the plot. */
    private static void guideLabel(Pen g, Plot p, Guide guide, double[] box) {
        if (box[0] >= p.left()) {
            g.setFill(Rgba.color(1, 1, 1, 0.85));
            g.fillRect(box[0], box[1], box[2], box[3]);
        }
        g.setFill(guide.colour());
        g.setFont(guide.font());
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText(guide.label(), box[0] + 2, box[1]);
    }

    /**
     * For each series, the earlier series it lies on over its whole length (within {@link #COINCIDENT} pixels on a
     * chart {@code h} high with the y range {@code yr}), or −1 (always −1 unless the frame marks overlaps).
     */
    int[] coincident(double[] yr, double h) {
        int[] under = new int[series.size()];
        double tol = COINCIDENT * (yr[1] - yr[0]) / Math.max(1, h - style.top() - style.bottom());
        for (int j = 0; j < series.size(); j++) {
            under[j] = -1;
            if (!overlap) {
                continue;
            }
            for (int i = 0; i < j && under[j] < 0; i++) {
                if (under[i] < 0 && series.get(i).label() != null && series.get(j).label() != null
                        && ChartLines.coincide(series.get(i), series.get(j), y, tol)) {
                    under[j] = i;
                }
            }
        }
        return under;
    }

    private void legend(Pen g, Plot p, List<String> labels, int[] under) {
        double ly = p.top();
        double x0 = p.right() + style.inset();
        double textX = x0 + style.swatch() + style.gap();
        double mid = Math.round(style.row() / 2 - 1);
        g.setFont(style.text());
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.CENTER);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            if (s.label() == null) {
                continue;
            }
            swatch(g, x0, ly + mid, s.colour(), under[i] >= 0 ? OVER : s.dashes());
            g.setFill(s.labelInk() != null ? s.labelInk() : INK);
            String label = labels.get(i);
            double room = p.w() - textX - 2;
            int cut = wrapAt(label);
            if (g.textWidth(label, style.text()) > room && cut > 0) {
                // "Zero (no update)" on two lines rather than "Zero (no upda…"
                g.fillText(TextFit.fit(g, label.substring(0, cut), style.text(), room), textX, ly + mid);
                ly += g.measure().lineHeight(style.text());
                label = label.substring(cut + 1);
            }
            g.fillText(TextFit.fit(g, label, style.text(), room), textX, ly + mid);
            ly += style.row();
        }
        ly += 6;
        for (Key k : keys) {
            swatch(g, x0, ly + mid, k.colour(), k.dashes());
            g.setFill(INK);
            g.fillText(k.label(), textX, ly + mid);
            ly += style.row();
        }
    }

    /** Where a legend label may go on to a second line: before its first " (", " ✕" or " ≈ ", or −1. */
    private static int wrapAt(String label) {
        int cut = -1;
        for (String mark : new String[] {" (", " ✕", " ≈ "}) {
            int at = label.indexOf(mark);
            if (at > 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        return cut;
    }

    private void swatch(Pen g, double x0, double y, Rgba colour, double[] dashes) {
        g.setStroke(colour);
        g.setLineWidth(2.5);
        g.setLineDashes(dashes);
        g.strokeLine(x0, y, x0 + style.swatch(), y);
        g.setLineDashes();
    }
}
