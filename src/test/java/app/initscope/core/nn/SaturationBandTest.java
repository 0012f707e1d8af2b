package app.initscope.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SaturationBandTest {

    @Test
    void theBandSaysWhatTheDefinitionSays() {
        SplittableRandom r = new SplittableRandom(1);
        float[] edges = {0.97f, -0.97f, 0.03f, -0.03f, 0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE};
        for (int k = 0; k < 200_000; k++) {
            float a = k < edges.length * 5 ? step(edges[k / 5], k % 5 - 2) : (float) (2 * r.nextDouble() - 1);
            assertEquals(Math.abs(a) > 0.97f, Activation.TANH.isSaturated(a), "tanh " + a);
            assertEquals(a < 0.03f || a > 0.97f, Activation.SIGMOID.isSaturated(a), "sigmoid " + a);
            assertFalse(Activation.RELU.isSaturated(a));
        }
    }

    /** The float {@code ulps} steps away from v. */
    private static float step(float v, int ulps) {
        for (int i = 0; i < Math.abs(ulps); i++) {
            v = ulps > 0 ? Math.nextUp(v) : Math.nextDown(v);
        }
        return v;
    }
}
