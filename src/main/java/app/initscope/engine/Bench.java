package app.initscope.engine;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.nn.Activation;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.Optimizer;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainResult;
import app.initscope.core.train.Trainer;
import app.initscope.core.train.TrainListener;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * How fast this machine computes what a lecture shows, in a few seconds ({@code initscope bench}): after a
 * time-boxed warm-up, the median of a few runs of each part, each part within its own time and the whole within
 * {@value #SECONDS} s ({@link Repeats}; on a machine so slow or busy that a part's runs do not fit, a part still
 * makes one):
 * <ul>
 *   <li>one float32 product of two n × n matrices on the best kernel and the engine's threads;</li>
 *   <li>the seed experiment, the default of {@code initscope run} (five strategies, tanh, 1000 × 1000), from config
 *       to result, as {@code PipelineBenchmark.fiveSeedStrategies} runs it;</li>
 *   <li>a training step at the seed size (the teacher set, full batch, SGD, depth 1), as
 *       {@code TrainBenchmark.teacherSeedSize} trains, timed between the trainer's reports of successive steps,
 *       and the same step without its matrix products: the products a step of backpropagation makes (forward,
 *       the weights' gradients, and δ for every layer but the first), with the same shapes and kernel, timed apart
 *       right after each step (outside its time, so under the same load) and subtracted from it;</li>
 *   <li>training steps per second at the Playground's size (the {@code train-spiral-relu} preset's network).</li>
 * </ul>
 * Only the trainer's public API is used: its listener is asked after every step, which is where the steps are
 * timed, and its cancel check is where a part's time ends.
 */
public final class Bench {

    /** Steps per timed piece of the small training: its steps take well under a millisecond each. */
    static final int SMALL_CHUNK = 25;

    /** The bench's time from its start: no run beyond a part's first starts that would end after it. */
    static final double SECONDS = 15;
    /** The warm-up's time: {@link Engine#warmUp} stops there (it compiles the kernels in about a second). */
    static final double WARM_UP_SECONDS = 3;
    static final Repeats.Limits GEMM = new Repeats.Limits(1, 3, 9, 1.5);
    static final Repeats.Limits PIPELINE = new Repeats.Limits(1, 3, 7, 4);
    /** Its time holds the steps and, after each, its products timed apart. */
    static final Repeats.Limits SEED_STEPS = new Repeats.Limits(1, 3, 9, 4);
    static final Repeats.Limits SMALL_CHUNKS = new Repeats.Limits(2, 3, 9, 2);

    /** The measured parts, each {@link Repeats.Limits} in the order they run. */
    static final List<Repeats.Limits> PARTS = List.of(GEMM, PIPELINE, SEED_STEPS, SMALL_CHUNKS);

    /**
     * What {@code initscope bench} reports.
     *
     * @param kernel                   the matrix kernel's name, e.g. {@code vector-api 256-bit}
     * @param threads                  the compute threads
     * @param gemmMillis               one n × n × n float32 product
     * @param gemmGflops               2·n³ / gemmMillis, in 10⁹ floating-point operations per second
     * @param pipelineMillis           the seed experiment, config to result
     * @param trainStepMillis          one training step at the seed size
     * @param trainStepRestMillis      that step without its matrix products (activation, loss, update, recording)
     * @param smallTrainStepsPerSecond training steps per second at the Playground's size
     */
    public record Result(String kernel, int threads, double gemmMillis, double gemmGflops, double pipelineMillis,
                         double trainStepMillis, double trainStepRestMillis, double smallTrainStepsPerSecond) {
    }

