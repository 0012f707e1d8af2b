package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.settings.Setting;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The training settings: apart from the experiment's, each default valid and spelt back as it parses. */
class TrainCatalogTest {

    @Test
    void trainingSettingsShareNoIdOrFlagWithTheExperimentsAndStayOutOfItsList() {
        Set<String> taken = new HashSet<>();
        for (Setting<?> s : Catalog.ALL) {
            taken.add(s.id());
            taken.add(s.flag());
        }
        for (Setting<?> s : TrainCatalog.ALL) {
            assertTrue(taken.add(s.id()), "id " + s.id() + " is taken");
            assertTrue(taken.add(s.flag()), "flag " + s.flag() + " is taken");
            assertFalse(Catalog.ALL.contains(s), s.id() + " must not change run's JSON");
        }
    }

    @Test
    void everyDefaultIsValidAndRoundTripsThroughItsText() {
        for (Setting<?> s : TrainCatalog.ALL) {
            assertNull(s.problem(s.defaultValue()), s.id());
            assertEquals(s.defaultValue(), s.parse(s.text(s.defaultValue())), s.id());
        }
        assertEquals(TrainConfig.defaults().lr(), TrainCatalog.LEARNING_RATE.defaultValue());
        assertTrue(TrainCatalog.LEARNING_RATE.logScale(), "the learning rate's slider is logarithmic");
        assertEquals(Boolean.TRUE, TrainCatalog.BIAS.parse("true"));
        assertEquals(Optimizer.ADAM, TrainCatalog.OPTIMIZER.parse("adam"));
    }
}
