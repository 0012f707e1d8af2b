package app.initscope.ui;

import app.initscope.core.experiment.TensorKind;

/** Which gradient the third histogram shows. */
public enum GradientView {
    /** δ = ∂L/∂z, the error signal each unit receives (the default). */
    DELTA(TensorKind.DELTA, "δ = ∂L/∂z", "Gradient δ"),
    /** ∂L/∂W, what a gradient step would change. */
    WEIGHT(TensorKind.WEIGHT_GRADIENT, "∂L/∂W", "Weight gradient ∂L/∂W"),
    /** φ′(z), the local slope that multiplies δ on its way back. */
    LOCAL(TensorKind.LOCAL_GRADIENT, "φ′(z)", "Local gradient φ′(z)");

    private final TensorKind tensor;
    private final String symbol;
    private final String title;

    GradientView(TensorKind tensor, String symbol, String title) {
        this.tensor = tensor;
        this.symbol = symbol;
        this.title = title;
    }

    /** The tensor shown. */
    public TensorKind tensor() {
        return tensor;
    }

    /** The axis label, e.g. {@code δ = ∂L/∂z}. */
    public String symbol() {
        return symbol;
    }

    /** The chart title. */
    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