    /**
     * What is measured.
     *
     * @param gemmSize   n of the n × n × n product
     * @param pipeline   the experiment run from config to result
     * @param seed       the network trained at the seed size, and its training (full batch)
     * @param seedTrain  its training settings
     * @param small      the network trained at the Playground's size
     * @param smallTrain its training settings
     */
    public record Plan(int gemmSize, ExperimentConfig pipeline, ExperimentConfig seed, TrainConfig seedTrain,
                       ExperimentConfig small, TrainConfig smallTrain) {

        /**
         * The lecture's sizes: the seed experiment (1000 × 1000, five strategies), the seed-size training of
         * {@code TrainBenchmark.teacherSeedSize}, and the network of the {@code train-spiral-relu} preset (eight
         * ReLU layers of 64, biases, batch 64, SGD at 0.1, He).
         */
        public static final Plan LECTURE = new Plan(1000, ExperimentConfig.defaults(),
                ExperimentConfig.defaults().toBuilder().depth(1).activation(Activation.TANH)
                        .strategies(List.of(Strategy.XAVIER)).build(),
                TrainConfig.defaults().withDataset(DatasetId.TEACHER).withOptimizer(Optimizer.SGD, 0.01)
                        .withBatch(TrainConfig.FULL_BATCH),
                ExperimentConfig.defaults().toBuilder().activation(Activation.RELU).fanIn(64).samples(1000).width(64)
                        .depth(8).seed(5).strategies(List.of(Strategy.HE)).build(),
                TrainConfig.defaults().withDataset(DatasetId.SPIRAL).withNoise(0.1)
                        .withOptimizer(Optimizer.SGD, 0.1).withBatch(64).withBias(true));
    }

    private final Engine engine;
    private final LongSupplier clock;

    /** @param engine whose threads and kernel are measured */
    public Bench(Engine engine) {
        this(engine, System::nanoTime);
    }

