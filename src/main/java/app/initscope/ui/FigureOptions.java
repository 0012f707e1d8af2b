package app.initscope.ui;

import app.initscope.render.AxisMode;
import app.initscope.render.Figures;

/** The figure options of the window's current view settings: one place for the views and the export. */
final class FigureOptions {

    private FigureOptions() {
    }

    /** The model's layer, gradient, log counts, theory and locked axes, with or without a caption. */
    static Figures.Options of(MainViewModel model, boolean caption, AxisMode compareAxes) {
        return new Figures.Options(model.layerProperty().get(), model.gradientProperty().get().tensor(),
                model.logYProperty().get(), model.showTheoryProperty().get(), model.lockAxesProperty().get(),
                caption, compareAxes);
    }
}
