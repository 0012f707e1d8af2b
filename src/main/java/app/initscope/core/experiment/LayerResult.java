package app.initscope.core.experiment;

import app.initscope.core.theory.LayerTheory;
import app.initscope.core.stats.Summary;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one hidden layer showed for one strategy.
 *
 * @param layer         1-based
 * @param weightStd     the population standard deviation of the initialized W_l
 * @param distinctUnits the number of pairwise different hidden-unit columns of a_l (exact comparison): 1 means
 *                      every unit computes the same function (the symmetry problem)
 * @param theory        the mean-field prediction
 * @param tensors       the statistics of all five tensors
 * @param correlation   the measured mean pairwise correlation of the samples' z_l (the cosine similarity of two
 *                      rows, averaged over every pair; see {@code RowCorrelation}), to set beside
 *                      {@link LayerTheory#correlation()}; NaN when not measured
 * @param normalized    the statistics of N(z_l), the normalized pre-activations that φ takes, with a
 *                      normalization; null without
 */
public record LayerResult(int layer, int fanIn, int fanOut, double weightStd, int distinctUnits, LayerTheory theory,
                          Map<TensorKind, Summary> tensors, double correlation, Summary normalized) {

    /** Copies the map, which must hold every tensor. */
    public LayerResult {
        if (tensors.size() != TensorKind.values().length) {
            throw new IllegalArgumentException("a layer result needs all five tensors, got " + tensors.keySet());
        }
        tensors = Map.copyOf(new EnumMap<>(tensors));
    }

    /** A layer without a normalization. */
    public LayerResult(int layer, int fanIn, int fanOut, double weightStd, int distinctUnits, LayerTheory theory,
                       Map<TensorKind, Summary> tensors, double correlation) {
        this(layer, fanIn, fanOut, weightStd, distinctUnits, theory, tensors, correlation, null);
    }

    /** A layer whose correlation was not measured. */
    public LayerResult(int layer, int fanIn, int fanOut, double weightStd, int distinctUnits, LayerTheory theory,
                       Map<TensorKind, Summary> tensors) {
        this(layer, fanIn, fanOut, weightStd, distinctUnits, theory, tensors, Double.NaN);
    }

    /** The statistics of one tensor. */
    public Summary get(TensorKind kind) {
        return tensors.get(kind);
    }

    public Summary z() {
        return get(TensorKind.Z);
    }

    public Summary activation() {
        return get(TensorKind.ACTIVATION);
    }

    public Summary localGradient() {
        return get(TensorKind.LOCAL_GRADIENT);
    }

    public Summary delta() {
        return get(TensorKind.DELTA);
    }

    public Summary weightGradient() {
        return get(TensorKind.WEIGHT_GRADIENT);
    }
}
