package app.initscope.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import app.initscope.engine.ComputePool;
import org.junit.jupiter.api.Test;

class RememberedNormalsTest {

    private static float[] fill(RandomStreams random, int n, double std, long stream, Parallel parallel) {
        float[] out = new float[n];
        random.fillGaussian(out, n, std, stream, parallel);
        return out;
    }

    @Test
    void rememberedStreamsGiveTheSameNumbersAtEveryStd() {
        RandomStreams plain = new RandomStreams(42);
        RandomStreams remembering = new RandomStreams(42).rememberingGaussians(64L << 20);
        int n = 3 * Chunks.SIZE + 17;
        try (ComputePool pool = new ComputePool(2)) {
            for (double std : new double[] {1e-4, 1.0, Math.sqrt(1.0 / 1000), 0.0}) {
                for (long stream : new long[] {101, 102}) {
                    assertArrayEquals(fill(plain, n, std, stream, Parallel.sequential()),
                            fill(remembering, n, std, stream, pool), "std " + std + ", stream " + stream);
                }
            }
            // a shorter draw of a stream is the start of the longer one, which holds it
            assertArrayEquals(fill(plain, 1000, 0.5, 101, pool), fill(remembering, 1000, 0.5, 101, pool));
        }
    }

    @Test
    void drawsBeyondTheBudgetAreDrawnAsUsual() {
        RandomStreams plain = new RandomStreams(7);
        RandomStreams remembering = new RandomStreams(7).rememberingGaussians(8L * 1000);
        for (int round = 0; round < 2; round++) {
            assertArrayEquals(fill(plain, 1000, 2.0, 5, Parallel.sequential()),
                    fill(remembering, 1000, 2.0, 5, Parallel.sequential()));
            assertArrayEquals(fill(plain, 5000, 3.0, 6, Parallel.sequential()),
                    fill(remembering, 5000, 3.0, 6, Parallel.sequential()));
        }
    }
}
