package app.initscope.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Activation;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fast phase grid against the high-precision {@link MeanField#analyse} at every one of its points. */
class PhaseGridTest {

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "sigmoid"})
    void gridAgreesWithTheHighPrecisionAnalysisAtEveryPoint(String id) {
        MeanField theory = new MeanField(Activation.fromId(id), 0);
        List<MeanField.Point> grid = theory.grid(31);
        assertEquals(31 * 31, grid.size());
        for (int i = 0; i < 31; i++) {
            for (int j = 0; j < 31; j++) {
                MeanField.Point p = grid.get(i * 31 + j);
                assertEquals(0.5 + 4.5 * i / 30, p.sigmaW2(), 1e-12);
                assertEquals(0.5 * j / 30, p.sigmaB2(), 1e-12);
                MeanField.Point exact = theory.analyse(p.sigmaW2(), p.sigmaB2());
                String at = " at σ_w² = " + p.sigmaW2() + ", σ_b² = " + p.sigmaB2();
                assertEquals(Math.log(exact.chi1()), Math.log(p.chi1()), 1e-3, "ln χ₁" + at);
                assertEquals(exact.cStar(), p.cStar(), 1e-3, "c*" + at);
                assertEquals(exact.qStar(), p.qStar(), 1e-4 * Math.max(exact.qStar(), 1e-3), "q*" + at);
                if (Math.abs(exact.chi1() - 1) > 0.01) {
                    assertEquals(exact.phase(), p.phase(), at);
                }
                if (Double.isFinite(exact.xiC()) && exact.xiC() < 20) {
                    assertEquals(exact.xiC(), p.xiC(), 0.02 * exact.xiC(), "ξ_c" + at);
                }
            }
        }
    }

    @Test
    void tanhGridKeepsTheCriticalLineOfTheRootFinder() {
        // along each σ_b² column, χ₁ crosses 1 between the two σ_w² that bracket the high-precision critical σ_w²
        MeanField tanh = new MeanField(Activation.TANH, 0);
        int size = 41;
        List<MeanField.Point> grid = tanh.grid(size);
        for (int j = 0; j < size; j += 8) {
            double sigmaB2 = grid.get(j).sigmaB2();
            double critical = tanh.criticalSigmaW2(sigmaB2);
            for (int i = 0; i < size; i++) {
                MeanField.Point p = grid.get(i * size + j);
                if (Math.abs(p.sigmaW2() - critical) > 1e-3) {
                    assertEquals(p.sigmaW2() > critical, p.chi1() > 1, "σ_w² = " + p.sigmaW2() + " vs " + critical);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky-relu", "linear"})
    void closedFormGridIsTheAnalysisItself(String id) {
        MeanField theory = new MeanField(Activation.fromId(id), 0.1);
        for (MeanField.Point p : theory.grid(9)) {
            assertEquals(theory.analyse(p.sigmaW2(), p.sigmaB2()), p);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "relu"})
    void rowsInAnyOrderGiveTheSameGrid(String id) {
        MeanField theory = new MeanField(Activation.fromId(id), 0);
        Parallel backwards = new Parallel() {
            @Override
            public int parallelism() {
                return 2;
            }

            @Override
            public void forEach(int pieces, IntConsumer body) {
                for (int i = pieces - 1; i >= 0; i--) {
                    body.accept(i);
                }
            }
        };
        assertEquals(theory.grid(20), theory.grid(20, backwards));
    }

    @Test
    void aGridNeedsTwoPointsASide() {
        assertThrows(IllegalArgumentException.class, () -> new MeanField(Activation.TANH, 0).grid(1));
    }

    @Test
    void trapezoidLengthMapSolvesTheLinearFixedPoint() {
        // φ(z) = z: q* = σ_b²/(1 − σ_w²) and χ₁ = σ_w², through the grid's trapezoid rule (whose E[z²] misses only
        // the tails beyond ±7.2 standard deviations, about 1e−11)
        PhaseGrid linear = new PhaseGrid(new MeanField(Activation.LINEAR, 0));
        MeanField.Point p = linear.point(0.8, 0.1, 1.0, 0.0, new double[3]);
        assertEquals(0.1 / 0.2, p.qStar(), 1e-9);           // q = 0.8·q + 0.1
        assertEquals(0.8, p.chi1(), 1e-9);
        assertTrue(p.qConverged());
    }
}
