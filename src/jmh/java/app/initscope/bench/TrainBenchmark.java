package app.initscope.bench;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Optimizer;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.Stepper;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainListener;
import app.initscope.core.train.TrainResult;
import app.initscope.core.train.Trainer;
import app.initscope.engine.ComputePool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Training speed (issues 10 and 22), as {@code initscope train} trains:
 * <ul>
 *   <li>{@link #teacherSeedSize}: the teacher set at the seed size (1000 samples × fan_in 1000, width 1000, depth
 *       1, tanh, 10 outputs), full batch, SGD at lr 0.01, Xavier, in steps per second;</li>
 *   <li>{@link #digitsBatch64}: digits, tanh, depth 4, width 256, batch 64, SGD, Xavier, in steps per second;</li>
 *   <li>{@link #teacherFiveStrategies}: the seed's five strategies (zero, small, large, xavier, he) × {@value #STEPS}
 *       steps on the teacher set at the seed size, in ms: the work {@code bench/train_numpy.py} times in numpy.</li>
 * </ul>
 * The training benchmarks train with the evaluation interval past the end, so each also pays the network's
 * initialization, the evaluations before the first step and after the last (forward and backward on the test set,
 * and summaries with histograms of z, a and δ) and the final training-set loss.
 *
 * <p>The split of one seed-size step (issue 22: the rest ≤ 5 ms): {@link #seedStep} is one recorded step, as the
 * trainer makes it ({@link Stepper#step}: forward, loss, backward, the SGD update, and every statistic of the
 * step's record), and {@link #seedStepProducts} is its two big products alone (X·W₁ and Xᵀ·δ₁, 1000³ each, on the
 * same kernel and threads). The rest of the step is the difference: the activation and its derivative, the readout's
 * small products, the loss, δ, the update and the record.
 * Run with the command in {@link GemmBenchmark}'s header, e.g. {@code -Djmh.args="TrainBenchmark -f 1 -wi 3 -i 5"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class TrainBenchmark {

    /** Steps per invocation of the training benchmarks. */
    static final int STEPS = 20;

    @Param({"2"})
    public int threads;

    private ComputePool pool;
    private Trainer trainer;
    private ExperimentConfig teacherConfig;
    private TrainConfig teacherTrain;
    private Dataset teacher;
    private ExperimentConfig digitsConfig;
    private TrainConfig digitsTrain;
    private Dataset digits;

    private ExperimentConfig seedConfig;
    private Stepper seedStepper;
    private int seedSteps;
    private Gemm gemm;
    private float[] seedWeights;
    private float[] seedZ;
    private float[] seedGradient;

    @Setup(Level.Trial)
    public void setUp() {
        pool = new ComputePool(threads);
        trainer = new Trainer(Kernels::best, pool, 1);
        teacherConfig = ExperimentConfig.defaults().toBuilder().depth(1).activation(Activation.TANH)
                .strategies(List.of(Strategy.XAVIER)).build();
        teacherTrain = TrainConfig.defaults().withDataset(DatasetId.TEACHER).withOptimizer(Optimizer.SGD, 0.01)
                .withBatch(TrainConfig.FULL_BATCH).withSteps(STEPS, 1_000_000);
        teacher = trainer.dataset(teacherConfig, teacherTrain);
        digitsConfig = ExperimentConfig.defaults().toBuilder().depth(4).width(256).activation(Activation.TANH)
                .strategies(List.of(Strategy.XAVIER)).build();
        digitsTrain = TrainConfig.defaults().withDataset(DatasetId.DIGITS).withOptimizer(Optimizer.SGD, 0.1)
                .withBatch(64).withSteps(STEPS, 1_000_000);
        digits = trainer.dataset(digitsConfig, digitsTrain);

        seedConfig = teacherConfig.toBuilder().strategies(Strategy.SEED).build();
        seedStepper = trainer.stepper(teacherConfig, teacherTrain, teacher, Strategy.XAVIER);
        gemm = Kernels.best(pool);
        int n = 1000 * 1000;
        seedWeights = new float[n];
        new RandomStreams(1).fillGaussian(seedWeights, n, 0.03, 1, pool);
        seedZ = new float[n];
        seedGradient = new float[n];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /** Steps per second: the teacher at the seed size, full batch, depth 1. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public TrainResult teacherSeedSize() {
        return trainer.train(teacherConfig, teacherTrain, teacher, Strategy.XAVIER, TrainListener.NONE, () -> false);
    }

    /** Steps per second: digits, batch 64, tanh, depth 4, width 256. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public TrainResult digitsBatch64() {
        return trainer.train(digitsConfig, digitsTrain, digits, Strategy.XAVIER, TrainListener.NONE, () -> false);
    }

    /** The seed's five strategies × 20 steps on the teacher set at the seed size, in ms. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double teacherFiveStrategies() {
        double sum = 0;
        for (Strategy s : seedConfig.strategies()) {
            sum += trainer.train(seedConfig, teacherTrain, teacher, s, TrainListener.NONE, () -> false).finalLoss();
        }
        return sum;
    }

    /** One recorded seed-size step (Xavier, full batch, SGD), in ms; the network goes on training across calls. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public StepRecord seedStep() {
        return seedStepper.step(seedSteps++);
    }

    /** The two big products of a seed-size step alone (X·W₁ and Xᵀ·δ₁), in ms. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float seedStepProducts() {
        float[] x = teacher.train().x();
        gemm.mult(x, seedWeights, seedZ, 1000, 1000, 1000);
        gemm.multTransA(x, seedZ, seedGradient, 1000, 1000, 1000);
        return seedGradient[0];
    }
}
