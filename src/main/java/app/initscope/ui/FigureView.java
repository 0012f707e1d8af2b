package app.initscope.ui;

import app.initscope.fx.FxPen;
import app.initscope.render.Figure;
import java.util.function.Consumer;
import javafx.scene.canvas.GraphicsContext;

/**
 * A whole {@link Figure} on screen: the same figure the export writes, laid out for this canvas's size and painted
 * with the JavaFX pen. A click on a strategy's row reports that strategy.
 */
final class FigureView extends CanvasRegion {

    private Figure figure;
    /** The titles of the charts kept in view, and where they were when last scrolled to. */
    private java.util.List<String> wanted = java.util.List.of();
    private javafx.geometry.Bounds revealed;

    FigureView() {
        getStyleClass().add("figure-view");
    }

    /** Shows a figure (null: an empty canvas). */
    void setFigure(Figure figure) {
        this.figure = figure;
        draw();
        revealWanted();
    }

    /**
     * Scrolls the scroll pane around this view so that the charts with these titles show (their union, from its top
     * when it is taller than the view), now and whenever a new figure or a new size moves them; none: stop.
     */
    void reveal(java.util.List<String> titles) {
        wanted = java.util.List.copyOf(titles);
        revealed = null;
        revealWanted();
    }

    /** Where the chart with this title (or start of a title) is drawn, in this view's coordinates, or null. */
    javafx.geometry.Bounds chart(String title) {
        double k = zoomProperty().get();
        javafx.geometry.Bounds b = ChartPlaces.find(figure, getWidth() / k, getHeight() / k, title);
        return b == null ? null : new javafx.geometry.BoundingBox(b.getMinX() * k, b.getMinY() * k,
                b.getWidth() * k, b.getHeight() * k);
    }

    private void revealWanted() {
        double top = Double.POSITIVE_INFINITY;
        double bottom = Double.NEGATIVE_INFINITY;
        for (String title : wanted) {
            javafx.geometry.Bounds b = chart(title);
            if (b != null) {
                top = Math.min(top, b.getMinY());
                bottom = Math.max(bottom, b.getMaxY());
            }
        }
        if (!(top < bottom)) {
            return;
        }
        javafx.geometry.Bounds union = new javafx.geometry.BoundingBox(0, top, getWidth(), bottom - top);
        if (!union.equals(revealed) && Fx.reveal(this, union)) {
            revealed = union;                    // scrolled once for this place: the user may scroll on from there
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        revealWanted();
    }

    /** The figure shown, or null. */
    Figure figure() {
        return figure;
    }

    /** Calls {@code onStrategy} with the id of the strategy whose row is clicked. */
    void setOnStrategyClicked(Consumer<String> onStrategy) {
        setOnMouseClicked(e -> {
            if (figure == null) {
                return;
            }
            double k = zoomProperty().get();
            String id = figure.locator().strategyAt(getWidth() / k, getHeight() / k, e.getX() / k, e.getY() / k);
            if (id != null) {
                onStrategy.accept(id);
            }
        });
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        if (figure != null) {
            figure.paint(new FxPen(g), w, h);
        }
    }
}
