package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import app.initscope.export.Preset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view options on their own, without a window: the commands and the preset's view state. */
class ViewOptionsTest {

    @Test
    void stepStrategyWrapsAroundBothEnds() {
        ViewOptions v = new ViewOptions();
        Strategy[] all = Strategy.values();
        v.strategyProperty().set(all[0]);
        v.stepStrategy(-1);
        assertEquals(all[all.length - 1], v.strategyProperty().get());
        v.stepStrategy(1);
        assertEquals(all[0], v.strategyProperty().get());
        v.stepStrategy(all.length + 2);
        assertEquals(all[2], v.strategyProperty().get());
    }

    @Test
    void pickStrategyIgnoresAnIndexOutsideTheList() {
        ViewOptions v = new ViewOptions();
        v.pickStrategy(4);
        assertEquals(Strategy.values()[4], v.strategyProperty().get());
        v.pickStrategy(-1);
        v.pickStrategy(Strategy.values().length);
        assertEquals(Strategy.values()[4], v.strategyProperty().get());
    }

    @Test
    void aPresetsViewStateIsTakenAndGivenBackWithTheLayerWithinTheDepth() {
        ViewOptions v = new ViewOptions();
        var state = new Preset.ViewState("he", 7, GradientView.WEIGHT.tensor().id(), true, false, true, "compare");
        v.apply(state, List.of(Strategy.XAVIER, Strategy.HE), 3);
        assertEquals(Strategy.HE, v.strategyProperty().get());
        assertEquals(3, v.layerProperty().get(), "layer 7 of a 3-layer network shows the last layer");
        assertEquals(GradientView.WEIGHT, v.gradientProperty().get());
        assertEquals(List.of(Strategy.XAVIER, Strategy.HE), v.comparedStrategies());
        assertEquals(new Preset.ViewState("he", 3, GradientView.WEIGHT.tensor().id(), true, false, true, "compare"),
                v.toViewState("compare"));

        v.clampLayer(2);
        assertEquals(2, v.layerProperty().get());
        v.clampLayer(5);
        assertEquals(2, v.layerProperty().get(), "a deeper network keeps the layer shown");
    }

    @Test
    void resetRestoresTheSeedView() {
        ViewOptions v = new ViewOptions();
        v.apply(new Preset.ViewState("large", 2, GradientView.LOCAL.tensor().id(), true, false, true, "depth"),
                List.of(Strategy.LARGE), 4);
        v.reset();
        assertEquals(GradientView.DELTA, v.gradientProperty().get());
        assertEquals(Strategy.XAVIER, v.strategyProperty().get());
        assertEquals(1, v.layerProperty().get());
        assertFalse(v.logYProperty().get());
        assertTrue(v.showTheoryProperty().get());
        assertFalse(v.lockAxesProperty().get());
        assertEquals(Strategy.SEED, v.comparedStrategies());
    }
}
