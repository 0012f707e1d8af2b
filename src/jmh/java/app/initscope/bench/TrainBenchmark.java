package app.initscope.bench;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Symmetry;
import app.initscope.core.stats.Summary;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Mlp;
import app.initscope.core.train.Optimizer;
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
 * Training speed in steps per second (issue 10), as {@code initscope train} trains:
 * <ul>
 *   <li>{@link #teacherSeedSize}: the teacher set at the seed size (1000 samples × fan_in 1000, width 1000, depth
 *       1, tanh, 10 outputs), full batch, SGD, Xavier;</li>
 *   <li>{@link #digitsBatch64}: digits, tanh, depth 4, width 256, batch 64, SGD, Xavier.</li>
 * </ul>
 * Each invocation trains {@value #STEPS} steps with the evaluation interval past the end, so it also pays the
 * network's initialization, the evaluations at step 0 and after the last step (forward and backward on the test
 * set) and the final training-set loss: about three steps' worth at the seed size, so the figure is a lower bound
 * of the steady rate.
 *
 * <p>The trainer records every step and cannot skip it, so the cost of recording is measured apart, on the seed
 * size's arrays: {@link #seedStepWithoutRecording} is one full-batch forward and backward pass (the step's matrix
 * products; the SGD update is an elementwise pass over W on top), and {@link #seedStepRecording} is what the
 * trainer computes per step to record it for depth 1: std(W₁), std(∂L/∂W₁), std(ΔW₁), the activation's summary
 * with saturation and zero fraction, and the distinct units of a₁. The issue asks for recording &lt; step.
 * Run with the command in {@link GemmBenchmark}'s header, e.g. {@code -Djmh.args="TrainBenchmark -f 1 -wi 2 -i 3"}.
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

    private Mlp seedMlp;
    private float[] seedUpdate;
    private Summary.SaturationTest tanhSaturation;

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

        Activation tanh = Activation.TANH;
        tanhSaturation = tanh::isSaturated;
        seedMlp = new Mlp(teacher.inputs(), 1000, 1, teacher.outputs(), false,
                tanh.function(teacherConfig.leakySlope()), Kernels.best(pool), pool);
        seedMlp.initialize(Strategy.XAVIER.initializer(teacherConfig.initOptions()),
                new RandomStreams(teacherConfig.seed()));
        Dataset.Split set = teacher.train();
        seedMlp.lossAndGradients(set.x(), set.targets(), set.labels(), set.rows());
        float[] grad = seedMlp.weightGradient(1);
        seedUpdate = new float[grad.length];
        for (int i = 0; i < grad.length; i++) {
            seedUpdate[i] = -0.01f * grad[i];             // what SGD's ΔW holds
        }
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

    /** The step's arithmetic without recording, at the seed size: forward and backward on the full batch. */
    @Benchmark
    public double seedStepWithoutRecording() {
        Dataset.Split set = teacher.train();
        return seedMlp.lossAndGradients(set.x(), set.targets(), set.labels(), set.rows()).loss();
    }

    /** What recording one step costs at the seed size (depth 1): the trainer's statistics on the same arrays. */
    @Benchmark
    public double seedStepRecording() {
        float[] w = seedMlp.weights(1);
        int rows = teacher.train().rows();
        float[] a = seedMlp.activation(1, rows);
        int n = rows * seedMlp.width();
        double weightStd = Summary.std(w, w.length, pool);
        double gradStd = Summary.std(seedMlp.weightGradient(1), w.length, pool);
        double updateStd = Summary.std(seedUpdate, w.length, pool);
        Summary sa = Summary.of(a, n, null, 1, tanhSaturation, pool);
        int distinct = Symmetry.distinctColumns(a, rows, seedMlp.width(), pool);
        return weightStd + gradStd + updateStd + sa.std() + distinct;
    }
}
