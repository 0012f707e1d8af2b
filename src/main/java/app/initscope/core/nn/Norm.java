package app.initscope.core.nn;

import app.initscope.core.settings.Ids;

/**
 * The normalization N applied to z before φ, so that a = φ(N(z)):
 * <ul>
 *   <li>{@link #NONE}: N(z) = z, the plain network;</li>
 *   <li>{@link #BATCH}: BatchNorm (Ioffe and Szegedy, 2015), each unit over the samples of the batch;</li>
 *   <li>{@link #LAYER}: LayerNorm (Ba, Kiros and Hinton, 2016), each sample over the units of its layer.</li>
 * </ul>
 * Both use the biased variance and ε = 10⁻⁵, and a learned gain γ (1 at the start) and shift β (0), as PyTorch's
 * {@code BatchNorm1d} and {@code LayerNorm} do; see {@link Normalization}.
 */
public enum Norm implements Ids.Kebab {
    NONE,
    BATCH,
    LAYER;

    /** ε, added to the variance under the square root. */
    public static final double EPSILON = 1e-5;

    /** The normalized variance of z with variance q: q/(q + ε), 1 up to ε; q itself for {@link #NONE}. */
    public double normalizedVariance(double q) {
        return this == NONE ? q : q / (q + EPSILON);
    }

    /** Looks a normalization up by id: none, batch or layer. */
    public static Norm fromId(String id) {
        return Ids.lookup(Norm.class, id, "normalization");
    }

    public static String validIds() {
        return Ids.valid(Norm.class);
    }
}
