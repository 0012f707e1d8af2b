package app.initscope.core.experiment;

import app.initscope.core.settings.Ids;

/** The five tensors reported for every layer. */
public enum TensorKind implements Ids.Camel {
    /** z_l = a_{l−1}·W_l, the pre-activations. */
    Z("z"),
    /** a_l = φ(z_l). */
    ACTIVATION("a"),
    /** φ′(z_l), the local gradient. */
    LOCAL_GRADIENT("φ′(z)"),
    /** δ_l = ∂L/∂z_l. */
    DELTA("δ"),
    /** ∂L/∂W_l. */
    WEIGHT_GRADIENT("dW");

    private final String symbol;

    TensorKind(String symbol) {
        this.symbol = symbol;
    }

    /** A short symbol, e.g. {@code δ}. */
    public String symbol() {
        return symbol;
    }

    /** Looks a tensor up by id, case-insensitively. */
    public static TensorKind fromId(String id) {
        return Ids.lookup(TensorKind.class, id, "tensor");
    }

    @Override
    public String toString() {
        return id();
    }
}
