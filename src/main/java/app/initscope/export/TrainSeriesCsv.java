package app.initscope.export;

import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainResult;
import java.util.List;

/**
 * Every series of the Train view as CSV, one value per row, so that a spreadsheet can pivot or plot any of them:
 * {@code strategy,series,layer,step,value}. The series are the training batch's {@code loss} and
 * {@code accuracy} (classification) at every step, the test set's {@code testLoss} and {@code testAccuracy}
 * (classification) at every evaluation, and per hidden layer at every step the {@code updateToData} ratio
 * (log10), {@code gradToData}, {@code weightStd}, {@code activationStd} and {@code distinctUnits}. The layer is
 * empty for the series that have none; a value that is NaN or infinite (a diverged step, a ratio of nothing that
 * moved) is empty.
 */
public final class TrainSeriesCsv {

    /** The header line. */
    public static final String HEADER = "strategy,series,layer,step,value";

    private TrainSeriesCsv() {
    }

    /** The CSV text of the strategies' series, in the given order. */
    public static String of(List<TrainResult> results) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (TrainResult r : results) {
            String id = r.strategy().id();
            for (StepRecord step : r.steps()) {
                row(s, id, "loss", -1, step.step(), step.loss());
                if (!Double.isNaN(step.accuracy())) {
                    row(s, id, "accuracy", -1, step.step(), step.accuracy());
                }
            }
            for (EvalRecord e : r.evals()) {
                row(s, id, "testLoss", -1, e.step(), e.testLoss());
                if (!Double.isNaN(e.testAccuracy())) {
                    row(s, id, "testAccuracy", -1, e.step(), e.testAccuracy());
                }
            }
            for (StepRecord step : r.steps()) {
                for (LayerStep l : step.layers()) {
                    row(s, id, "updateToData", l.layer(), step.step(), l.updateToData());
                }
            }
            for (StepRecord step : r.steps()) {
                for (LayerStep l : step.layers()) {
                    row(s, id, "gradToData", l.layer(), step.step(), l.gradToData());
                    row(s, id, "weightStd", l.layer(), step.step(), l.weightStd());
                    row(s, id, "activationStd", l.layer(), step.step(), l.activationStd());
                    row(s, id, "distinctUnits", l.layer(), step.step(), l.distinctUnits());
                }
            }
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String strategy, String series, int layer, int step, double value) {
        s.append(strategy).append(',').append(series).append(',');
        if (layer >= 0) {
            s.append(layer);
        }
        s.append(',').append(step).append(',');
        if (Double.isFinite(value)) {
            s.append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value));
        }
        s.append('\n');
    }
}
