package app.initscope.render.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.Catalog;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.render.TheoryCache;
import app.initscope.render.explain.Explanation.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Defect 6, "Explain contradicts itself": the headline and every paragraph say the same thing about which way the
 * signal goes, for every strategy, two activations, two depths and with and without biases.
 *
 * <p>The agreement, precisely: each layer has one {@link Verdict}, whose direction is +1 (the signal grows), −1
 * (it shrinks) or 0 (preserved, or not finite). A text <em>claims</em> a direction by the phrases below. Then
 * <ul>
 *   <li>no text (headline, "What you see", "Why", "What to try", and the signal-propagation paragraphs) claims a
 *       direction other than the verdict's: a growing layer is never "preserved" nor in an "ordered" network, a
 *       shrinking one never "wider" nor "chaotic", a preserved one neither;</li>
 *   <li>the headline and "What you see" together claim the verdict's own direction (unless it is not finite), so
 *       the verdict is actually said, not just left uncontradicted.</li>
 * </ul>
 * The phrases are about the signal; those about the gradient ("a vanishing gradient") are checked against the
 * gradient's own scale in {@link ExplanationTest}.
 */
class ExplanationAgreementTest {

    private static final List<String> GROWS = List.of("wider than", "variance grows", "scale grows",
            "exploding signal", "signal is exploding", "network is chaotic");
    private static final List<String> SHRINKS = List.of("narrower than", "variance shrinks", "shrinks the variance",
            "scale shrinks", "scale halved", "vanishing signal", "signal is vanishing", "signal is gone",
            "shrinking signal", "signal is shrinking");
    private static final List<String> PRESERVES = List.of("preserved", "keeps roughly the input's scale");
    /** Claimed with a growing verdict only where the layer does not grow: the ordered phase. */
    private static final String ORDERED = "network is ordered";

    private static ExperimentConfig config(Activation activation, int depth, double sigmaB) {
        return ExperimentConfig.builder().fanIn(150).width(150).samples(200).depth(depth).activation(activation)
                .set(Catalog.SIGMA_B, sigmaB).strategies(List.of(Strategy.values())).build();
    }

