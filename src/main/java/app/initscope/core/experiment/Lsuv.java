package app.initscope.core.experiment;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Network;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The data-dependent part of LSUV (Mishkin and Matas 2016, "All you need is a good init"): after the orthogonal
 * start, layer by layer from the first, run the forward pass of that layer on the batch (the experiment's input)
 * and divide W_l by the measured std of z_l, until Var(z_l) lies within {@value #TOLERANCE} of 1, at most
 * {@value #MAX_ROUNDS} rounds a layer. Var is the population variance of every value of z_l (samples × width), as
 * {@link Summary#std} measures it. A layer already within the band takes 0 rounds; a layer whose variance cannot
 * reach the band (all z equal, or a bias variance above 1.1) stops after {@value #MAX_ROUNDS}.
 *
 * <p>It lives in {@code core.experiment}, not {@code core.init}, because it needs the network's forward pass.
 */
final class Lsuv {

    /** The half-width of the band around Var(z) = 1. */
    static final double TOLERANCE = 0.1;
    /** The most rescalings of one layer. */
    static final int MAX_ROUNDS = 10;

    private Lsuv() {
    }

    /**
     * Rescales every W_l of an initialized network whose data is drawn; afterwards every layer is forward with
     * the final weights.
     *
     * @param values the values of one z_l (samples × width)
     * @return the rounds each layer took, first to last
     */
    static List<Integer> apply(Network net, int values, Parallel parallel, BooleanSupplier cancelled) {
        List<Integer> rounds = new ArrayList<>(net.depth());
        for (int l = 1; l <= net.depth(); l++) {
            int taken = 0;
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("run cancelled");
                }
                net.forward(l);
                double std = Summary.std(net.z(l), values, parallel);
                double variance = std * std;
                if (Math.abs(variance - 1) <= TOLERANCE || taken == MAX_ROUNDS || !(std > 0)
                        || !Double.isFinite(std)) {
                    break;
                }
                scale(net.weights(l), net.fanIn(l) * net.width(), 1 / std, parallel);
                taken++;
            }
            rounds.add(taken);
        }
        return rounds;
    }

    private static void scale(float[] w, int n, double factor, Parallel parallel) {
        parallel.forEach(Chunks.count(n), p -> {
            for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                w[i] = (float) (w[i] * factor);
            }
        });
    }
}
