package app.initscope.bench;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import app.initscope.engine.Engine;
import app.initscope.engine.ExperimentJob;
import app.initscope.engine.JobListener;
import app.initscope.engine.JobRunner;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a running experiment takes to stop after a cancel: each invocation starts the experiment (not
 * measured), waits until it is inside its forward pass plus a random 0–600 ms, and then measures from
 * {@code cancel()} to the job's end. Single-shot: the score is the latency itself. Sizes are
 * "fanIn×samples×width×depth"; the largest needs a heap of about 4 GB ({@code -jvmArgs -Xmx5g}).
 * The goal: under 100 ms at every size on 2 idle cores (measured some tens of ms); {@code ExperimentJobCancelTest}
 * checks the same stop in pieces of work instead, which a busy machine cannot fail.
 * Run with {@code mvn -Pjmh verify -DskipTests -Djmh.args="CancelLatencyBenchmark -f 1"}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@State(Scope.Benchmark)
public class CancelLatencyBenchmark {

    @Param({"1000x1000x1000x1", "1000x20000x1000x10", "2048x20000x2048x3", "4096x20000x4096x1"})
    public String size;

    @Param({"2"})
    public int threads;

    private Engine engine;
    private ExperimentConfig config;
    private final Random random = new Random(1);
    private CompletableFuture<Long> ended;
    private volatile boolean forward;
    private JobRunner<ExperimentConfig, ExperimentResult> jobs;

    @Setup(Level.Trial)
    public void setUp() {
        engine = new Engine(threads);
        engine.warmUp();
        String[] p = size.split("x");
        config = ExperimentConfig.builder().fanIn(Integer.parseInt(p[0])).samples(Integer.parseInt(p[1]))
                .width(Integer.parseInt(p[2])).depth(Integer.parseInt(p[3])).strategies(List.of(Strategy.values()))
                .build();
        jobs = engine.jobs(new ExperimentJob(engine), Runnable::run, new JobListener<>() {
            @Override
            public void progress(ExperimentConfig request, double fraction, String stage) {
                if (stage.contains("forward")) {
                    forward = true;
                }
            }

            @Override
            public void cancelled(ExperimentConfig request, boolean superseded) {
                ended.complete(System.nanoTime());
            }

            @Override
            public void finished(ExperimentConfig request, ExperimentResult result) {
                ended.complete(System.nanoTime());
            }

            @Override
            public void failed(ExperimentConfig request, Throwable error) {
                ended.completeExceptionally(error);
            }
        });
    }

    @Setup(Level.Invocation)
    public void startExperiment() throws InterruptedException {
        ended = new CompletableFuture<>();
        forward = false;
        jobs.submit(config);
        while (!forward) {
            Thread.sleep(1);
        }
        Thread.sleep(random.nextInt(600));
    }

    @Benchmark
    public long cancel() throws Exception {
        jobs.cancel();
        return ended.get(60, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }
}
