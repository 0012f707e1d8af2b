package app.initscope.core.experiment;

import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The same network "with and without": the settings that differ from a config only in its normalization or its
 * residual branches, run for one strategy, so that the depth view can overlay std by layer of each on the measured
 * one and "×2 per block" reads off the same picture as "bounded by e".
 *
 * <ul>
 *   <li>with a normalization: the network without it;</li>
 *   <li>with residual branches: the network without them, and α = 1 and α = 1/√(depth − 1), whichever of the two
 *       it is not;</li>
 *   <li>a plain network: the same with BatchNorm, and (from depth 2 on) with residual branches at
 *       α = 1/√(depth − 1).</li>
 * </ul>
 */
public final class Counterparts {

    /** One counterpart: its settings, and the legend's words for what differs ("no BatchNorm", "α = 1"). */
    public record Variant(String label, ExperimentConfig config) {
    }

    /** One counterpart's run. */
    public record Run(String label, ExperimentConfig config, StrategyResult result) {
    }

    private Counterparts() {
    }

    /** The counterparts of {@code c} for {@code strategy}, each with that strategy alone. */
    public static List<Variant> of(ExperimentConfig c, Strategy strategy) {
        List<Variant> out = new ArrayList<>();
        Residual residual = c.residual();
        int depth = c.depth();
        if (c.norm() != Norm.NONE) {
            out.add(variant("no " + normName(c.norm()), c, strategy, Norm.NONE, residual));
        }
        if (residual.on() && depth > 1) {
            out.add(variant("no skips", c, strategy, c.norm(), Residual.OFF));
            double alpha = residual.alpha(depth);
            if (alpha != 1.0) {
                out.add(variant("α = 1", c, strategy, c.norm(), Residual.scaled(1)));
            }
            if (!residual.sqrtDepth() && alpha != Residual.SQRT_DEPTH.alpha(depth)) {
                out.add(variant(sqrtDepthLabel(depth), c, strategy, c.norm(), Residual.SQRT_DEPTH));
            }
        }
        if (c.norm() == Norm.NONE && !residual.on()) {
            out.add(variant("with BatchNorm", c, strategy, Norm.BATCH, residual));
            if (depth > 1) {
                out.add(variant("skips, " + sqrtDepthLabel(depth), c, strategy, Norm.NONE, Residual.SQRT_DEPTH));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Runs every counterpart of {@code c} for {@code strategy} in turn.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static List<Run> run(ExperimentRunner runner, ExperimentConfig c, Strategy strategy,
                                BooleanSupplier cancelled) {
        List<Run> runs = new ArrayList<>();
        for (Variant v : of(c, strategy)) {
            runner.checkMemory(v.config());
            ExperimentResult r = runner.run(v.config(), RunListener.NONE, cancelled);
            runs.add(new Run(v.label(), v.config(), r.results().getFirst()));
        }
        return List.copyOf(runs);
    }

    private static Variant variant(String label, ExperimentConfig c, Strategy strategy, Norm norm,
                                   Residual residual) {
        return new Variant(label, c.toBuilder().strategies(List.of(strategy)).norm(norm).residual(residual).build());
    }

    private static String normName(Norm n) {
        return n == Norm.BATCH ? "BatchNorm" : "LayerNorm";
    }

    /** "α = 1/√19" for depth 20. */
    private static String sqrtDepthLabel(int depth) {
        return "α = 1/√" + (depth - 1);
    }
}
