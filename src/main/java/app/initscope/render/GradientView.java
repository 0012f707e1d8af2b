package app.initscope.render;

import app.initscope.core.experiment.TensorKind;

/** Which gradient the third histogram shows. */
public enum GradientView {
    /** δ = ∂L/∂z, the error signal each unit receives (the default). */
    DELTA(TensorKind.DELTA),
    /** ∂L/∂W, what a gradient step would change. */
    WEIGHT(TensorKind.WEIGHT_GRADIENT),
    /** φ′(z), the local slope that multiplies δ on its way back. */
    LOCAL(TensorKind.LOCAL_GRADIENT);

    private final TensorKind tensor;

    GradientView(TensorKind tensor) {
        this.tensor = tensor;
    }

    /** The tensor shown. */
    public TensorKind tensor() {
        return tensor;
    }

    /** The axis label, e.g. {@code δ = ∂L/∂z}. */
    public String symbol() {
        // the gradients' labels do not depend on the activation
        return Plots.axisLabel(tensor, (app.initscope.core.nn.Activation) null);
    }

    /** The chart title. */
    public String title() {
        return Plots.title(tensor);
    }

    @Override
    public String toString() {
        return symbol();
    }
}
