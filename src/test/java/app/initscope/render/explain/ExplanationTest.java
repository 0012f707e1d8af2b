package app.initscope.render.explain;

import app.initscope.render.Ticks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Summary;
import app.initscope.render.explain.Explanation.Paragraph;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Explain text, checked against real results of the engine; every quoted number comes from the result. */
class ExplanationTest {

    private static ExperimentResult tanh;
    private static ExperimentResult sigmoid;
    private static ExperimentResult relu;
    private static ExperimentResult deepTanh;
    private static ExperimentResult deepRelu;

    @BeforeAll
    static void run() {
        ExperimentConfig.Builder small = ExperimentConfig.builder().fanIn(300).samples(300).width(300);
        tanh = TestRunners.run(small.activation(Activation.TANH).strategies(List.of(Strategy.values())).build());
        sigmoid = TestRunners.run(small.activation(Activation.SIGMOID).strategies(List.of(Strategy.ZERO)).build());
        relu = TestRunners.run(small.activation(Activation.RELU)
                .strategies(List.of(Strategy.HE, Strategy.XAVIER, Strategy.LARGE, Strategy.CONSTANT)).build());
        ExperimentConfig.Builder deep = ExperimentConfig.builder().fanIn(100).samples(200).width(100).depth(10);
        deepTanh = TestRunners.run(deep.activation(Activation.TANH)
                .strategies(List.of(Strategy.LARGE, Strategy.XAVIER)).build());
        deepRelu = TestRunners.run(deep.activation(Activation.RELU)
                .strategies(List.of(Strategy.XAVIER, Strategy.HE)).build());
    }

    private static StrategyResult result(ExperimentResult r, Strategy s) {
        return r.find(s).orElseThrow();
    }

    /** The three paragraphs joined, for "mentions" checks. */
    private static String text(ExperimentResult r, Strategy s, int layer) {
        return String.join("\n", Explanation.of(r.config(), result(r, s), layer).stream()
                .map(p -> p.heading() + ": " + p.text()).toList());
    }

    private static String see(ExperimentResult r, Strategy s, int layer) {
        return Explanation.of(r.config(), result(r, s), layer).getFirst().text();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected «" + part + "» in:\n" + text);
    }

    /** The phrases by which the text claims that the gradient or the signal vanishes. */
    private static void assertNoVanishingClaim(String text) {
        for (String claim : List.of("almost no gradient gets through", "vanishing gradient", "gradients are tiny",
                "signal is vanishing")) {
            assertFalse(text.contains(claim), () -> "«" + claim + "» contradicts the numbers in:\n" + text);
        }
    }

    @Test
    void zeroWithSigmoidIsSymmetry() {
        LayerResult l = result(sigmoid, Strategy.ZERO).layer(1);
        assertEquals(1, l.distinctUnits());
        String see = see(sigmoid, Strategy.ZERO, 1);
        assertContains(see, "distinct units: 1 of " + l.fanOut());
        assertContains(see, "symmetry");
        assertTrue(see.indexOf("symmetry") < see.indexOf("std z"), "symmetry is the dominant finding:\n" + see);
        assertEquals("Symmetry: all " + l.fanOut() + " units are identical",
                Explanation.headline(sigmoid.config(), result(sigmoid, Strategy.ZERO), 1));
        // φ(0) = 0.5 for every unit
        assertContains(text(sigmoid, Strategy.ZERO, 1), "φ(0) = " + Ticks.label(l.activation().mean()));
    }

    @Test
    void largeWithTanhSaturatesAndQuotesThePercentage() {
        Summary a = result(tanh, Strategy.LARGE).layer(1).activation();
        assertTrue(a.saturatedFraction() > 0.5, "saturated " + a.saturatedFraction());
        String see = see(tanh, Strategy.LARGE, 1);
        assertContains(see, "saturation");
        assertContains(see, "saturated: " + percent(a.saturatedFraction()));
        assertTrue(Explanation.headline(tanh.config(), result(tanh, Strategy.LARGE), 1).startsWith("Saturation"));
    }

    @Test
    void largeWithTanhIsUnstableNotVanishing() {
        // the numbers: φ′ ≈ 0 for most units, yet std δ is far above Xavier's
        LayerResult large = result(tanh, Strategy.LARGE).layer(1);
        double xavierDelta = result(tanh, Strategy.XAVIER).layer(1).delta().std();
        assertTrue(large.localGradient().mean() < 0.1, "mean φ′ " + large.localGradient().mean());
        assertTrue(large.delta().std() > 20 * xavierDelta, large.delta().std() + " vs Xavier's " + xavierDelta);
        String see = see(tanh, Strategy.LARGE, 1);
        assertNoVanishingClaim(see);
        assertContains(see, "unstable, not vanishing");
        assertContains(see, "std δ " + Ticks.label(large.delta().std()));
    }