    Bench(Engine engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** The parts' own times and the warm-up's, added up, in seconds: at most {@link #SECONDS}. */
    static double partsSeconds() {
        return WARM_UP_SECONDS + PARTS.stream().mapToDouble(Repeats.Limits::seconds).sum();
    }

    /**
     * Measures every part, telling {@code progress} which one runs.
     *
     * @throws CancellationException never from the trainer: a part's end is its own
     */
    public Result run(Plan plan, RunListener progress) {
        progress.progress(0, "warming up");
        long start = clock.getAsLong();
        long end = start + (long) (SECONDS * 1e9);
        long warmEnd = start + (long) (WARM_UP_SECONDS * 1e9);
        try {
            engine.warmUp(() -> clock.getAsLong() > warmEnd);
        } catch (CancellationException e) {
            // its time is up: the parts' own warm runs go on from where it stopped
        }
        Gemm gemm = Kernels.best(engine.pool());

        progress.progress(0.2, "matrix product");
        int n = plan.gemmSize();
        float[] a = random(n * n, 1);
        float[] b = random(n * n, 2);
        float[] c = new float[n * n];
        double gemmMillis = new Repeats(GEMM, clock, end).run(() -> gemm.mult(a, b, c, n, n, n)).medianMillis();

        progress.progress(0.35, "seed experiment");
        double pipelineMillis = new Repeats(PIPELINE, clock, end)
                .run(() -> engine.runner().run(plan.pipeline(), RunListener.NONE, () -> false)).medianMillis();

        progress.progress(0.6, "training step, seed size");
        Trainer trainer = engine.trainer(1);
        Dataset seedData = trainer.dataset(plan.seed(), plan.seedTrain());
        List<Long> rest = new ArrayList<>();
        double stepMillis = steps(trainer, plan.seed(), plan.seedTrain(), seedData, SEED_STEPS, 1, end,
                stepProducts(gemm, plan.seed(), plan.seedTrain(), seedData), rest).medianMillis();

        progress.progress(0.85, "training, Playground size");
        Dataset smallData = trainer.dataset(plan.small(), plan.smallTrain());
        double chunkMillis = steps(trainer, plan.small(), plan.smallTrain(), smallData, SMALL_CHUNKS, SMALL_CHUNK,
                end, null, null).medianMillis();
        progress.progress(1, "done");
        return new Result(gemm.name(), engine.threads(), gemmMillis, 2.0 * n * n * n / (gemmMillis * 1e6),
                pipelineMillis, stepMillis, Math.max(0, Repeats.medianMillis(rest)), SMALL_CHUNK * 1000 / chunkMillis);
    }

    /**
     * Trains the config's first strategy and times pieces of {@code every} steps between the trainer's reports, as
     * many as {@code limits} allow before {@code end}, then stops the training. With {@code between}, it runs and
     * times that after each piece, outside the piece's time, and adds each timed piece's time less it to
     * {@code less}: the step and what is subtracted from it are timed side by side, under the same load.
     *
     * @param between run after each piece, or null
     * @param less    gets a timed piece's time less {@code between}'s that follows it, in nanoseconds; or null
     * @throws IllegalStateException when the trainer reported no step
     */
    private Repeats steps(Trainer trainer, ExperimentConfig config, TrainConfig train, Dataset data,
                          Repeats.Limits limits, int every, long end, Runnable between, List<Long> less) {
        int steps = (limits.warm() + limits.max() + 2) * every;
        TrainConfig settings = train.withSteps(steps, steps);          // no evaluation between the first and last
        Repeats repeats = new Repeats(limits, clock, end);
        long[] last = {-1};
        AtomicBoolean stop = new AtomicBoolean();          // read by the pool's threads too, at each piece
        TrainListener listener = new TrainListener() {
            @Override
            public boolean wants(int stepsMade) {
                if (stepsMade % every == 0) {
                    long now = clock.getAsLong();
                    long piece = now - last[0];
                    int timed = repeats.count();
                    if (last[0] >= 0) {
                        repeats.add(piece);
                    }
                    if (between != null) {
                        between.run();
                        if (repeats.count() > timed) {
                            less.add(piece - (clock.getAsLong() - now));
                        }
                    }
                    stop.set(!repeats.another());         // and whether the piece that starts now is warm
                    last[0] = clock.getAsLong();
                }
                return false;
            }

            @Override
            public void snapshot(TrainResult snapshot) {
            }
        };
        try {
            trainer.train(config, settings, data, config.strategies().getFirst(), listener, stop::get);
        } catch (CancellationException e) {
            // the part has its runs
        }
        if (repeats.count() == 0) {
            throw new IllegalStateException("the trainer reported no steps to time");
        }
        return repeats;
    }

    /**
     * The matrix products of one training step of backpropagation through the config's network on the data set's
     * training rows (the full batch): for every layer l, Z_l = A_{l−1}·W_l forward, ∂L/∂W_l = A_{l−1}ᵀ·Δ_l
     * backward, and Δ_{l−1} = Δ_l·W_lᵀ for every layer but the first. The values do not matter; the shapes do.
     */
    static Runnable stepProducts(Gemm gemm, ExperimentConfig config, TrainConfig train, Dataset data) {
        int rows = train.rows(data.train().rows());
        int layers = config.depth() + 1;
        int[] units = new int[layers + 1];
        units[0] = data.inputs();
        for (int l = 1; l < layers; l++) {
            units[l] = config.width();
        }
        units[layers] = data.outputs();
        int widest = 0;
        for (int u : units) {
            widest = Math.max(widest, u);
        }
        float[] in = random(rows * widest, 3);
        float[] w = random(widest * widest, 4);
        float[] delta = random(rows * widest, 5);
        float[] out = new float[Math.max(rows, widest) * widest];
        return () -> {
            for (int l = 1; l <= layers; l++) {
                gemm.mult(in, w, out, rows, units[l - 1], units[l]);
            }
            for (int l = layers; l >= 1; l--) {
                gemm.multTransA(in, delta, out, units[l - 1], rows, units[l]);
                if (l > 1) {
                    gemm.multTransB(delta, w, out, rows, units[l], units[l - 1]);
                }
            }
        };
    }

    private static float[] random(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }
}
