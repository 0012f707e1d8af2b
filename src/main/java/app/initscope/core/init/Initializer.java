package app.initscope.core.init;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;
import app.initscope.core.nn.WeightFiller;

/**
 * Fills a weight matrix W of shape fanIn × fanOut (row-major; z = a·W, so a unit's inputs are a column).
 */
public interface Initializer extends WeightFiller {

    /**
     * Fills {@code w[0, fanIn·fanOut)}.
     *
     * @param w      Modified
     * @param stream the random stream for this matrix (see {@link RandomStreams})
     */
    @Override
    void fill(float[] w, int fanIn, int fanOut, RandomStreams random, long stream, Parallel parallel);

    /** E[w²], the second moment the mean-field theory uses (the variance for every zero-mean strategy). */
    double secondMoment(int fanIn, int fanOut);

    /** E[w]: zero for all but the constant strategy. */
    default double mean() {
        return 0.0;
    }

    /** N(0, std²), with std a function of the fans. */
    record Normal(FanFunction std) implements Initializer {
        @Override
        public void fill(float[] w, int fanIn, int fanOut, RandomStreams random, long stream, Parallel parallel) {
            random.fillGaussian(w, fanIn * fanOut, std.of(fanIn, fanOut), stream, parallel);
        }

        @Override
        public double secondMoment(int fanIn, int fanOut) {
            double s = std.of(fanIn, fanOut);
            return s * s;
        }
    }

    /** U(−bound, bound), with the bound a function of the fans; variance bound²/3. */
    record Uniform(FanFunction bound) implements Initializer {
        @Override
        public void fill(float[] w, int fanIn, int fanOut, RandomStreams random, long stream, Parallel parallel) {
            random.fillUniform(w, fanIn * fanOut, bound.of(fanIn, fanOut), stream, parallel);
        }

        @Override
        public double secondMoment(int fanIn, int fanOut) {
            double b = bound.of(fanIn, fanOut);
            return b * b / 3.0;
        }
    }

    /** Every weight equal to {@code value}. */
    record Constant(double value) implements Initializer {
        @Override
        public void fill(float[] w, int fanIn, int fanOut, RandomStreams random, long stream, Parallel parallel) {
            java.util.Arrays.fill(w, 0, fanIn * fanOut, (float) value);
        }

        @Override
        public double secondMoment(int fanIn, int fanOut) {
            return value * value;
        }

        @Override
        public double mean() {
            return value;
        }
    }

    /** A quantity computed from a layer's fans. */
    @FunctionalInterface
    interface FanFunction {
        double of(int fanIn, int fanOut);
    }
}
