package app.initscope.core.train;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.experiment.InvalidConfigException;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Trains one strategy's network on a data set and records every step (see {@link StepRecord}) and every test
 * evaluation.
 *
 * <p>The network is the experiment config's (activation, depth, width, seed, the strategy's rule) with a readout
 * sized to the data set; its weights draw from {@code run}'s streams. The batches come from the seed alone (step
 * s draws its rows with replacement from its own generator), so every strategy sees the same batches in the same
 * order; a batch as large as the training set uses every row once, in order. All work goes through the kernel and
 * fixed pieces, and every reduction runs in a fixed order, so the same inputs give bit-identical records on any
 * thread count. A loss that is NaN or infinite ends the training as a result: that step is recorded and
 * {@link TrainResult#divergedAt()} names it. Pure computation: no threads, no output.
 */
public final class Trainer {

    /** The stream of the batches' row indices. */
    static final long BATCH_STREAM = 10;

    private final Function<Parallel, Gemm> kernel;
    private final Parallel parallel;
    private final int snapshotEvery;

    /**
     * @param kernel        makes the matrix kernel for a parallel, e.g. {@code Kernels::best}
     * @param parallel      how to split work
     * @param snapshotEvery steps between snapshots to the listener, at least 1
     */
    public Trainer(Function<Parallel, Gemm> kernel, Parallel parallel, int snapshotEvery) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshots must come every step or more, got " + snapshotEvery);
        }
        this.kernel = kernel;
        this.parallel = parallel;
        this.snapshotEvery = snapshotEvery;
    }

    /** The data set a config names (build it once to train several strategies on it). */
    public Dataset dataset(ExperimentConfig config, TrainConfig train) {
        return Datasets.of(config, train, kernel.apply(parallel), parallel);
    }

    /**
     * Builds the data set and trains one strategy on it.
     *
     * @param cancelled polled before every piece of work; when it turns true training stops with
     *                  {@link CancellationException}
     */
    public TrainResult train(ExperimentConfig config, TrainConfig train, Strategy strategy, TrainListener listener,
                             BooleanSupplier cancelled) {
        return train(config, train, dataset(config, train), strategy, listener, cancelled);
    }

    /**
     * Trains one strategy on a data set built by {@link #dataset}.
     *
     * @throws InvalidConfigException when the batch is larger than the training set
     */
    public TrainResult train(ExperimentConfig config, TrainConfig train, Dataset data, Strategy strategy,
                             TrainListener listener, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        int batch = batch(train, data);
        check(cancelled);
        Parallel par = parallel.cancellable(cancelled);
        Stepper stepper = stepper(config, train, data, strategy, batch, par);
        Mlp mlp = stepper.mlp();
        Dataset.Split set = data.train();
        Activation activation = config.activation();
        Summary.SaturationTest saturation = activation.hasSaturation() ? activation::isSaturated : null;

        List<StepRecord> steps = new ArrayList<>();
        List<EvalRecord> evals = new ArrayList<>();
        int diverged = -1;
        Grid grid = Grid.of(data);
        evals.add(evaluate(mlp, data, 0, config, saturation, par));
        for (int s = 0; s < train.steps(); s++) {
            check(cancelled);
            StepRecord record = stepper.step(s);
            steps.add(record);
            if (!Double.isFinite(record.loss())) {
                diverged = s;
                break;
            }
            int made = s + 1;
            if (made % train.evalEvery() == 0 && made < train.steps()) {
                evals.add(evaluate(mlp, data, made, config, saturation, par));
            }
            if (made % snapshotEvery == 0 && made < train.steps() && listener.wants(made)) {
                listener.snapshot(new TrainResult(strategy, steps, evals, -1, Double.NaN, Double.NaN, Double.NaN,
                        false, (System.nanoTime() - start) / 1e6, grid == null ? null : grid.boundary(mlp)));
            }
        }
        double finalLoss = Double.NaN;
        double finalTestLoss = Double.NaN;
        double finalTestAccuracy = Double.NaN;
        if (diverged < 0) {
            check(cancelled);
            EvalRecord last = evaluate(mlp, data, train.steps(), config, saturation, par);
            evals.add(last);
            finalTestLoss = last.testLoss();
            finalTestAccuracy = last.testAccuracy();
            finalLoss = mlp.evaluate(set.x(), set.targets(), set.labels(), set.rows()).loss();
            if (!Double.isFinite(finalLoss) || !Double.isFinite(finalTestLoss)) {
                diverged = train.steps();           // the last update made the loss NaN or infinite
                finalLoss = Double.NaN;
                finalTestLoss = Double.NaN;
                finalTestAccuracy = Double.NaN;
            }
        }
        return new TrainResult(strategy, steps, evals, diverged, finalLoss, finalTestLoss, finalTestAccuracy, true,
                (System.nanoTime() - start) / 1e6, grid == null || diverged >= 0 ? null : grid.boundary(mlp));
    }

    /**
     * A stepper for one strategy on a data set built by {@link #dataset}: its network initialized as {@link #train}
     * initializes it, ready for step 0. For measuring steps apart from the evaluations.
     *
     * @throws InvalidConfigException when the batch is larger than the training set
     */
    public Stepper stepper(ExperimentConfig config, TrainConfig train, Dataset data, Strategy strategy) {
        return stepper(config, train, data, strategy, batch(train, data), parallel);
    }

    /** The rows per step. @throws InvalidConfigException when the batch is larger than the training set */
    private static int batch(TrainConfig train, Dataset data) {
        int rows = data.train().rows();
        int batch = train.rows(rows);
        if (batch > rows) {
            throw new InvalidConfigException(TrainCatalog.BATCH, "must be at most the training set's "
                    + rows + " rows, got " + batch);
        }
        return batch;
    }

    private Stepper stepper(ExperimentConfig config, TrainConfig train, Dataset data, Strategy strategy, int batch,
                            Parallel par) {
        Activation activation = config.activation();
        Mlp mlp = new Mlp(data.inputs(), config.width(), config.depth(), data.outputs(), train.bias(),
                activation.function(config.leakySlope()), kernel.apply(par), par, config.norm(), config.residual());
        RandomStreams random = new RandomStreams(config.seed());
        mlp.initialize(strategy.initializer(config.initOptions()), random);
        return new Stepper(mlp, activation, train, data, random, batch, par);
    }

    /**
     * The test loss, and each hidden layer's z and a after the forward pass and δ after the backward pass of the
     * test loss, as the network evaluates (BatchNorm with its running averages). Runs after the step's update, so the gradients it leaves behind are never applied.
     */
    private static EvalRecord evaluate(Mlp mlp, Dataset data, int step, ExperimentConfig config,
                                       Summary.SaturationTest saturation, Parallel par) {
        Dataset.Split test = data.test();
        int rows = test.rows();
        int depth = mlp.depth();
        int n = rows * mlp.width();
        Summary[] z = new Summary[depth + 1];
        Summary[] a = new Summary[depth + 1];
        Mlp.Loss loss = mlp.evaluationGradients(test.x(), test.targets(), test.labels(), rows, () -> {
            for (int l = 1; l <= depth; l++) {
                z[l] = summarize(config, TensorKind.Z, mlp.preActivation(l, rows), n, null, par);
                a[l] = summarize(config, TensorKind.ACTIVATION, mlp.activation(l, rows), n, saturation, par);
            }
        });
        List<EvalLayer> layers = new ArrayList<>(depth);
        for (int l = 1; l <= depth; l++) {
            layers.add(new EvalLayer(l, z[l], a[l],
                    summarize(config, TensorKind.DELTA, mlp.preActivation(l, rows), n, null, par)));
        }
        return new EvalRecord(step, loss.loss(), loss.accuracy(), layers);
    }

    private static Summary summarize(ExperimentConfig config, TensorKind kind, float[] data, int n,
                                     Summary.SaturationTest saturation, Parallel par) {
        return Summary.of(data, n, config.ranges().get(kind), config.bins(), saturation, par);
    }

    /** The square grid a 2-D classification's decision regions are drawn on: the points' box, 10% wider. */
    private record Grid(Dataset data, double xLo, double xHi, double yLo, double yHi, float[] cells) {

        static final int SIZE = 64;

        static Grid of(Dataset data) {
            if (data.inputs() != 2 || !data.classification()) {
                return null;
            }
            float[] p = data.train().x();
            double xLo = Double.POSITIVE_INFINITY;
            double xHi = Double.NEGATIVE_INFINITY;
            double yLo = Double.POSITIVE_INFINITY;
            double yHi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i + 1 < p.length; i += 2) {
                xLo = Math.min(xLo, p[i]);
                xHi = Math.max(xHi, p[i]);
                yLo = Math.min(yLo, p[i + 1]);
                yHi = Math.max(yHi, p[i + 1]);
            }
            double mx = 0.1 * Math.max(xHi - xLo, 1e-6);
            double my = 0.1 * Math.max(yHi - yLo, 1e-6);
            xLo -= mx;
            xHi += mx;
            yLo -= my;
            yHi += my;
            float[] cells = new float[SIZE * SIZE * 2];
            for (int i = 0; i < SIZE; i++) {
                for (int j = 0; j < SIZE; j++) {
                    cells[2 * (i * SIZE + j)] = (float) (xLo + (j + 0.5) * (xHi - xLo) / SIZE);
                    cells[2 * (i * SIZE + j) + 1] = (float) (yLo + (i + 0.5) * (yHi - yLo) / SIZE);
                }
            }
            return new Grid(data, xLo, xHi, yLo, yHi, cells);
        }

        Boundary boundary(Mlp mlp) {
            int cellsCount = SIZE * SIZE;
            int k = data.outputs();
            float[] y = mlp.predict(cells, cellsCount);
            int[] predicted = new int[cellsCount];
            for (int c = 0; c < cellsCount; c++) {
                int best = 0;
                for (int o = 1; o < k; o++) {
                    if (y[c * k + o] > y[c * k + best]) {
                        best = o;
                    }
                }
                predicted[c] = best;
            }
            return new Boundary(xLo, xHi, yLo, yHi, SIZE, k, predicted, data.train().x(), data.train().labels());
        }
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("training cancelled");
        }
    }
}
