/*
 * Run (JDK 25):
 *
 *   export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 *   mvn -B -o -Pjmh verify -DskipTests -Djmh.args="PhaseGridBenchmark -f 1 -wi 2 -i 3"
 *
 * The phase diagram of the window's Phase tab and of `initscope theory --grid`: a 200 × 200 grid over
 * σ_w² ∈ [0.5, 5] × σ_b² ∈ [0, 0.5], for tanh (quadrature) and ReLU (closed forms), on 1 and 2 threads.
 */
package app.initscope.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

import app.initscope.core.nn.Activation;
import app.initscope.core.theory.MeanField;
import app.initscope.engine.ComputePool;

/** MeanField.grid(200) on the app's compute pool. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class PhaseGridBenchmark {

    @Param({"tanh", "relu"})
    String activation;

    @Param({"1", "2"})
    int threads;

    @Param({"200"})
    int size;

    private MeanField theory;
    private ComputePool pool;

    @Setup(Level.Trial)
    public void setUp() {
        theory = new MeanField(Activation.fromId(activation), 0.01);
        pool = new ComputePool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public List<MeanField.Point> grid() {
        return theory.grid(size, pool);
    }
}
