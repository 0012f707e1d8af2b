package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.TestRunners;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The depth view's "with and without": which counterparts a network has, and that their runs are the runs of those
 * networks, whose std by layer follows the theory (ReLU·He: ×√(1 + α²) per block, flat without skips).
 */
class CounterpartsTest {

    private static final ExperimentConfig BASE = ExperimentConfig.defaults().toBuilder()
            .strategies(List.of(Strategy.HE, Strategy.XAVIER)).activation(Activation.RELU).fanIn(400).width(400)
            .samples(400).depth(11).build();

    private static List<String> labels(ExperimentConfig c) {
        return Counterparts.of(c, Strategy.HE).stream().map(Counterparts.Variant::label).toList();
    }

    @Test
    void eachNetworkHasTheCounterpartsThatDifferInItsNormalizationOrSkips() {
        assertEquals(List.of("with BatchNorm", "skips, α = 1/√10"), labels(BASE));
        assertEquals(List.of("with BatchNorm"), labels(BASE.toBuilder().depth(1).build()),
                "one layer has no branch to scale");
        assertEquals(List.of("no skips", "α = 1/√10"), labels(BASE.toBuilder().residual(Residual.scaled(1))
                .build()));
        assertEquals(List.of("no skips", "α = 1"), labels(BASE.toBuilder().residual(Residual.SQRT_DEPTH)
                .build()));
        assertEquals(List.of("no skips", "α = 1", "α = 1/√10"), labels(BASE.toBuilder()
                .residual(Residual.scaled(0.5)).build()));
        assertEquals(List.of("no LayerNorm", "no skips", "α = 1/√10"), labels(BASE.toBuilder()
                .norm(Norm.LAYER).residual(Residual.scaled(1)).build()));
        assertEquals(List.of("no BatchNorm"), labels(BASE.toBuilder().norm(Norm.BATCH).build()));
        for (Counterparts.Variant v : Counterparts.of(BASE.toBuilder().norm(Norm.BATCH).build(), Strategy.HE)) {
            assertEquals(List.of(Strategy.HE), v.config().strategies(), "the shown strategy alone");
            assertEquals(BASE.depth(), v.config().depth());
            assertEquals(BASE.seed(), v.config().seed());
        }
    }

    @Test
    void theRunsAreThoseNetworksAndTheirGrowthIsTheTheorys() {
        ExperimentConfig alphaOne = BASE.toBuilder().residual(Residual.scaled(1)).build();
        ExperimentRunner runner = TestRunners.runner(2);
        List<Counterparts.Run> runs = Counterparts.run(runner, alphaOne, Strategy.HE, () -> false);
        assertEquals(2, runs.size());
        for (Counterparts.Run run : runs) {
            ExperimentResult direct = runner.run(run.config(), RunListener.NONE, () -> false);
            assertArrayEquals(std(direct.results().getFirst()), std(run.result()), run.label());
        }
        // without skips He keeps the variance flat (the theory's std z is the same at every layer; at width 400 the
        // measured one wanders by about ±10% per √(layers) around it); at α = 1/√10 each block multiplies the
        // variance by 1 + 1/10
        LayerResult[] layers = runs.get(0).result().layers().toArray(LayerResult[]::new);
        assertEquals(1, layers[10].theory().stdZ() / layers[0].theory().stdZ(), 1e-12, "without skips, theory");
        assertEquals(1, layers[10].z().std() / layers[0].z().std(), 0.3, "no skips");
        double[] scaled = std(runs.get(1).result());
        assertEquals(Math.pow(1.1, 5), scaled[10] / scaled[0], 0.15, "α = 1/√10");
    }

    private static double[] std(StrategyResult r) {
        return r.layers().stream().mapToDouble(l -> l.z().std()).toArray();
    }
}
