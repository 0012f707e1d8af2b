package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentConfigTest {

    @Test
    void defaultsReproduceTheSeedExperiment() {
        ExperimentConfig c = ExperimentConfig.defaults();
        assertEquals(Strategy.SEED, c.strategies());
        assertEquals(Activation.TANH, c.activation());
        assertEquals(1000, c.fanIn());
        assertEquals(1000, c.samples());
        assertEquals(1000, c.width());
        assertEquals(1, c.depth());
        assertEquals(10, c.outputs());
        assertEquals(42, c.seed());
        assertEquals(60, c.bins());
        assertEquals(InputDistribution.NORMAL, c.input());
    }

    @Test
    void widthFollowsFanInUnlessSet() {
        assertEquals(64, ExperimentConfig.builder().fanIn(64).build().width());
        assertEquals(10, ExperimentConfig.builder().fanIn(64).width(10).build().width());
    }

    @Test
    void outOfRangeValuesAreRejectedNamingTheParameter() {
        assertEquals("fan-in", assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().fanIn(0).build()).parameter());
        assertEquals("depth", assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().depth(101).build()).parameter());
        assertEquals("leaky-slope", assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().leakySlope(Double.NaN).build()).parameter());
        assertEquals("sigma", assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().sigma(-1).build()).parameter());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().samples(-5).build());
        assertTrue(e.getMessage().contains("between 1 and 1000000"), e.getMessage());
    }

    @Test
    void repeatedOrMissingStrategiesAreRejected() {
        assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().strategies(List.of()).build());
        assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().strategies(List.of(Strategy.HE, Strategy.HE)).build());
    }

    @Test
    void memoryEstimateGrowsWithDepthAndIsRefusedAboveThreeQuartersOfTheHeap() {
        ExperimentConfig one = ExperimentConfig.defaults();
        ExperimentConfig ten = one.toBuilder().depth(10).build();
        assertTrue(MemoryEstimate.bytes(ten) > MemoryEstimate.bytes(one));
        long need = MemoryEstimate.bytes(ten);
        MemoryEstimate.check(ten, (long) (need / 0.75) + 1);
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> MemoryEstimate.check(ten, need));
        assertTrue(e.getMessage().contains(MemoryEstimate.human(need)), e.getMessage());
    }

    @Test
    void aTensorLargerThanAnArrayIsRejectedBeforeAnyAllocation() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> ExperimentConfig.builder().samples(1_000_000).fanIn(65536).width(40000).build());
        assertEquals("size", e.parameter());
        assertTrue(e.getMessage().contains("1000000 × 65536"), e.getMessage());
    }

    @Test
    void orthogonalAddsItsDoublePrecisionQrToTheEstimate() {
        ExperimentConfig gaussian = ExperimentConfig.builder().strategies(List.of(Strategy.XAVIER)).build();
        ExperimentConfig orthogonal = gaussian.toBuilder().strategies(List.of(Strategy.ORTHOGONAL)).build();
        assertEquals(5L * 8 * 1000 * 1000, MemoryEstimate.bytes(orthogonal) - MemoryEstimate.bytes(gaussian));
    }
}
