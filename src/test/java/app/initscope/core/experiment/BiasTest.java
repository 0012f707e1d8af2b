package app.initscope.core.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.init.InitOptions;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.EjmlGemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Network;
import app.initscope.core.theory.LayerTheory;
import app.initscope.core.theory.Theory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The biases b_l ∼ N(0, σ_b²): absent at σ_b = 0, one per unit, and Var(z) follows the mean-field map. */
class BiasTest {

    private static final ExperimentRunner SCALAR =
            new ExperimentRunner(p -> new EjmlGemm(), Parallel.sequential(), Long.MAX_VALUE);

    private static List<ExperimentConfig> fingerprintConfigs() {
        return List.of(
                ExperimentConfig.builder().activation(Activation.TANH).fanIn(40).samples(30).width(24).depth(3)
                        .seed(7).strategies(List.of(Strategy.XAVIER, Strategy.ORTHOGONAL, Strategy.LARGE)).build(),
                ExperimentConfig.builder().activation(Activation.RELU).fanIn(33).samples(20).width(17).depth(2)
                        .seed(11).input(InputDistribution.UNIFORM)
                        .strategies(List.of(Strategy.HE, Strategy.CONSTANT)).build(),
                ExperimentConfig.builder().activation(Activation.LEAKY_RELU).fanIn(16).samples(25).width(20)
                        .depth(4).seed(3).strategies(List.of(Strategy.HE_UNIFORM, Strategy.GLOROT_NORMAL)).build());
    }

    /**
     * These numbers were printed by a scratch run of the code as it was BEFORE biases existed (commit b93eea0,
     * the scalar EJML kernel on one thread, so they do not depend on the machine's vector width): for each
     * config, for each strategy, the loss and then, for each layer, std z, std a, std δ and std dW.
     */
    private static final double[][] BEFORE_BIASES = {
        {5.804947563003167, 0.9148786735040375, 0.6004688779584243, 0.011913896306357512, 0.06868815334872407,
            0.5989141646775331, 0.4636332662903674, 0.01848874902625258, 0.07021397912980523, 0.45227509647911274,
            0.3836955732732995, 0.021191854782939182, 0.06403473280247095, 6.007387065334922, 0.9793537752763004,
            0.617402951917207, 0.010309310011831172, 0.05791618962700728, 0.6183218466276379, 0.486938701539358,
            0.015225676390060698, 0.057367746453243, 0.4869460350804209, 0.41125709222384627, 0.019483377107569595,
            0.05782891880932112, 101.51404847612366, 5.786200817854759, 0.9264680992949743, 0.4853546981246892,
            2.465900489648825, 4.458753395577932, 0.9044848721257711, 0.33413108885758813, 1.6895742086175358,
            4.320687912651645, 0.8971713210990139, 0.1817864937943896, 1.0187002494693393},
        {10.88735182265635, 1.2596022997069016, 0.7022074242462569, 0.07810175115435007, 0.4405592328298692,
            1.208296725684075, 0.6110426556834149, 0.05738177696601442, 0.43811344267236296, 4.634430257896943,
            0.04851650548042689, 0.02338652855449085, 1.619339421551755E-4, 8.193965092110357E-4,
            0.003975709888064832, 0.003975709888064832, 9.525525977520059E-4, 0.0},
        {7.280060681857854, 1.397541621444672, 0.8445441271624871, 0.030559555117783636, 0.16969448990299588,
            1.4515280503728438, 0.7894661820014832, 0.03356772512305309, 0.22636179043520777, 1.159460402184318,
            0.6543295220152143, 0.03418998826508343, 0.22328606945283574, 0.8278001362610684, 0.5112149454078324,
            0.03196678818635897, 0.21646917854079323, 5.018107718298465, 0.8910481749509972, 0.5139817953763026,
            0.00929723321585195, 0.049136538556051504, 0.6210948974232393, 0.3903652913620912, 0.01376373624966013,
            0.05415097399383537, 0.5837636761624609, 0.24696304423965823, 0.01616714631695144, 0.06634042475364672,
            0.29005540454391354, 0.16134410112008252, 0.025533477453946817, 0.046827003937075576},
    };

