package app.initscope.bench;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.ExperimentRunner;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.Network;
import app.initscope.engine.Engine;
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
 * The whole experiment at the seed size (1000 samples × fan_in 1000 × width 1000, tanh): one strategy's
 * pipeline (initialize, forward, backward, statistics and histograms of all five tensors, distinct units,
 * theory), and the five seed strategies end to end as {@code initscope run} does them (allocation and data
 * included). Run with the command in {@link GemmBenchmark}'s header.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PipelineBenchmark {

    @Param({"2"})
    public int threads;

    private Engine engine;
    private ExperimentRunner runner;
    private ExperimentConfig config;
    private ExperimentConfig sliderConfig;
    private ExperimentConfig twelveConfig;
    private Network network;
    private RandomStreams random;

    @Setup(Level.Trial)
    public void setUp() {
        engine = new Engine(threads);
        runner = engine.runner();
        config = ExperimentConfig.defaults();
        sliderConfig = config.toBuilder().fanIn(999).strategies(java.util.List.of(Strategy.XAVIER)).build();
        twelveConfig = config.toBuilder().strategies(java.util.Arrays.stream(Strategy.values())
                .filter(s -> s != Strategy.LSUV).toList()).build();
        network = runner.newNetwork(config);
        random = new RandomStreams(config.seed());
        network.drawData(random, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** One strategy (Xavier), everything after the data is drawn. Target: ≤ 30 ms. */
    @Benchmark
    public StrategyResult oneStrategy() {
        return runner.runStrategy(config, network, random, Strategy.XAVIER, RunListener.NONE, () -> false);
    }

    /**
     * What a slider change costs before the first histogram can be drawn: a new config (fan_in 999) from scratch,
     * allocation and data included, to the visible strategy's result. Target: well under the 100 ms a change may
     * take on screen.
     */
    @Benchmark
    public ExperimentResult sliderChangeToFirstStrategy() {
        return runner.run(sliderConfig, RunListener.NONE, () -> false);
    }

    /** The five seed strategies, from config to result. Target: ≤ 150 ms. */
    @Benchmark
    public ExperimentResult fiveSeedStrategies() {
        return runner.run(config, RunListener.NONE, () -> false);
    }

    /**
     * The window's request: the twelve fixed-rule strategies at the seed size, from config to result. Run with
     * {@code -prof gc}: its gc.alloc.rate.norm is the allocation per request (the goal is under 100 MB).
     */
    @Benchmark
    public ExperimentResult twelveStrategies() {
        return runner.run(twelveConfig, RunListener.NONE, () -> false);
    }
}
