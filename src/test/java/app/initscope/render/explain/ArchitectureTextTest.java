package app.initscope.render.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.nn.Residual;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Explain panel's paragraph on normalization and skips quotes the run's own numbers and says what they mean. */
class ArchitectureTextTest {

    private static ExperimentResult run(ExperimentConfig c) {
        return TestRunners.runner(2).run(c, RunListener.NONE, () -> false);
    }

    private static String paragraph(ExperimentConfig c, StrategyResult r, int layer) {
        return Explanation.of(c, r, layer).stream().filter(p -> p.heading().equals("Normalization and skips"))
                .findFirst().orElseThrow().text();
    }

    @Test
    void batchNormOfSmallQuotesEpsilonAndZeroStaysOneUnit() {
        ExperimentConfig c = ExperimentConfig.defaults().toBuilder().strategies(List.of(Strategy.SMALL, Strategy.ZERO))
                .samples(400).norm(Norm.BATCH).build();
        ExperimentResult r = run(c);
        String small = paragraph(c, r.results().get(0), 1);
        assertTrue(small.contains("N(z) has std " + Explanation.num(r.results().get(0).layer(1).normalized().std())),
                small);
        assertTrue(small.contains("close to ε = 10⁻⁵"), small);
        assertFalse(small.contains("cannot break symmetry"), small);
        String phase = Explanation.signalPropagation(c, r.results().get(0)).getFirst().text();
        assertTrue(phase.contains("do not apply"), phase);
        String zero = paragraph(c, r.results().get(1), 1);
        assertTrue(zero.contains("cannot break symmetry") && zero.contains("1000 units here are still one"), zero);
    }

    @Test
    void withANormalizationTheHeadlineAndEveryParagraphReadTheScaleThatPhiTakes() {
        // Small's z vanishes and Large's explodes, but φ takes N(z), of unit scale: nothing may call the signal
        // vanishing or exploding, nor say that further layers shrink or multiply it
        for (Norm norm : List.of(Norm.BATCH, Norm.LAYER)) {
            for (Activation act : List.of(Activation.TANH, Activation.RELU)) {
                ExperimentConfig c = ExperimentConfig.defaults().toBuilder().strategies(List.of(Strategy.SMALL,
                        Strategy.LARGE, Strategy.XAVIER, Strategy.HE)).fanIn(300).width(300).samples(200).depth(3)
                        .activation(act).norm(norm).build();
                for (StrategyResult r : run(c).results()) {
                    for (int layer = 1; layer <= 3; layer++) {
                        String where = norm + " " + act + " " + r.strategy() + " layer " + layer + ": ";
                        String headline = Explanation.headline(c, r, layer);
                        assertFalse(headline.contains("std z"), where + headline);
                        String all = String.join(" ", Explanation.of(c, r, layer).stream()
                                .map(Explanation.Paragraph::text).toList());
                        // below unit scale only where Var(z) is not far above ε, and then the text says why
                        double stdN = r.layer(layer).normalized().std();
                        assertTrue(headline.contains("preserved") || stdN < 0.5 && all.contains("Not quite 1"),
                                where + headline + " / " + all);
                        for (String wrong : List.of("signal is vanishing", "signal is exploding", "fade further", "further layer", "lands where φ′ ≈ 0",
                                "is flat once")) {
                            assertFalse(all.contains(wrong), where + "'" + wrong + "' in: " + all);
                        }
                        assertTrue(all.contains("reaches neither"), where + all);
                    }
                }
            }
        }
    }

    @Test
    void skipsSayHowTheVarianceAddsUp() {
        ExperimentConfig c = ExperimentConfig.defaults().toBuilder().strategies(List.of(Strategy.HE))
                .activation(Activation.RELU).fanIn(200).width(200).samples(200).depth(11)
                .residual(Residual.SQRT_DEPTH).build();
        StrategyResult he = run(c).results().get(0);
        String text = paragraph(c, he, 11);
        assertTrue(text.contains("α = " + Explanation.num(1 / Math.sqrt(10)) + " = 1/√(depth − 1)"), text);
        assertTrue(text.contains("to " + Explanation.num(he.layer(11).z().std()) + " at layer 11"), text);
        assertTrue(text.contains("stays bounded"), text);
        ExperimentConfig plain = c.toBuilder().residual(Residual.OFF).build();
        assertEquals(0, Explanation.of(plain, run(plain).results().get(0), 1).stream()
                .filter(p -> p.heading().equals("Normalization and skips")).count());
    }
}
