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

    FigureView() {
        getStyleClass().add("figure-view");
    }

    /** Shows a figure (null: an empty canvas). */
    void setFigure(Figure figure) {
        this.figure = figure;
        draw();
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
