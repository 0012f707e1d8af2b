/*
 * Run (JDK 25; the jmh profile compiles src/jmh/java with the tests, then runs JMH on the class path):
 *
 *   export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 *   mvn -Pjmh verify -DskipTests -Djmh.args="GemmBenchmark -f 1 -wi 3 -i 5"
 *
 * Without -Djmh.args, every benchmark in src/jmh/java runs, briefly (-f 1 -wi 3 -w 1s -i 5 -r 1s). jmh.args is
 * passed to org.openjdk.jmh.Main: a benchmark regexp, then options. Results also go to target/jmh-result.json.
 * GFLOP/s = 2·m·n·k / time: for 1000³, 2000 / (ms/op).
 */
package app.initscope.bench;

import java.util.SplittableRandom;
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

import app.initscope.core.linalg.BlasGemm;
import app.initscope.core.linalg.EjmlGemm;
import app.initscope.core.linalg.Gemm;
import app.initscope.core.linalg.VectorGemm;
import app.initscope.engine.ComputePool;

/** Float32 products of two 1000×1000 matrices: OpenBLAS (when present) and the Vector API kernel, on 1 and 2 threads. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBenchmark {

    @Param({"1000"})
    int size;

    @Param({"2", "1"})
    int threads;

    @Param({"blas", "vector"})
    String kernel;

    private float[] a;
    private float[] b;
    private float[] c;
    private ComputePool pool;
    private Gemm gemm;

    @Setup(Level.Trial)
    public void setUp() {
        a = random(size * size, 1);
        b = random(size * size, 2);
        c = new float[size * size];
        pool = new ComputePool(threads);             // the app's own pool: the caller works too
        gemm = kernel.equals("blas") ? new BlasGemm(pool) : new VectorGemm(pool);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public float[] mult() {
        gemm.mult(a, b, c, size, size, size);
        return c;
    }

    @Benchmark
    public float[] multTransA() {
        gemm.multTransA(a, b, c, size, size, size);
        return c;
    }

    @Benchmark
    public float[] multTransB() {
        gemm.multTransB(a, b, c, size, size, size);
        return c;
    }

    /** The EJML fallback (double, single-threaded) on the same product: slow, so few iterations. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @State(Scope.Benchmark)
    @Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "-Xmx2g"})
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 2)
    public static class Ejml {

        @Param({"1000"})
        int size;

        private float[] a;
        private float[] b;
        private float[] c;
        private final Gemm gemm = new EjmlGemm();

        @Setup(Level.Trial)
        public void setUp() {
            a = random(size * size, 1);
            b = random(size * size, 2);
            c = new float[size * size];
        }

        @Benchmark
        public float[] mult() {
            gemm.mult(a, b, c, size, size, size);
            return c;
        }
    }

    static float[] random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }
}
