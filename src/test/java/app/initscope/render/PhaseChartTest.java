package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.nn.Activation;
import app.initscope.core.theory.MeanField;
import app.initscope.core.theory.PhaseDiagram;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The phase diagram's markers, critical line, click mapping and drawing. */
class PhaseChartTest {

    private static Map<Strategy, Double> sigmaW2(ExperimentConfig c, List<Strategy> s) {
        return PhaseChart.markers(c, s).stream().collect(Collectors.toMap(PhaseChart.Marker::strategy,
                PhaseChart.Marker::sigmaW2));
    }

    @Test
    void xavierSitsAtOneAndHeAtTwoForTanhWhateverTheFanIn() {
        for (int fanIn : new int[] {100, 1000}) {
            ExperimentConfig c = ExperimentConfig.builder().activation(Activation.TANH).fanIn(fanIn).width(fanIn)
                    .build();
            Map<Strategy, Double> w2 = sigmaW2(c, List.of(Strategy.XAVIER, Strategy.HE, Strategy.LARGE,
                    Strategy.ZERO, Strategy.CONSTANT, Strategy.LSUV));
            assertEquals(1.0, w2.get(Strategy.XAVIER), 1e-12);
            assertEquals(2.0, w2.get(Strategy.HE), 1e-12);
            assertEquals(fanIn, w2.get(Strategy.LARGE), 1e-9, "N(0, 1): σ_w² = fan_in");
            assertEquals(0.0, w2.get(Strategy.ZERO), 0.0);
            assertTrue(!w2.containsKey(Strategy.CONSTANT) && !w2.containsKey(Strategy.LSUV),
                    "no marker where the mean-field theory does not describe the weights");
        }
        ExperimentConfig leaky = ExperimentConfig.builder().activation(Activation.LEAKY_RELU).leakySlope(0.5)
                .set(Catalog.SIGMA_B, 0.3).build();
        PhaseChart.Marker he = PhaseChart.markers(leaky, List.of(Strategy.HE)).getFirst();
        assertEquals(2 / 1.25, he.sigmaW2(), 1e-12, "He's gain 2/(1+α²) for leaky ReLU");
        assertEquals(0.09, he.sigmaB2(), 1e-12);
    }

    @Test
    void theCriticalLineOfTheGridAgreesWithTheBisection() {
        MeanField tanh = new MeanField(Activation.TANH, 0);
        PhaseDiagram d = PhaseDiagram.compute(Activation.TANH, 0, 101, Parallel.sequential());
        double[] line = d.criticalLine();
        assertEquals(1.0, line[0], 1e-6, "tanh without biases is critical at σ_w² = 1");
        double[] b2 = d.lineSigmaB2();
        assertEquals(0.5, b2[b2.length - 1], 0.0, "the line reaches the top row");
        for (int k = 1; k < line.length; k++) {
            assertTrue(line[k] > line[k - 1], "biases push the critical σ_w² up");
            int j = (int) Math.round(b2[k] / (0.5 / (d.size() - 1)));
            if (Math.abs(d.sigmaB2(j) - b2[k]) < 1e-12) {
                // the grid's own zero of ln χ₁ lies within a grid step of the line (where the line leaves
                // σ_w² = 1 and χ₁ stays within 10⁻³ of 1, the crossing is flat)
                assertEquals(line[k], d.criticalSigmaW2(j), 0.05, "σ_b² = " + d.sigmaB2(j));
            }
        }
        assertEquals(tanh.criticalSigmaW2(0.5), line[line.length - 1], 1e-9);
        PhaseDiagram relu = PhaseDiagram.compute(Activation.RELU, 0, 51, Parallel.sequential());
        for (double c : relu.criticalLine()) {
            assertEquals(2.0, c, 1e-9, "ReLU: χ₁ = σ_w²/2 whatever σ_b²");
        }
    }

    @Test
    void aClickMapsBackToTheValueDrawnThere() {
        double[] p = PhaseChart.pointOf(900, 600, 3.25, 0.125);
        double[] v = PhaseChart.valueAt(900, 600, p[0], p[1]);
        assertEquals(3.25, v[0], 1e-12);
        assertEquals(0.125, v[1], 1e-12);
        assertNull(PhaseChart.valueAt(900, 600, 5, 5), "outside the map");
    }

