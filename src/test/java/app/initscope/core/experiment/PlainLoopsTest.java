package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.nn.Activation;
import app.initscope.engine.ComputePool;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cold JVM's runner: plain loops instead of Vector API code, for the same numbers. */
class PlainLoopsTest {

    private static final ExperimentConfig RELU = ExperimentConfig.builder().activation(Activation.RELU)
            .strategies(List.of(Strategy.HE, Strategy.ZERO)).fanIn(200).samples(300).width(150).depth(2).build();

    @Test
    void plainLoopsGiveTheSameStatisticsBitForBit() {
        try (ComputePool pool = new ComputePool(2)) {
            ExperimentRunner runner = new ExperimentRunner(Kernels::best, pool, Runtime.getRuntime().maxMemory());
            ExperimentResult vectors = runner.run(RELU, RunListener.NONE, () -> false);
            ExperimentResult plain = runner.withPlainLoops().run(RELU, RunListener.NONE, () -> false);
            for (int s = 0; s < RELU.strategies().size(); s++) {
                assertEquals(vectors.results().get(s).layers(), plain.results().get(s).layers());
            }
        }
    }

    @Test
    void plainLoopsComputeTanhToFloatRounding() {
        ExperimentConfig tanh = RELU.toBuilder().activation(Activation.TANH).build();
        try (ComputePool pool = new ComputePool(2)) {
            ExperimentRunner runner = new ExperimentRunner(Kernels::best, pool, Runtime.getRuntime().maxMemory());
            LayerResult vectors = runner.run(tanh, RunListener.NONE, () -> false).results().getFirst().layers()
                    .getLast();
            LayerResult plain = runner.withPlainLoops().run(tanh, RunListener.NONE, () -> false).results()
                    .getFirst().layers().getLast();
            assertEquals(vectors.activation().std(), plain.activation().std(), 1e-6);
            assertEquals(vectors.delta().std(), plain.delta().std(), 1e-6 * vectors.delta().std());
        }
    }
}
