package app.initscope.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InitializerTest {

    private static final InitOptions TANH = new InitOptions(Activation.TANH, 0.01, 0.01, 0.05);

    private static double[] moments(float[] w) {
        double sum = 0;
        double sq = 0;
        for (float v : w) {
            sum += v;
            sq += (double) v * v;
        }
        return new double[] {sum / w.length, sq / w.length};
    }

    private static float[] draw(Strategy s, InitOptions o, int fanIn, int fanOut) {
        float[] w = new float[fanIn * fanOut];
        s.initializer(o).fill(w, fanIn, fanOut, new RandomStreams(5), 100, Parallel.sequential());
        return w;
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void measuredSecondMomentMatchesTheFormula(Strategy s) {
        int fanIn = 400;
        int fanOut = 250;
        double[] m = moments(draw(s, TANH, fanIn, fanOut));
        double expected = s.initializer(TANH).secondMoment(fanIn, fanOut);
        assertEquals(expected, m[1], 0.02 * expected + 1e-30, s.id());
    }

    @Test
    void formulasFollowTheirPapers() {
        int in = 300;
        int out = 100;
        assertEquals(1.0 / in, Strategy.XAVIER.initializer(TANH).secondMoment(in, out), 1e-15);
        assertEquals(1.0 / in, Strategy.LECUN_NORMAL.initializer(TANH).secondMoment(in, out), 1e-15);
        assertEquals(2.0 / in, Strategy.HE.initializer(TANH).secondMoment(in, out), 1e-15);
        assertEquals(2.0 / in, Strategy.HE_UNIFORM.initializer(TANH).secondMoment(in, out), 1e-15);
        assertEquals(2.0 / (in + out), Strategy.GLOROT_NORMAL.initializer(TANH).secondMoment(in, out), 1e-15);
        assertEquals(2.0 / (in + out), Strategy.GLOROT_UNIFORM.initializer(TANH).secondMoment(in, out), 1e-15);
        assertEquals(1e-8, Strategy.SMALL.initializer(TANH).secondMoment(in, out), 1e-20);
        assertEquals(1.0, Strategy.LARGE.initializer(TANH).secondMoment(in, out));
        assertEquals(0.05 * 0.05, Strategy.CUSTOM_NORMAL.initializer(TANH).secondMoment(in, out), 1e-15);
        assertEquals(0.0, Strategy.ZERO.initializer(TANH).secondMoment(in, out));
    }

    @Test
    void heUsesTheLeakyReluGainLikePytorchKaiming() {
        InitOptions leaky = new InitOptions(Activation.LEAKY_RELU, 0.2, 0, 0);
        assertEquals(2.0 / ((1 + 0.04) * 500), Strategy.HE.initializer(leaky).secondMoment(500, 500), 1e-15);
    }

    @Test
    void seedXavierEqualsGlorotOnlyForSquareLayers() {
        assertEquals(Strategy.GLOROT_NORMAL.initializer(TANH).secondMoment(500, 500),
                Strategy.XAVIER.initializer(TANH).secondMoment(500, 500), 1e-15);
        assertTrue(Strategy.GLOROT_NORMAL.initializer(TANH).secondMoment(500, 100)
                != Strategy.XAVIER.initializer(TANH).secondMoment(500, 100));
    }

    @Test
    void uniformStrategiesStayWithinTheirBound() {
        float[] w = draw(Strategy.GLOROT_UNIFORM, TANH, 200, 300);
        double bound = Math.sqrt(6.0 / 500);
        for (float v : w) {
            assertTrue(Math.abs(v) <= bound, v + " beyond " + bound);
        }
    }

    @Test
    void orthogonalHasOrthonormalColumnsWhenTallAndRowsWhenWide() {
        for (int[] shape : new int[][] {{120, 40}, {40, 120}, {64, 64}}) {
            int in = shape[0];
            int out = shape[1];
            float[] w = draw(Strategy.ORTHOGONAL, TANH, in, out);
            boolean tall = in >= out;
            int k = tall ? out : in;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int p = 0; p < (tall ? in : out); p++) {
                        dot += tall ? (double) w[p * out + i] * w[p * out + j] : (double) w[i * out + p] * w[j * out + p];
                    }
                    assertEquals(i == j ? 1.0 : 0.0, dot, 1e-5, in + "x" + out + " (" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    void constantAndZeroFillEveryWeightWithTheValue() {
        for (float v : draw(Strategy.CONSTANT, TANH, 10, 7)) {
            assertEquals(0.01f, v);
        }
        for (float v : draw(Strategy.ZERO, TANH, 10, 7)) {
            assertEquals(0f, v);
        }
    }

    @Test
    void strategyIdsParseAndUnknownOnesListTheValidIds() {
        assertEquals(List.of(Strategy.XAVIER, Strategy.HE), Strategy.parseList("xavier, HE"));
        assertEquals(Strategy.values().length, Strategy.parseList("all").size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strategy.fromId("kaiming"));
        assertTrue(e.getMessage().contains("glorot-uniform"), e.getMessage());
    }
}