    @Test
    void largeWithTanhAtDepthTenHasAGradientThatGrowsOnTheWayBack() {
        StrategyResult r = result(deepTanh, Strategy.LARGE);
        double first = r.layer(1).delta().std();
        double last = r.layer(10).delta().std();
        assertTrue(first > 100 * last, "δ grows backward: layer 1 " + first + ", layer 10 " + last);
        assertTrue(r.layer(1).activation().saturatedFraction() > 0.5);
        String see = see(deepTanh, Strategy.LARGE, 1);
        assertNoVanishingClaim(see);
        assertContains(see, "exploding gradient");
        assertContains(see, "std δ " + Ticks.label(first));
    }

    @Test
    void xavierWithReluAtDepthTenKeepsLayerOneButItsGradientIsSmall() {
        StrategyResult xavier = result(deepRelu, Strategy.XAVIER);
        double he = result(deepRelu, Strategy.HE).layer(1).delta().std();
        double delta = xavier.layer(1).delta().std();
        assertTrue(delta < he / 10, "Xavier's δ at layer 1 " + delta + " vs He's " + he);
        String see = see(deepRelu, Strategy.XAVIER, 1);
        assertFalse(see.contains("the gradients get through"), see);
        assertContains(see, "std δ " + Ticks.label(delta));
        assertContains(see, "small");
    }

    @Test
    void xavierWithReluAtLayerTenHasTinyWeightGradientsButNoTinyDelta() {
        StrategyResult xavier = result(deepRelu, Strategy.XAVIER);
        LayerResult l = xavier.layer(10);
        LayerResult he = result(deepRelu, Strategy.HE).layer(10);
        // δ at the last layer is on He's scale; dW is not, because the layer's input has faded
        assertTrue(l.delta().std() > he.delta().std() / 10, l.delta().std() + " vs He's " + he.delta().std());
        assertTrue(l.weightGradient().std() < he.weightGradient().std() / 10);
        String see = see(deepRelu, Strategy.XAVIER, 10);
        assertFalse(see.contains("The gradients are tiny too"), see);
        assertContains(see, "std dW " + Ticks.label(l.weightGradient().std()));
    }

    @Test
    void xavierWithReluSaysTheScaleHalvesNotThatItIsPreserved() {
        Summary a = result(relu, Strategy.XAVIER).layer(1).activation();
        double handedOn = a.mean() * a.mean() + a.std() * a.std();
        assertTrue(handedOn < 0.6, "E[a²] " + handedOn + " against the input's 1");
        assertTrue(Explanation.headline(relu.config(), result(relu, Strategy.XAVIER), 1).startsWith("Scale halved"));
        String see = see(relu, Strategy.XAVIER, 1);
        assertFalse(see.contains("on purpose"), see);
        assertContains(see, "E[a²] = " + Ticks.label(handedOn));
    }

    @Test
    void constantWithReluSwitchesEveryUnitOnOrOffTogether() {
        LayerResult l = result(relu, Strategy.CONSTANT).layer(1);
        assertEquals(1, l.distinctUnits());
        String see = see(relu, Strategy.CONSTANT, 1);
        assertFalse(see.contains("about half the units are silent"), see);
        assertContains(see, "all of them or none");
    }

    @Test
    void xavierWithTanhPreservesTheVarianceAndQuotesStdZ() {
        LayerResult l = result(tanh, Strategy.XAVIER).layer(1);
        String see = see(tanh, Strategy.XAVIER, 1);
        assertContains(see, "variance is preserved");
        assertContains(see, "std z " + Ticks.label(l.z().std()));
        assertFalse(see.contains("symmetry"), see);
    }

    @Test
    void heWithReluHasHalfTheUnitsOffAndQuotesTheZeros() {
        Summary a = result(relu, Strategy.HE).layer(1).activation();
        String see = see(relu, Strategy.HE, 1);
        assertContains(see, "Half the units are off");
        assertContains(see, "zeros: " + percent(a.zeroFraction()));
        assertContains(text(relu, Strategy.HE, 1), "factor 2");
    }

    @Test
    void smallWithTanhIsVanishing() {
        LayerResult l = result(tanh, Strategy.SMALL).layer(1);
        String see = see(tanh, Strategy.SMALL, 1);
        assertContains(see, "vanishing");
        assertContains(see, "std z " + Ticks.label(l.z().std()));
        assertContains(see, "linear part");
        assertTrue(Explanation.headline(tanh.config(), result(tanh, Strategy.SMALL), 1).startsWith("Vanishing"));
    }

    @Test
    void largeWithReluIsExploding() {
        LayerResult l = result(relu, Strategy.LARGE).layer(1);
        String see = see(relu, Strategy.LARGE, 1);
        assertContains(see, "exploding");
        assertContains(see, "std z " + Ticks.label(l.z().std()));
        assertContains(text(relu, Strategy.LARGE, 1), "Press 5 for He");
    }