    private static double[] fingerprint(ExperimentResult r) {
        List<Double> v = new ArrayList<>();
        for (StrategyResult s : r.results()) {
            v.add(s.loss());
            for (LayerResult l : s.layers()) {
                v.add(l.z().std());
                v.add(l.activation().std());
                v.add(l.delta().std());
                v.add(l.weightGradient().std());
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void theSettingsSigmaBIsTheStdAndTheTheorysSigmaB2ItsSquareBothWays() {
        assertEquals(0.09, Catalog.sigmaB2(0.3), 1e-15);
        assertEquals(0.3, Catalog.sigmaB(0.09), 1e-15);
        assertEquals(0.0, Catalog.sigmaB2(0.0));
        ExperimentConfig c = ExperimentConfig.builder().set(Catalog.SIGMA_B, 0.5).build();
        assertEquals(0.25, Catalog.sigmaB2(c), 0.0);
        for (double b : new double[] {0, 0.05, 0.447, 1, 3}) {
            assertEquals(b, Catalog.sigmaB(Catalog.sigmaB2(b)), 1e-15, "round trip at " + b);
        }
    }

    @Test
    void sigmaBZeroIsBitIdenticalToTheCodeBeforeBiases() {
        List<ExperimentConfig> configs = fingerprintConfigs();
        for (int i = 0; i < configs.size(); i++) {
            ExperimentConfig c = configs.get(i);
            assertEquals(0.0, c.get(Catalog.SIGMA_B), "the default is no biases");
            assertArrayEquals(BEFORE_BIASES[i], fingerprint(SCALAR.run(c, RunListener.NONE, () -> false)), 0.0,
                    "config " + i);
            ExperimentConfig biased = c.toBuilder().set(Catalog.SIGMA_B, 0.5).build();
            assertNotEquals(BEFORE_BIASES[i][1], fingerprint(SCALAR.run(biased, RunListener.NONE, () -> false))[1],
                    "config " + i + ": σ_b = 0.5 changes std z (so the comparison above can fail)");
        }
    }

    @Test
    void theBiasIsOneValuePerUnitAddedToZAndLeavesEveryOtherNumberAlone() {
        ExperimentConfig c = ExperimentConfig.builder().activation(Activation.TANH).fanIn(30).samples(20).width(25)
                .depth(3).seed(5).build();
        Network plain = SCALAR.newNetwork(c);
        Network biased = SCALAR.newNetwork(c);
        RandomStreams random = new RandomStreams(c.seed());
        for (Network n : List.of(plain, biased)) {
            n.drawData(random, false);
            n.initialize(Strategy.XAVIER.initializer(c.initOptions()), random);
        }
        plain.initializeBiases(0.0, random);
        biased.initializeBiases(0.7, random);
        assertNull(plain.biases(1), "σ_b = 0 means no bias vector at all");
        assertArrayEquals(plain.input(), biased.input());
        for (int l = 1; l <= c.depth(); l++) {
            assertArrayEquals(plain.weights(l), biased.weights(l), "layer " + l);
            assertEquals(c.width(), biased.biases(l).length);
        }
        assertArrayEquals(plain.readoutWeights(), biased.readoutWeights());
        // layer 1 sees the same input: z with biases is exactly z without plus b of the unit (column)
        plain.forward(1);
        biased.forward(1);
        float[] b = biased.biases(1);
        for (int i = 0; i < c.samples() * c.width(); i++) {
            assertEquals(plain.z(1)[i] + b[i % c.width()], biased.z(1)[i], 0.0f, "element " + i);
        }
        // each layer's biases come from its own stream, and redrawing gives the same numbers
        assertNotEquals(biased.biases(1)[0], biased.biases(2)[0]);
        float[] first = biased.biases(2).clone();
        biased.initializeBiases(0.7, random);
        assertArrayEquals(first, biased.biases(2));
        double sum = 0;
        for (float v : biased.biases(1)) {
            sum += v * v;
        }
        assertEquals(0.49, sum / c.width(), 0.49 * 5 * Math.sqrt(2.0 / c.width()), "E[b²] = σ_b²");
    }

    private static final int WIDTH = 800;
    private static final long[] SEEDS = {21, 22, 23, 24};

    /** The mean over {@link #SEEDS} of each layer's measured Var(z_l) (over all samples × units), and one run. */
    private static double[] meanMeasuredVariance(ExperimentConfig config, StrategyResult[] first) {
        double[] mean = new double[config.depth() + 1];
        for (long seed : SEEDS) {
            StrategyResult r = TestRunners.run(config.toBuilder().seed(seed).build()).results().get(0);
            first[0] = first[0] == null ? r : first[0];
            for (int l = 1; l <= config.depth(); l++) {
                double std = r.layers().get(l - 1).z().std();
                mean[l] += std * std / SEEDS.length;
            }
        }
        return mean;
    }

    /**
     * The relative standard error of the measured Var(z_l), averaged over the seeds. Layer l holds only
     * {@code width} biases, whose mean square estimates σ_b² with a relative error √(2/width), and the l layers'
     * errors add (the map's slope is 1 for ReLU with He, below 1 for tanh with Xavier). Each layer before also
     * estimates E[φ(z)²] from {@code width} units; with biases the samples grow correlated, so pessimistically
     * they count as one, and that relative error is √(κ/width) per layer with κ = Var(φ²)/E[φ²]² = 5 for ReLU
     * (and at most 2, z²'s, for tanh).
     */
    private static double relativeError(Activation act, double sigmaB, int l, double q) {
        double kappa = act == Activation.RELU ? 5 : 2;
        double s2 = sigmaB * sigmaB;
        double perSeed = 2.0 * s2 * s2 * l / (WIDTH * q * q) + kappa * (l - 1) / WIDTH;
        return Math.sqrt(perSeed / SEEDS.length);
    }

    /** Measured Var(z_l) against the mean-field q_l with σ_b², within 3.5 standard errors (plus 0.5%). */
    @Test
    void measuredVarianceOfZFollowsTheMeanFieldMapWithBiases() {
        for (Activation act : List.of(Activation.TANH, Activation.RELU)) {
            Strategy strategy = act == Activation.TANH ? Strategy.XAVIER : Strategy.HE;
            for (double sigmaB : new double[] {0.5, 1.0}) {
                ExperimentConfig c = ExperimentConfig.builder().activation(act).fanIn(WIDTH).samples(100)
                        .depth(5).strategies(List.of(strategy)).set(Catalog.SIGMA_B, sigmaB).build();
                StrategyResult[] one = new StrategyResult[1];
                double[] measured = meanMeasuredVariance(c, one);
                for (int l : new int[] {1, 5}) {
                    LayerResult layer = one[0].layers().get(l - 1);
                    double predicted = layer.theory().varianceZ();
                    double tolerance = (3.5 * relativeError(act, sigmaB, l, predicted) + 0.005) * predicted;
                    assertEquals(predicted, measured[l], tolerance, act + " σ_b=" + sigmaB + " layer " + l);
                }
                double q1 = (act == Activation.TANH ? 1.0 : 2.0) + sigmaB * sigmaB;
                assertEquals(q1, one[0].layers().get(0).theory().varianceZ(), 1e-12,
                        "q_1 = fan_in·Var(w)·E[x²] + σ_b²");
                assertTrue(measured[1] > (q1 - sigmaB * sigmaB) * 1.1, "the biases add to Var(z_1)");
            }
        }
    }

    /** ReLU with He: E[φ(√q·u)²] = q/2 and σ_w² = 2, so q_{l+1} = q_l + σ_b² and q_L = q_1 + (L−1)·σ_b². */
    @Test
    void reluWithHeGainsExactlySigmaBSquaredPerLayer() {
        int depth = 8;
        for (double sigmaB : new double[] {0.5, 1.0}) {
            ExperimentConfig c = ExperimentConfig.builder().activation(Activation.RELU).fanIn(WIDTH).samples(100)
                    .depth(depth).strategies(List.of(Strategy.HE)).set(Catalog.SIGMA_B, sigmaB).build();
            StrategyResult[] one = new StrategyResult[1];
            double[] measured = meanMeasuredVariance(c, one);
            double s2 = sigmaB * sigmaB;
            double q1 = 2.0 + s2;
            for (int l = 1; l <= depth; l++) {
                double closedForm = q1 + (l - 1) * s2;
                assertEquals(closedForm, one[0].layers().get(l - 1).theory().varianceZ(), 1e-9,
                        "theory, layer " + l);
                double tolerance = (3.5 * relativeError(Activation.RELU, sigmaB, l, closedForm) + 0.005)
                        * closedForm;
                assertEquals(closedForm, measured[l], tolerance, "measured, σ_b=" + sigmaB + " layer " + l);
            }
            assertTrue(measured[depth] > measured[1] * 1.5, "the biases make Var(z) grow with depth");
        }
        // leaky ReLU with its He gain 2/(1+α²): E[φ²] = (1+α²)·q/2, the same closed form
        double a = 0.2;
        List<LayerTheory> leaky = Theory.meanField(6, 300, 300, 1.0, 0.49,
                Strategy.HE.initializer(new InitOptions(Activation.LEAKY_RELU, a, 0, 0)),
                Activation.LEAKY_RELU.function(a));
        for (int l = 1; l <= 6; l++) {
            assertEquals(2.0 / (1 + a * a) + 0.49 * l, leaky.get(l - 1).varianceZ(), 1e-9, "leaky layer " + l);
        }
    }
}
