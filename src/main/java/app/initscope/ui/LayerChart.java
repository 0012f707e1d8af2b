package app.initscope.ui;

import app.initscope.render.FxPen;
import app.initscope.render.LayerLines;
import app.initscope.render.LayerLines.Series;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/** A {@link LayerLines} chart on screen, on a Canvas that always matches the view's size. */
final class LayerChart extends CanvasRegion {

    private String title = "";
    private String yLabel = "";
    private List<Series> series = List.of();

    LayerChart() {
        setMinSize(200, 160);
        setPrefSize(480, 260);
    }

    /** Shows new lines. */
    void setData(String title, String yLabel, List<Series> series) {
        this.title = title;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        draw();
    }

    List<Series> series() {
        return series;
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        LayerLines.paint(new FxPen(g), w, h, title, yLabel, series);
    }
}
