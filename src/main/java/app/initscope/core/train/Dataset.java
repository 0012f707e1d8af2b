package app.initscope.core.train;

/**
 * A data set split into training and test rows. For classification the targets are class labels; for regression
 * they are real rows of {@code outputs} values. Its arrays are shared, not copied: nobody modifies them.
 *
 * @param name    the data set's id
 * @param inputs  columns of X
 * @param outputs the number of classes, or the target columns of a regression
 * @param classification whether the loss is softmax cross-entropy (else MSE)
 */
public record Dataset(String name, int inputs, int outputs, boolean classification, Split train, Split test) {

    /**
     * Rows of one part of a data set.
     *
     * @param x       rows × inputs, row-major
     * @param targets rows × outputs for a regression, else null
     * @param labels  the class of each row for a classification, else null
     */
    public record Split(int rows, float[] x, float[] targets, int[] labels) {
    }
}
