package app.initscope.render.explain;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.JacobianSpectrum;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Norm;
import app.initscope.core.theory.MeanField;
import app.initscope.render.Ticks;
import app.initscope.render.TheoryCache;
import app.initscope.render.explain.Explanation.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The paragraphs on signal propagation: the strategy on the order-to-chaos diagram, and its Jacobian. */
final class SignalPropagation {

    private SignalPropagation() {
    }

    /**
     * The signal-propagation story of the shown strategy, with live numbers: where it sits on the order-to-chaos
     * diagram (its σ_w², χ₁ and phase by the mean-field maps, and why Xavier and He sit on the critical line
     * χ₁ = 1), and, when the run took it, what its Jacobian's singular values say about dynamical isometry.
     * Empty for a strategy the mean-field theory does not describe (a non-zero mean, LSUV), and until
     * {@link TheoryCache#prepare} has computed its numbers.
     */
    static List<Paragraph> of(ExperimentConfig config, StrategyResult result) {
        List<Paragraph> out = new ArrayList<>();
        Strategy s = result.strategy();
        double w2 = TheoryCache.sigmaW2(config, s, config.fanIn(), config.width());
        double b2 = Catalog.sigmaB2(config);
        if (config.norm() != Norm.NONE || (config.residual().on() && config.depth() > 1)) {
            out.add(new Paragraph("On the phase diagram", "The order-to-chaos diagram, its χ₁ and its depth scales "
                    + "describe the plain network, z_l = φ(z_(l-1))·W_l. With "
                    + (config.norm() != Norm.NONE ? "a normalization before φ" : "residual connections")
                    + " they do not apply: " + (config.norm() != Norm.NONE
                    ? "N(z) resets the scale in every layer, so no σ_w² makes the signal grow or fade."
                    : "each layer adds to the one before instead of replacing it.")
                    + " Set the normalization to none and the residual connections off to see it."));
        } else if (w2 > 0) {
            // far right of the map the quadrature is not to be trusted; χ₁ grows with σ_w², so the map's right
            // edge bounds it from below. The numbers come from the cache, prepared off the FX thread.
            boolean beyond = !TheoryCache.reliable(config, w2);
            double at = beyond ? MeanField.GRID_W2_HI : w2;
            MeanField.Point p = TheoryCache.point(config, at, b2);
            Double critical = TheoryCache.critical(config, b2);
            if (p != null && critical != null) {
                List<String> t = new ArrayList<>();
                t.add(String.format(Locale.ROOT, "%s puts σ_w² = fan_in·Var(w) at %s%s. By the mean-field maps "
                                + "that gives %s: a small difference between two inputs is multiplied by χ₁ "
                                + "in every layer, so this network is %s.", s.label(), Ticks.label(w2),
                        b2 > 0 ? " with σ_b² = " + Ticks.label(b2) : "", beyond
                                ? "χ₁ above " + Ticks.label(p.chi1()) + " (its value at the map's right edge, σ_w² = "
                                + Ticks.label(at) + ")" : "χ₁ = " + Ticks.label(p.chi1()),
                        beyond && p.phase() != MeanField.Phase.CHAOTIC
                                ? "past what the maps here can tell" : switch (p.phase()) {
                            case ORDERED -> "ordered: deep down every input looks alike, and gradients fade";
                            case CRITICAL -> "critical, at the edge of chaos, where signals travel deepest";
                            case CHAOTIC -> "chaotic: nearby inputs fly apart, and gradients explode";
                        }));
                if (Double.isFinite(critical)) {
                    t.add(String.format(Locale.ROOT, "For %s the line χ₁ = 1 lies at σ_w² = %s here. That is "
                                    + "why the named rules are what they are: Xavier's σ_w² = 1 is exactly tanh's "
                                    + "critical point without biases, and He's 2 is ReLU's, where ReLU's lost half "
                                    + "is made up. The Phase tab shows the map, each strategy on it, and lets you "
                                    + "click a point of your own.", config.activation().label(),
                            Ticks.label(critical)));
                }
                out.add(new Paragraph("On the phase diagram", String.join(" ", t)));
            }
        }
        JacobianSpectrum j = result.jacobian();
        if (j != null) {
            out.add(new Paragraph("The Jacobian", String.format(Locale.ROOT, "The input–output Jacobian of %d "
                            + "layers has singular values from %s to %s (mean σ² %s, Var(λ) %s). Orthogonal "
                            + "weights keep every singular value at 1 in a linear network, however deep: the "
                            + "gradient reaches every direction of the input at the same strength (dynamical "
                            + "isometry). Gaussian weights of the same average size keep only the mean of σ² at "
                            + "1 and spread the rest further with every layer (in a linear network Var(λ) grows "
                            + "like the depth), so some directions are amplified and others all but lost.",
                    result.layers().size(), Ticks.label(j.minSingular()), Ticks.label(j.maxSingular()),
                    Ticks.label(j.meanSquaredSingular()), Ticks.label(j.eigenVariance()))));
        }
        return out;
    }
}