    /** The phrases of {@code claims} that occur in {@code text}, case-insensitively. */
    private static Set<String> found(String text, List<String> claims) {
        String t = text.toLowerCase(Locale.ROOT);
        Set<String> out = new TreeSet<>();
        for (String c : claims) {
            if (t.contains(c.toLowerCase(Locale.ROOT))) {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void headlineAndParagraphsAgreeWithTheVerdictForEveryStrategyActivationDepthAndBias() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Activation activation : List.of(Activation.TANH, Activation.RELU)) {
            for (int depth : new int[] {1, 10}) {
                for (double sigmaB : new double[] {0, 0.3}) {
                    ExperimentConfig c = config(activation, depth, sigmaB);
                    ExperimentResult run = TestRunners.run(c);
                    TheoryCache.prepare(c, c.strategies());
                    for (StrategyResult r : run.results()) {
                        for (int layer = 1; layer <= depth; layer++) {
                            String where = activation.id() + " depth " + depth + " σ_b " + sigmaB + " "
                                    + r.strategy().id() + " layer " + layer;
                            problems.addAll(disagreements(c, r, layer, where));
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(2 * 2 * 2 * Strategy.values().length * (1 + 10) / 2, checked);
        assertTrue(problems.isEmpty(), problems.size() + " disagreements:\n" + String.join("\n", problems));
    }

    private static List<String> disagreements(ExperimentConfig c, StrategyResult r, int layer, String where) {
        Verdict verdict = Facts.of(c, r, layer).verdict();
        String headline = Explanation.headline(c, r, layer);
        List<Paragraph> paragraphs = new ArrayList<>(Explanation.of(c, r, layer));
        paragraphs.addAll(Explanation.signalPropagation(c, r));
        List<String> texts = new ArrayList<>(List.of(headline));
        paragraphs.forEach(p -> texts.add(p.text()));
        List<String> problems = new ArrayList<>();
        for (String text : texts) {
            Set<String> wrong = new TreeSet<>();
            switch (verdict.direction()) {
                case 1 -> {
                    wrong.addAll(found(text, SHRINKS));
                    wrong.addAll(found(text, PRESERVES));
                    wrong.addAll(found(text, List.of(ORDERED)));
                }
                case -1 -> {
                    wrong.addAll(found(text, GROWS));
                    wrong.addAll(found(text, PRESERVES));
                }
                default -> {
                    if (verdict == Verdict.PRESERVED) {
                        wrong.addAll(found(text, GROWS));
                        wrong.addAll(found(text, SHRINKS));
                    } else {
                        wrong.addAll(found(text, PRESERVES));
                    }
                }
            }
            if (!wrong.isEmpty()) {
                problems.add(where + " (" + verdict + "): " + wrong + " in «" + text + "»");
            }
        }
        if (verdict != Verdict.NOT_FINITE) {
            String said = headline + " " + paragraphs.getFirst().text();
            List<String> own = switch (verdict.direction()) {
                case 1 -> GROWS;
                case -1 -> SHRINKS;
                default -> PRESERVES;
            };
            if (found(said, own).isEmpty()) {
                problems.add(where + " (" + verdict + "): neither the headline nor What you see says so: «"
                        + said + "»");
            }
        }
        return problems;
    }

    @Test
    void heWithTanhDoublesTheVarianceAndTheHeadlineSaysSo() {
        ExperimentConfig c = ExperimentConfig.builder().fanIn(200).width(200).samples(200)
                .activation(Activation.TANH).strategies(List.of(Strategy.HE)).build();
        StrategyResult r = TestRunners.run(c).results().getFirst();
        LayerResult l = r.layer(1);
        // Var(z) = fan_in · Var(w) · E[x²] = fan_in · (2/fan_in) · 1 = 2
        assertEquals(Math.sqrt(2), l.z().std(), 0.05 * Math.sqrt(2));
        String headline = Explanation.headline(c, r, 1);
        assertTrue(headline.startsWith("Variance grows ×2: std z "), headline);
        String all = headline + String.join(" ", Explanation.of(c, r, 1).stream().map(Paragraph::text).toList());
        assertFalse(all.toLowerCase(Locale.ROOT).contains("preserved"), all);
        assertTrue(all.contains("wider than"), all);
    }

    @Test
    void aCustomSigmaW2OfThreeGrowsTheVarianceThreefold() {
        int fanIn = 200;
        ExperimentConfig c = ExperimentConfig.builder().fanIn(fanIn).width(fanIn).samples(200)
                .activation(Activation.TANH).sigma(Math.sqrt(3.0 / fanIn)).strategies(List.of(Strategy.CUSTOM_NORMAL))
                .build();
        StrategyResult r = TestRunners.run(c).results().getFirst();
        // Var(z) = fan_in · σ² · E[x²] = 3: std z ≈ 1.73, inside the old "preserved" band [0.5, 2]
        assertEquals(Math.sqrt(3), r.layer(1).z().std(), 0.05 * Math.sqrt(3));
        String headline = Explanation.headline(c, r, 1);
        assertTrue(headline.startsWith("Variance grows ×3: std z "), headline);
        assertFalse(Explanation.of(c, r, 1).getFirst().text().contains("preserved"));
    }

    @Test
    void theVerdictFollowsTheWeightsAgainstTheRuleThatPreservesTheVariance() {
        assertEquals(Verdict.PRESERVED, Verdict.of(1.0, Verdict.gain(1.0, Activation.TANH, 0)));
        assertEquals(Verdict.GROWING, Verdict.of(1.4, Verdict.gain(2.0, Activation.TANH, 0)));
        assertEquals(Verdict.PRESERVED, Verdict.of(1.4, Verdict.gain(2.0, Activation.RELU, 0)));
        assertEquals(Verdict.NARROWING, Verdict.of(1.0, Verdict.gain(1.0, Activation.RELU, 0)));
        // leaky ReLU with α = 0.5: He's σ_w² = 2/(1 + α²) = 1.6 preserves
        assertEquals(Verdict.PRESERVED, Verdict.of(1.3, Verdict.gain(1.6, Activation.LEAKY_RELU, 0.5)));
        // the absolute bands come first
        assertEquals(Verdict.VANISHING, Verdict.of(0.01, 1));
        assertEquals(Verdict.SHRINKING, Verdict.of(0.3, 1));
        assertEquals(Verdict.EXPLODING, Verdict.of(12, 150));
        assertEquals(Verdict.NOT_FINITE, Verdict.of(Double.NaN, 1));
    }
}
