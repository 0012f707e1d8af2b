package app.initscope.render;

import java.util.List;

/**
 * A picture laid out once for every pen: its preferred logical size (the export's), how to paint it at any size
 * with any {@link Pen} (the window paints it at its canvas's size), the histograms it shows (for the CSV of
 * their bins and statistics), and what sits where (for clicks on the screen).
 *
 * @param name    a file-name stem, e.g. {@code compare-layer1}
 * @param width   the preferred (export) width
 * @param height  the preferred (export) height
 * @param panels  every histogram drawn, with where it came from
 * @param lines   every line of a by-layer chart drawn (std(a) first, then std of the gradient), or none
 * @param locator the strategy drawn at a point, for a window's clicks
 * @param table   the figure's own CSV text (a chart of series rather than histograms), or null for the CSV of
 *                its panels' bins and statistics; made only when exported
 */
public record Figure(String name, double width, double height, Painter painter, List<Panel> panels,
                     List<LayerLines.Series> lines, Locator locator, java.util.function.Supplier<String> table) {

    /** Paints a figure laid out for a size. */
    @FunctionalInterface
    public interface Painter {
        void paint(Pen pen, double width, double height);
    }

    /** The strategy (its id) whose row or label is at (x, y) of a figure painted at width × height, or null. */
    @FunctionalInterface
    public interface Locator {
        String strategyAt(double width, double height, double x, double y);
    }

    /** One histogram of a figure: the strategy, layer and tensor it shows, and what was drawn. */
    public record Panel(String strategy, int layer, String tensor, HistogramChart.Data data) {
    }

    public Figure {
        panels = List.copyOf(panels);
        lines = List.copyOf(lines);
    }

    /** A figure whose CSV is its panels'. */
    public Figure(String name, double width, double height, Painter painter, List<Panel> panels,
                  List<LayerLines.Series> lines, Locator locator) {
        this(name, width, height, painter, panels, lines, locator, null);
    }

    /** The same figure with its own CSV text. */
    public Figure withTable(java.util.function.Supplier<String> csv) {
        return new Figure(name, width, height, painter, panels, lines, locator, csv);
    }

    /** A figure of histograms with nothing to click. */
    public Figure(String name, double width, double height, Painter painter, List<Panel> panels) {
        this(name, width, height, painter, panels, List.of(), (w, h, x, y) -> null);
    }

    /** Paints the whole figure at its preferred size. */
    public void paint(Pen pen) {
        painter.paint(pen, width, height);
    }

    /** Paints the whole figure laid out for another size (the window's). */
    public void paint(Pen pen, double w, double h) {
        painter.paint(pen, w, h);
    }

    /** The panels of one tensor, in drawing order. */
    public List<Panel> panels(String tensor) {
        return panels.stream().filter(p -> p.tensor().equals(tensor)).toList();
    }
}
