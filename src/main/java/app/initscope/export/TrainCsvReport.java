package app.initscope.export;

import app.initscope.core.stats.Summary;
import app.initscope.core.train.EvalLayer;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainResult;
import java.util.List;
import java.util.Locale;

/**
 * The long CSV of {@code initscope train --format csv}: one table, a header, and a {@code record} column that says
 * which fields a row fills (the others are empty):
 * <ul>
 *   <li>{@code step}: a row per step × hidden layer with the step's {@code loss}, {@code accuracy} and the layer's
 *       {@code weightStd, gradToData, updateToData, activationStd, saturatedFraction, zeroFraction,
 *       distinctUnits}; a diverged step has one row without a layer;</li>
 *   <li>{@code eval}: a row per evaluation × hidden layer × tensor ({@code z}, {@code activation}, {@code delta})
 *       with {@code testLoss}, {@code testAccuracy} and the tensor's {@code count, mean, std, min, max, nonFinite,
 *       zeroFraction, saturatedFraction} on the test set;</li>
 *   <li>{@code final}: a row per strategy with {@code step} = the updates made, the whole training set's
 *       {@code loss}, {@code testLoss}, {@code testAccuracy} and {@code divergedAt}.</li>
 * </ul>
 * Every row starts with {@code repeat} (from 1) and {@code strategy}. Numbers use a dot and full precision; a value
 * that does not exist or is not finite (an accuracy of a regression, a diverged loss) is an empty field.
 */
public final class TrainCsvReport {

    /** The header row. */
    public static final String HEADER = "repeat,strategy,record,step,layer,tensor,loss,accuracy,weightStd,"
            + "gradToData,updateToData,activationStd,saturatedFraction,zeroFraction,distinctUnits,testLoss,"
            + "testAccuracy,count,mean,std,min,max,nonFinite,divergedAt";

    /** The tensors of an evaluation's rows, in order. */
    private static final List<String> TENSORS = List.of("z", "activation", "delta");

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private TrainCsvReport() {
    }

    /** The whole table, with a trailing newline; {@code repeats} holds each repetition's results in order. */
    public static String toCsv(List<List<TrainResult>> repeats) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int k = 0; k < repeats.size(); k++) {
            for (TrainResult r : repeats.get(k)) {
                String id = r.strategy().id();
                int repeat = k + 1;
                for (StepRecord s : r.steps()) {
                    if (s.layers().isEmpty()) {
                        Row row = new Row(repeat, id, "step", s.step());
                        row.set("loss", num(s.loss())).set("accuracy", num(s.accuracy()));
                        sb.append(row);
                    }
                    for (LayerStep l : s.layers()) {
                        Row row = new Row(repeat, id, "step", s.step());
                        row.set("layer", Integer.toString(l.layer())).set("loss", num(s.loss()))
                                .set("accuracy", num(s.accuracy())).set("weightStd", num(l.weightStd()))
                                .set("gradToData", num(l.gradToData())).set("updateToData", num(l.updateToData()))
                                .set("activationStd", num(l.activationStd()))
                                .set("saturatedFraction", num(l.saturatedFraction()))
                                .set("zeroFraction", num(l.zeroFraction()))
                                .set("distinctUnits", Integer.toString(l.distinctUnits()));
                        sb.append(row);
                    }
                }
                for (EvalRecord e : r.evals()) {
                    if (e.layers().isEmpty()) {
                        sb.append(new Row(repeat, id, "eval", e.step()).set("testLoss", num(e.testLoss()))
                                .set("testAccuracy", num(e.testAccuracy())));
                    }
                    for (EvalLayer l : e.layers()) {
                        for (String tensor : TENSORS) {
                            Summary t = switch (tensor) {
                                case "z" -> l.z();
                                case "activation" -> l.activation();
                                default -> l.delta();
                            };
                            sb.append(new Row(repeat, id, "eval", e.step()).set("layer", Integer.toString(l.layer()))
                                    .set("tensor", tensor).set("testLoss", num(e.testLoss()))
                                    .set("testAccuracy", num(e.testAccuracy()))
                                    .set("count", Long.toString(t.count())).set("mean", num(t.mean()))
                                    .set("std", num(t.std())).set("min", num(t.min())).set("max", num(t.max()))
                                    .set("nonFinite", Long.toString(t.nonFinite()))
                                    .set("zeroFraction", num(t.zeroFraction()))
                                    .set("saturatedFraction", t.saturatedFraction() == null ? ""
                                            : num(t.saturatedFraction())));
                        }
                    }
                }
                Row fin = new Row(repeat, id, "final", TrainJsonReport.updates(r));
                fin.set("loss", num(r.finalLoss())).set("testLoss", num(r.finalTestLoss()))
                        .set("testAccuracy", num(r.finalTestAccuracy()))
                        .set("divergedAt", r.diverged() ? Integer.toString(r.divergedAt()) : "");
                sb.append(fin);
            }
        }
        return sb.toString();
    }

    /** One row being filled, printed as CSV with a newline. */
    private static final class Row {
        private final String[] cells = new String[COLUMNS.size()];

        Row(int repeat, String strategy, String record, int step) {
            java.util.Arrays.fill(cells, "");
            cells[0] = Integer.toString(repeat);
            cells[1] = strategy;
            cells[2] = record;
            cells[3] = Integer.toString(step);
        }

        Row set(String column, String value) {
            int i = COLUMNS.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            cells[i] = value;
            return this;
        }

        @Override
        public String toString() {
            return String.join(",", cells) + "\n";
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%s", v) : "";
    }
}
