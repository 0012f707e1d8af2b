package app.initscope.ui;

import app.initscope.render.AxisMode;
import app.initscope.render.Figures;

/** The figure options of the window's current view settings: one place for the views and the export. */
final class FigureOptions {

    private FigureOptions() {
    }

    /** The model's layer, gradient, log counts, theory and locked axes, with or without a caption. */
    static Figures.Options of(MainViewModel model, boolean caption, AxisMode compareAxes) {
        ViewOptions v = model.view();
        return new Figures.Options(v.layerProperty().get(), v.gradientProperty().get().tensor(),
                v.logYProperty().get(), v.showTheoryProperty().get(), v.lockAxesProperty().get(),
                caption, compareAxes);
    }
}
