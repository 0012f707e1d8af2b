package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import org.junit.jupiter.api.Test;

class PlotsTest {

    @Test
    void zIsLabelledWithItsBiasOnlyWhenThereAreBiases() {
        ExperimentConfig plain = ExperimentConfig.defaults();
        ExperimentConfig biased = plain.toBuilder().set(Catalog.SIGMA_B, 0.5).build();
        assertEquals("z = a·W", Plots.axisLabel(TensorKind.Z, plain));
        assertEquals("z = a·W + b", Plots.axisLabel(TensorKind.Z, biased));
        assertEquals("a = tanh(z)", Plots.axisLabel(TensorKind.ACTIVATION, biased));
    }
}
