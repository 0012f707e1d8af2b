package app.initscope.core.init;

import app.initscope.core.nn.Activation;

/**
 * The parameters some strategies need.
 *
 * @param activation the network's activation (He's gain depends on it)
 * @param leakySlope the leaky-ReLU slope α
 * @param constant   the value of the {@code constant} strategy
 * @param sigma      the standard deviation of the {@code custom-normal} strategy
 */
public record InitOptions(Activation activation, double leakySlope, double constant, double sigma) {

    /** The squared He gain: 2/(1+α²) for leaky ReLU (PyTorch's kaiming), 2 otherwise. */
    public double heGainSquared() {
        return activation == Activation.LEAKY_RELU ? 2.0 / (1.0 + leakySlope * leakySlope) : 2.0;
    }
}
