package app.initscope.core.nn;

import app.initscope.core.linalg.Parallel;
import app.initscope.core.linalg.RandomStreams;

/**
 * What {@link Network#initialize} needs of an initializer: a way to fill one weight matrix. The strategies of
 * {@code core.init} implement it, so that {@code core.init} depends on {@code core.nn} and never the reverse.
 */
@FunctionalInterface
public interface WeightFiller {

    /**
     * Fills {@code w[0, fanIn·fanOut)}, a fanIn × fanOut matrix, row-major.
     *
     * @param w      Modified
     * @param random Not modified
     * @param stream the random stream for this matrix (see {@link RandomStreams})
     */
    void fill(float[] w, int fanIn, int fanOut, RandomStreams random, long stream, Parallel parallel);
}
