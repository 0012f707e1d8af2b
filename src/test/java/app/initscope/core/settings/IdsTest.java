package app.initscope.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.train.Optimizer;
import org.junit.jupiter.api.Test;

/** Ids spelt from the constants' names are the ids that files, presets and the command line have always used. */
class IdsTest {

    @Test
    void theIdsAreTheDocumentedOnes() {
        assertEquals("z, activation, localGradient, delta, weightGradient", Ids.valid(TensorKind.class));
        assertEquals("zero, small, large, xavier, he, glorot-normal, glorot-uniform, he-uniform, lecun-normal, "
                + "orthogonal, lsuv, constant, custom-normal", Ids.valid(Strategy.class));
        assertEquals("tanh, sigmoid, relu, leaky-relu, linear, selu, gelu", Ids.valid(Activation.class));
        assertEquals("sgd, momentum, adam", Ids.valid(Optimizer.class));
    }

    @Test
    void aLookupIgnoresCaseAndBlanksAndNamesTheValidIdsWhenItFails() {
        assertEquals(TensorKind.WEIGHT_GRADIENT, Ids.lookup(TensorKind.class, " WeightGradient ", "tensor"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ids.lookup(Optimizer.class, "rmsprop", "optimizer"));
        assertEquals("unknown optimizer 'rmsprop'; valid: sgd, momentum, adam", e.getMessage());
        assertTrue(Ids.camel(TensorKind.Z).equals("z") && Ids.kebab(Activation.LEAKY_RELU).equals("leaky-relu"));
    }
}
