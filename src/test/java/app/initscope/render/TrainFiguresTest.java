package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Histogram;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainListener;
import app.initscope.core.train.TrainResult;
import app.initscope.core.train.Trainer;
import app.initscope.engine.ComputePool;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Train figure: the heat map's common axis, the decimated lines, and the histograms at a chosen step. */
class TrainFiguresTest {

    private static ComputePool pool;
    private static ExperimentConfig config;
    private static TrainConfig train;
    private static List<TrainResult> results;

    @BeforeAll
    static void trainSmall() {
        pool = new ComputePool(2);
        config = ExperimentConfig.builder().activation(Activation.TANH).fanIn(20).samples(100).width(24).depth(2)
                .seed(3).strategies(List.of(Strategy.XAVIER, Strategy.LARGE)).build();
        train = TrainConfig.defaults().withDataset(DatasetId.MOONS).withBatch(32).withSteps(60, 10);
        Trainer t = new Trainer(Kernels::best, pool, 1);
        results = config.strategies().stream().map(s -> t.train(config, train, s, TrainListener.NONE, () -> false))
                .toList();
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void theHeatMapsAxisHoldsEveryEvaluationAndKeepsEveryCount() {
        TrainResult r = results.getFirst();
        for (TensorKind k : TrainFigures.TENSORS) {
            double[] range = TrainHeatMap.commonRange(r, 2, k);
            List<Histogram> columns = TrainHeatMap.rebinned(r, 2, k, range, 40);
            assertEquals(r.evals().size(), columns.size());
            for (int i = 0; i < columns.size(); i++) {
                Histogram own = TrainFigures.summary(r.evals().get(i).layers().get(1), k).histogram();
                assertTrue(range[0] <= own.lo() && own.hi() <= range[1], k + " eval " + i + " inside the axis");
                long inOwn = java.util.Arrays.stream(own.counts()).sum();
                long inCommon = java.util.Arrays.stream(columns.get(i).counts()).sum();
                assertEquals(inOwn, inCommon, k + " eval " + i + ": re-binning onto a wider axis loses nothing");
                assertEquals(range[0], columns.get(i).lo());
                assertEquals(range[1], columns.get(i).hi());
            }
        }
    }

    @Test
    void theNewestHeatMapColumnIsOneIntervalWideNotAShareOfTheAxis() {
        // evaluations at x = 100, 150, 200 on an axis to 900: the newest column ends at 250, where the next will be
        assertEquals(150, TrainHeatMap.columnEnd(100, 150, Double.NaN, 900));
        assertEquals(250, TrainHeatMap.columnEnd(200, Double.NaN, 150, 900));
        assertEquals(103, TrainHeatMap.columnEnd(100, Double.NaN, Double.NaN, 900), "a lone column is 3 px");
        assertEquals(900, TrainHeatMap.columnEnd(880, Double.NaN, 800, 900), "never past the axis");
    }

    @Test
    void decimatedLinesAverageTheStepsTheyCoverAndBreakAtNaN() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {1, 3, 5, 7, Double.NaN, 11};
        double[][] d = ChartLines.decimate(x, y, false, 3);
        assertArrayEquals(new double[] {0.5, 2.5, 4.5}, d[0]);
        assertEquals(2, d[1][0]);
        assertEquals(6, d[1][1]);
        assertTrue(Double.isNaN(d[1][2]), "a NaN breaks the line");
        double[][] log = ChartLines.decimate(new double[] {0, 1}, new double[] {10, 1000}, true, 1);
        assertEquals(2, log[1][0], 1e-12, "on a log axis the mean of the logs");
        assertEquals("10⁻³", ChartAxis.powerLabel(-3));
        assertEquals("10¹²", ChartAxis.powerLabel(12));
    }

    @Test
    void theHistogramsShowTheChosenEvaluationOfTheChosenStrategy() {
        for (int eval : new int[] {0, 3, -1}) {
            Figure f = TrainFigures.figure(config, train, results, new TrainFigures.Options(Strategy.LARGE, null, 2,
                    TensorKind.Z, eval, false, false));
            TrainResult large = results.get(1);
            EvalRecord e = eval < 0 ? large.evals().getLast() : large.evals().get(eval);
            assertEquals(3, f.panels().size());
            for (Figure.Panel p : f.panels()) {
                assertEquals("large", p.strategy());
                assertEquals(2, p.layer());
                TensorKind k = TensorKind.fromId(p.tensor());
                assertEquals(TrainFigures.summary(e.layers().get(1), k), p.data().summary(), "eval " + eval);
                assertTrue(p.data().title().contains("step " + e.step()), p.data().title());
            }
        }
    }

    @Test
    void theSvgDrawsEveryChartWithItsLegendAndTheGuide() {
        Figure f = TrainFigures.figure(config, train, results, TrainFigures.Options.DEFAULT);
        SvgPen pen = new SvgPen(f.width(), f.height(), AwtTextMeasure.INSTANCE);
        f.paint(pen);
        String svg = pen.toSvg();
        for (String text : List.of("Training loss", "Accuracy", "Update:data ratio", "10⁻³", "Xavier", "Large",
                "over the steps", "test")) {
            assertTrue(svg.contains(text), "the SVG shows " + text);
        }
        assertTrue(TrainFigures.status(results, train.steps()).startsWith("step 60 of 60"));
    }

    @Test
    void withBatchNormTheHeatMapAndHistogramsLabelTheActivationAsTanhOfBnZ() {
        ExperimentConfig bn = config.toBuilder().norm(app.initscope.core.nn.Norm.BATCH).build();
        Trainer t = new Trainer(Kernels::best, pool, 1);
        List<TrainResult> normalized = List.of(t.train(bn, train.withSteps(20, 10), Strategy.XAVIER,
                TrainListener.NONE, () -> false));
        Figure f = TrainFigures.figure(bn, train.withSteps(20, 10), normalized, TrainFigures.Options.DEFAULT);
        SvgPen pen = new SvgPen(f.width(), f.height(), AwtTextMeasure.INSTANCE);
        f.paint(pen);
        String svg = pen.toSvg();
        assertTrue(svg.contains("a = tanh(BN(z))"), "the activation is φ of the normalized z");
        assertTrue(!svg.contains("a = tanh(z)"), "nowhere the plain network's label");
    }

    @Test
    void aSpikeSaturatesItsOwnBinInsteadOfFadingTheRest() {
        Histogram relu = new Histogram(0, 4, new long[] {5000, 300, 200, 100}, 0, 0, 0);
        assertEquals(300, TrainHeatMap.shadeScale(relu), "the second largest count");
        Histogram one = new Histogram(0, 1, new long[] {0, 7, 0}, 0, 0, 0);
        assertEquals(7, TrainHeatMap.shadeScale(one), "a single bin is its own scale");
    }
}
