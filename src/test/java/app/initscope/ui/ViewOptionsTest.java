package app.initscope.ui;

import app.initscope.render.GradientView;
import app.initscope.render.AxisMode;
import app.initscope.render.PhaseChart;
import app.initscope.render.ViewCatalog;
import app.initscope.core.experiment.TensorKind;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    void everyViewOptionOfAPresetIsTakenAndGivenBack() {
        ViewOptions v = new ViewOptions();
        var state = new Preset.ViewState("he", 3, GradientView.WEIGHT.tensor().id(), true, false, true, "compare", true)
                .with(ViewCatalog.COMPARE_AXES, AxisMode.SYMLOG)
                .with(ViewCatalog.PHASE_COLOUR, PhaseChart.Mode.XIC)
                .with(ViewCatalog.TRAIN_STRATEGY, "he")
                .with(ViewCatalog.HEAT_TENSOR, TensorKind.DELTA)
                .with(ViewCatalog.EVAL, 4)
                .with(ViewCatalog.BATCH_ACCURACY, true)
                .with(ViewCatalog.WITH_AND_WITHOUT, true);
        v.applyAll(state::get);
        assertEquals(Strategy.HE, v.strategyProperty().get());
        assertEquals(GradientView.WEIGHT, v.gradientProperty().get());
        assertEquals(AxisMode.SYMLOG, v.compareAxesProperty().get());
        assertEquals(state, new Preset.ViewState(v.values()));
        for (var s : ViewCatalog.ALL) {
            assertNotEquals(s.defaultValue(), state.get(s), s.id() + ": the test sets every option off its default "
                    + "but jacobian");
        }

        v.clampLayer(2);
        assertEquals(2, v.layerProperty().get());
        v.clampLayer(5);
        assertEquals(2, v.layerProperty().get(), "a deeper network keeps the layer shown");
    }

    @Test
    void resetRestoresTheSeedView() {
        ViewOptions v = new ViewOptions();
        v.applyAll(new Preset.ViewState("large", 2, GradientView.LOCAL.tensor().id(), true, false, true, "depth")
                .with(ViewCatalog.COMPARE_AXES, AxisMode.OWN)::get);
        v.comparedStrategies().setAll(List.of(Strategy.LARGE));
        v.reset();
        assertEquals(GradientView.DELTA, v.gradientProperty().get());
        assertEquals(Strategy.XAVIER, v.strategyProperty().get());
        assertEquals(1, v.layerProperty().get());
        assertFalse(v.logYProperty().get());
        assertTrue(v.showTheoryProperty().get());
        assertFalse(v.lockAxesProperty().get());
        assertEquals(AxisMode.SHARED, v.compareAxesProperty().get());
        assertEquals(Strategy.SEED, v.comparedStrategies());
    }
}
