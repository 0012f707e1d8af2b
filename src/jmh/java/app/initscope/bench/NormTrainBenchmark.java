package app.initscope.bench;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.nn.Activation;
import app.initscope.core.nn.Norm;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Optimizer;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.Stepper;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.Trainer;
import app.initscope.engine.ComputePool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A training step with a normalization against the plain network of the same size (issue 19 asks for at least
 * 0.8× the plain speed): one recorded step of the digits recipe (tanh, depth 4, width 256, batch 64, SGD) and one
 * of the teacher at the seed size (1000 × 1000, depth 1, full batch), each with {@code norm} none, batch or layer.
 * Compare the rows of one {@code norm} with the {@code none} row. Run with
 * {@code -Djmh.args="NormTrainBenchmark -f 1 -wi 3 -i 5"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class NormTrainBenchmark {

    @Param({"none", "batch", "layer"})
    public String norm;

    private ComputePool pool;
    private Stepper digits;
    private Stepper seed;
    private int digitsSteps;
    private int seedSteps;

    @Setup(Level.Trial)
    public void setUp() {
        pool = new ComputePool(2);
        Trainer trainer = new Trainer(Kernels::best, pool, 1);
        Norm n = Norm.fromId(norm);
        ExperimentConfig digitsConfig = ExperimentConfig.defaults().toBuilder().depth(4).width(256)
                .activation(Activation.TANH).strategies(List.of(Strategy.XAVIER)).norm(n).build();
        TrainConfig digitsTrain = TrainConfig.defaults().withDataset(DatasetId.DIGITS)
                .withOptimizer(Optimizer.SGD, 0.1).withBatch(64).withSteps(1_000_000, 1_000_000);
        Dataset digitsData = trainer.dataset(digitsConfig, digitsTrain);
        digits = trainer.stepper(digitsConfig, digitsTrain, digitsData, Strategy.XAVIER);
        ExperimentConfig seedConfig = ExperimentConfig.defaults().toBuilder().depth(1).activation(Activation.TANH)
                .strategies(List.of(Strategy.XAVIER)).norm(n).build();
        TrainConfig seedTrain = TrainConfig.defaults().withDataset(DatasetId.TEACHER)
                .withOptimizer(Optimizer.SGD, 0.01).withBatch(TrainConfig.FULL_BATCH)
                .withSteps(1_000_000, 1_000_000);
        seed = trainer.stepper(seedConfig, seedTrain, trainer.dataset(seedConfig, seedTrain), Strategy.XAVIER);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /** One recorded step of the digits recipe, batch 64. */
    @Benchmark
    public StepRecord digitsStep() {
        return digits.step(digitsSteps++);
    }

    /** One recorded seed-size step, full batch of 1000. */
    @Benchmark
    public StepRecord seedStep() {
        return seed.step(seedSteps++);
    }
}
