package app.initscope.core.train;

/**
 * A 2-D classifier's decision regions on a square grid over its training points, and the points themselves.
 * Cell (i, j) is centred at x = xLo + (j + ½)(xHi − xLo)/size, y = yLo + (i + ½)(yHi − yLo)/size; row i = 0 is the
 * bottom. The point arrays are the data set's own: nobody modifies them.
 *
 * @param predicted   size × size classes, row-major: {@code predicted[i * size + j]}
 * @param pointsX     the training points, rows × 2, row-major
 * @param pointLabels the training points' classes
 */
public record Boundary(double xLo, double xHi, double yLo, double yHi, int size, int classes, int[] predicted,
                       float[] pointsX, int[] pointLabels) {

    /** The class predicted in row i (from the bottom), column j. */
    public int at(int i, int j) {
        return predicted[i * size + j];
    }
}
