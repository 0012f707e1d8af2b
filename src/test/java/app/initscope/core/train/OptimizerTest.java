package app.initscope.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The update rules against their definitions, written out by hand. */
class OptimizerTest {

    private static final float[] GRADIENTS = {0.3f, -2.0f, 1e-3f, -4e-5f, 7.5f};

    @Test
    void adamsFirstStepIsMinusLearningRateTimesTheSignOfTheGradient() {
        double lr = 0.01;
        float[] p = new float[GRADIENTS.length];
        float[] delta = new float[p.length];
        Optimizer.ADAM.update(p, GRADIENTS, new float[p.length], new float[p.length], delta, lr, 1, 0, p.length);
        for (int i = 0; i < p.length; i++) {
            double g = GRADIENTS[i];
            // m̂ = g and v̂ = g², so the step is −lr·g/(|g| + ε): −lr·sign(g) up to a relative ε/|g|
            double allowed = lr * Optimizer.ADAM_EPSILON / Math.abs(g) + Math.ulp((float) lr) * 2;
            assertEquals(-lr * Math.signum(g), p[i], allowed, "element " + i);
            assertEquals(p[i], delta[i], 0.0, "the recorded change");
        }
    }

    @Test
    void momentumFollowsItsRecurrenceForThreeSteps() {
        double lr = 0.05;
        float[][] g = {{0.5f, -1f, 2f}, {0.25f, 0.5f, -1f}, {-0.75f, 0.125f, 3f}};
        float[] p = {1f, -2f, 0.5f};
        double[] expected = {1, -2, 0.5};
        float[] v = new float[3];
        float[] delta = new float[3];
        for (int t = 1; t <= 3; t++) {
            Optimizer.MOMENTUM.update(p, g[t - 1], v, null, delta, lr, t, 0, 3);
        }
        for (int i = 0; i < 3; i++) {
            double v1 = g[0][i];
            double v2 = 0.9 * v1 + g[1][i];
            double v3 = 0.9 * v2 + g[2][i];
            expected[i] = expected[i] - lr * v1 - lr * v2 - lr * v3;
            assertEquals(expected[i], p[i], 1e-6, "element " + i);
            assertEquals(v3, v[i], 1e-6, "velocity " + i);
        }
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        float[] p = {1f, 2f, 3f, 4f, 5f};
        float[] delta = new float[5];
        Optimizer.SGD.update(p, GRADIENTS, null, null, delta, 0.1, 1, 0, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1 - 0.1 * GRADIENTS[i], p[i], 1e-6);
            assertTrue(Math.signum(delta[i]) == -Math.signum(GRADIENTS[i]));
        }
    }
}