    @Test
    void theSvgHasTheMapTheLineAndTheLabels() {
        ExperimentConfig c = ExperimentConfig.builder().activation(Activation.TANH).build();
        PhaseDiagram d = PhaseDiagram.compute(Activation.TANH, 0, 60, Parallel.sequential());
        for (PhaseChart.Mode mode : PhaseChart.Mode.values()) {
            Figure f = PhaseChart.figure(d, mode, c, List.of(Strategy.XAVIER, Strategy.HE, Strategy.LARGE), true);
            SvgPen pen = new SvgPen(f.width(), f.height(), AwtTextMeasure.INSTANCE);
            f.paint(pen);
            String svg = pen.toSvg();
            assertTrue(svg.contains("Xavier") && svg.contains("He") && svg.contains("Large (σ_w² = 1000)"), mode.id());
            assertTrue(svg.contains("χ₁ = 1"), "the critical line's label");
            assertTrue(svg.length() < 3_000_000, "runs of one colour keep the SVG small: " + svg.length());
        }
    }

    @Test
    void theDivergingScaleIsWhiteAtTheCriticalLine() {
        Rgba mid = PhaseChart.colour(PhaseChart.Mode.CHI1, 0.5);
        assertTrue(mid.red() > 0.9 && mid.green() > 0.9 && mid.blue() > 0.9, "white at ln χ₁ = 0");
        assertTrue(PhaseChart.colour(PhaseChart.Mode.CHI1, 0).blue() > PhaseChart.colour(PhaseChart.Mode.CHI1, 0).red(),
                "ordered is blue");
        assertTrue(PhaseChart.colour(PhaseChart.Mode.CHI1, 1).red() > PhaseChart.colour(PhaseChart.Mode.CHI1, 1).blue(),
                "chaotic is red");
    }

    @Test
    void theTrainableDepthGuideFollowsTheMeanField() {
        ExperimentConfig c = ExperimentConfig.builder().activation(Activation.TANH).fanIn(100).width(100).depth(20)
                .build();
        assertTrue(Double.isNaN(Figures.trainableDepth(c.toBuilder().seed(977).sigma(0.123).build(),
                Strategy.CUSTOM_NORMAL)), "nothing is computed while drawing: no guide before it is prepared");
        TheoryCache.prepare(c, List.of(Strategy.values()));
        assertTrue(Figures.trainableDepth(c, Strategy.XAVIER) > 1e6,
                "Xavier on tanh without biases is critical: ξ_c is (numerically) infinite");
        // a custom normal at σ_w² = width·σ² = 4: chaotic, with a finite guide, as the mean-field maps say
        ExperimentConfig chaotic = c.toBuilder().sigma(Math.sqrt(4.0 / 100)).build();
        TheoryCache.prepare(chaotic, List.of(Strategy.CUSTOM_NORMAL));
        double guide = Figures.trainableDepth(chaotic, Strategy.CUSTOM_NORMAL);
        assertEquals(6 * new MeanField(Activation.TANH, 0).analyse(4, 0).xiC(), guide, 1e-9 * guide);
        assertTrue(guide > 1 && guide < 100, "in the chaotic phase the guide is finite: " + guide);
        ExperimentConfig further = c.toBuilder().sigma(Math.sqrt(8.0 / 100)).build();
        TheoryCache.prepare(further, List.of(Strategy.CUSTOM_NORMAL));
        double deeper = Figures.trainableDepth(further, Strategy.CUSTOM_NORMAL);
        assertTrue(deeper < guide, "further from the critical line correlations are forgotten sooner: " + deeper);
        assertTrue(Double.isNaN(Figures.trainableDepth(c, Strategy.LARGE)),
                "σ_w² = 100 is past where the quadrature holds for tanh: no guide rather than a wrong one");
        ExperimentConfig relu = c.toBuilder().activation(Activation.RELU).set(Catalog.SIGMA_B, 0.5).build();
        TheoryCache.prepare(relu, List.of(Strategy.LARGE));
        assertFalse(Double.isNaN(Figures.trainableDepth(relu, Strategy.LARGE)), "ReLU's closed form holds anywhere");
        Function<Strategy, Double> f = s -> Figures.trainableDepth(c, s);
        assertTrue(Double.isNaN(f.apply(Strategy.CONSTANT)));
    }
}
