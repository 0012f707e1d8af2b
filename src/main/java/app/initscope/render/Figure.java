package app.initscope.render;

import java.util.List;
import java.util.function.Consumer;

/**
 * A picture ready to export: its logical size, how to paint it with any {@link Pen}, and the histograms it shows
 * (for the CSV of its bins and statistics).
 *
 * @param name   a file-name stem, e.g. {@code compare-layer1}
 * @param panels every histogram drawn, with where it came from
 */
public record Figure(String name, double width, double height, Consumer<Pen> painter, List<Panel> panels) {

    /** One histogram of a figure: the strategy, layer and tensor it shows, and what was drawn. */
    public record Panel(String strategy, int layer, String tensor, HistogramChart.Data data) {
    }

    public Figure {
        panels = List.copyOf(panels);
    }

    /** Paints the whole figure. */
    public void paint(Pen pen) {
        painter.accept(pen);
    }
}