    @Test
    void everyStrategyGetsThreeNonEmptyParagraphsWithItsFormulaAndNumbers() {
        for (StrategyResult r : tanh.results()) {
            List<Paragraph> ps = Explanation.of(tanh.config(), r, 1);
            assertEquals(List.of("What you see", "Why", "What to try"), ps.stream().map(Paragraph::heading).toList());
            for (Paragraph p : ps) {
                assertFalse(p.text().isBlank(), r.strategy() + " " + p.heading());
            }
            LayerResult l = r.layer(1);
            String why = ps.get(1).text();
            assertContains(why, "Var(z) = fan_in · Var(w) · E[x²]");
            assertContains(why, r.strategy().formula());
            assertContains(why, "fan_in is " + l.fanIn());
            assertContains(why, "weight std is " + Ticks.label(l.weightStd()));
            if (Double.isFinite(l.theory().stdZ())) {
                assertContains(why, "predicts std z " + Ticks.label(l.theory().stdZ()));
            }
            assertContains(ps.getFirst().text(), Ticks.label(r.loss()));
            assertFalse(Explanation.headline(tanh.config(), r, 1).isBlank(), r.strategy().id());
        }
    }

    @Test
    void deepLayersQuoteThePreviousLayerAndTheirPosition() {
        ExperimentResult deep = TestRunners.run(ExperimentConfig.builder().activation(Activation.RELU)
                .strategies(List.of(Strategy.XAVIER)).fanIn(100).samples(200).width(100).depth(10).build());
        StrategyResult r = deep.results().getFirst();
        Summary previous = r.layer(9).activation();
        double ex2 = previous.mean() * previous.mean() + previous.std() * previous.std();
        List<Paragraph> ps = Explanation.of(deep.config(), r, 10);
        assertContains(ps.getFirst().text(), "Layer 10 of 10.");
        assertContains(ps.get(1).text(), "layer 9's activations, with E[x²] = " + Ticks.label(ex2));
        // Xavier with ReLU halves the variance per layer: by layer 10 the signal has faded
        assertContains(ps.getFirst().text(), "std z " + Ticks.label(r.layer(10).z().std()));
        assertTrue(Explanation.headline(deep.config(), r, 10).endsWith("(layer 10 of 10)"));
        assertContains(Explanation.of(deep.config(), r, 3).get(1).text(), "on to layer 4");
    }

    @Test
    void overflowIsReportedAsNotFinite() {
        // std z grows by √300 per linear layer and leaves the float range after about 30 layers
        ExperimentResult huge = TestRunners.run(ExperimentConfig.builder().activation(Activation.LINEAR)
                .strategies(List.of(Strategy.LARGE)).fanIn(300).samples(20).width(300).outputs(2).depth(40)
                .build());
        StrategyResult r = huge.results().getFirst();
        LayerResult last = r.layer(40);
        assertTrue(last.z().nonFinite() > 0, "layer 40 overflowed");
        String see = Explanation.of(huge.config(), r, 40).getFirst().text();
        assertContains(see, "not finite");
        assertTrue(Explanation.headline(huge.config(), r, 40).startsWith("Overflow"));
    }

    @Test
    void rejectsALayerOutsideTheNetwork() {
        StrategyResult r = result(tanh, Strategy.XAVIER);
        assertThrows(IllegalArgumentException.class, () -> Explanation.of(tanh.config(), r, 0));
        assertThrows(IllegalArgumentException.class, () -> Explanation.of(tanh.config(), r, 2));
    }

    @Test
    void numbersAreFormattedForReading() {
        assertEquals("94.7%", Explanation.percent(0.94712));
        assertEquals("not finite", Explanation.num(Double.NaN));
        assertEquals("not finite", Explanation.num(Double.POSITIVE_INFINITY));
        assertEquals("Press 4 for Xavier", WhatToTry.pick(Strategy.XAVIER));
        assertEquals("Pick Orthogonal from the More menu", WhatToTry.pick(Strategy.ORTHOGONAL));
    }

    @Test
    void withBiasesTheWhyStatesTheirVarianceAndWithoutThemDoesNot() {
        ExperimentConfig biased = ExperimentConfig.builder().fanIn(200).samples(200).width(200)
                .set(app.initscope.core.experiment.Catalog.SIGMA_B, 0.5).strategies(List.of(Strategy.XAVIER))
                .build();
        String withBias = text(TestRunners.run(biased), Strategy.XAVIER, 1);
        assertContains(withBias, "Var(z) = fan_in · Var(w) · E[x²] + σ_b²");
        assertContains(withBias, "σ_b² = 0.25");
        assertFalse(text(tanh, Strategy.XAVIER, 1).contains("σ_b"));
    }
}
