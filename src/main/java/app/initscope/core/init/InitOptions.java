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

    /**
     * The squared gain of He's rules: the rectifier's, whatever the activation, as PyTorch's {@code kaiming_*}
     * with its default {@code nonlinearity='leaky_relu'}: 2/(1+α²) for leaky ReLU, ReLU's 2 otherwise (so the
     * seed's He stays N(0, 2/fan_in) under tanh too). See {@link Activation#gainSquared(double)}.
     */
    public double heGainSquared() {
        Activation rectifier = activation == Activation.LEAKY_RELU ? Activation.LEAKY_RELU : Activation.RELU;
        return rectifier.gainSquared(leakySlope);
    }
}
