package app.initscope.ui;

import app.initscope.fx.FxPen;
import app.initscope.render.HistogramChart;
import app.initscope.render.HistogramChart.Data;
import javafx.scene.canvas.GraphicsContext;

/** A histogram on screen: {@link HistogramChart} painted on a Canvas that always matches the view's size. */
public final class HistogramView extends CanvasRegion {

    private Data data;
    private boolean compact;

    public HistogramView() {
        getStyleClass().add("histogram-view");
        setMinSize(240, 200);
        setPrefSize(420, 320);
    }

    /**
     * A small multiple: one line of statistics, no y labels and smaller type, for grids of many histograms.
     */
    public void setCompact(boolean compact) {
        this.compact = compact;
        if (compact) {
            setMinSize(90, 70);
            setPrefSize(180, 120);
        }
        draw();
    }

    /** Shows new data (null clears). */
    public void setData(Data data) {
        if (data != null && data.equals(this.data)) {
            return;                      // the same picture: a partial result that added other strategies
        }
        this.data = data;
        draw();
    }

    /** The data shown. */
    public Data getData() {
        return data;
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        HistogramChart.paint(new FxPen(g), w, h, data, compact);
    }

}
