package app.initscope.core.train;

import app.initscope.core.stats.Summary;

/**
 * The test set's statistics of one hidden layer at an evaluation: z and a after the forward pass, and δ = ∂L/∂z
 * after a backward pass of the test loss. Each histogram has the experiment's bins on the experiment's range for
 * its tensor, or on its own finite min and max when that range is automatic.
 *
 * @param layer 1-based
 */
public record EvalLayer(int layer, Summary z, Summary activation, Summary delta) {
}
