package app.initscope.core.train;

/**
 * One hidden layer at one step, measured on the step's batch before the update.
 *
 * @param weightStd         std(W_l) before the update
 * @param gradToData        std(∂L/∂W_l)/std(W_l); NaN or infinite when std(W_l) is 0
 * @param updateToData      log10(std(ΔW_l)/std(W_l)) of this step's update; −∞ when nothing moved, NaN or
 *                          infinite when std(W_l) is 0
 * @param activationStd     std(a_l) over the batch
 * @param saturatedFraction the fraction of a_l in the activation's flat tails (|tanh| &gt; 0.97, sigmoid outside
 *                          [0.03, 0.97]); NaN for an activation without saturation
 * @param zeroFraction      the fraction of a_l exactly 0
 * @param distinctUnits     how many of the layer's units compute different things on the batch
 */
public record LayerStep(int layer, double weightStd, double gradToData, double updateToData, double activationStd,
                        double saturatedFraction, double zeroFraction, int distinctUnits) {
}
