package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.settings.Setting;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A training config reads and changes each setting of the catalog by its entry, and checks what it is given. */
class TrainConfigTest {

    /** A value other than the default, for each setting. */
    private static final Map<String, String> OTHER = Map.of("dataset", "spiral", "noise", "0.3", "optimizer", "adam",
            "lr", "0.002", "batch", "full", "steps", "17", "evalEvery", "5", "bias", "true");

    @Test
    void everySettingIsReadAndChangedThroughItsEntry() {
        TrainConfig d = TrainConfig.defaults();
        TrainConfig all = d;
        for (Setting<?> s : TrainCatalog.ALL) {
            assertEquals(s.defaultValue(), d.get(s), s.id());
            Object v = s.parse(OTHER.get(s.id()));
            TrainConfig one = d.with(s, v);
            assertEquals(v, one.get(s), s.id());
            for (Setting<?> other : TrainCatalog.ALL) {
                if (other != s) {
                    assertEquals(d.get(other), one.get(other), s.id() + " leaves " + other.id() + " alone");
                }
            }
            all = all.with(s, v);
        }
        assertEquals(TrainConfig.defaults().withDataset(DatasetId.SPIRAL).withNoise(0.3)
                .withOptimizer(Optimizer.ADAM, 0.002).withBatch(TrainConfig.FULL_BATCH).withSteps(17, 5).withBias(true), all);
    }

    @Test
    void aBadValueNamesItsSettingAndAnotherCatalogsSettingIsRefused() {
        TrainConfig d = TrainConfig.defaults();
        assertEquals("lr", assertThrows(InvalidConfigException.class, () -> d.with(TrainCatalog.LEARNING_RATE, -1.0))
                .parameter());
        assertEquals("eval-every", assertThrows(InvalidConfigException.class,
                () -> d.with(TrainCatalog.EVAL_EVERY, 0)).parameter());
        assertThrows(ClassCastException.class, () -> d.with(TrainCatalog.STEPS, "many"));
        assertThrows(IllegalArgumentException.class, () -> d.with(Catalog.DEPTH, 3));
        assertThrows(IllegalArgumentException.class, () -> d.get(Catalog.DEPTH));
    }
}
