package app.initscope.export;

import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.stats.Summary;
import java.util.Locale;

/**
 * A row per strategy × layer × tensor, with a header. Numbers use a dot and full precision; a value that does
 * not exist (saturation of a tensor other than the activation, a mean of no values) is an empty field.
 */
public final class CsvReport {

    /** The header row. */
    public static final String HEADER = "strategy,layer,tensor,count,mean,std,min,max,nonFinite,zeroFraction,"
            + "saturatedFraction,distinctUnits,theoryStdZ,loss";

    private CsvReport() {
    }

    /** The whole table, with a trailing newline. */
    public static String toCsv(ExperimentResult result) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (StrategyResult r : result.results()) {
            for (LayerResult l : r.layers()) {
                for (TensorKind kind : TensorKind.values()) {
                    Summary s = l.get(kind);
                    sb.append(r.strategy().id()).append(',').append(l.layer()).append(',').append(kind.id())
                            .append(',').append(s.count())
                            .append(',').append(num(s.mean())).append(',').append(num(s.std()))
                            .append(',').append(num(s.min())).append(',').append(num(s.max()))
                            .append(',').append(s.nonFinite()).append(',').append(num(s.zeroFraction()))
                            .append(',').append(s.saturatedFraction() == null ? "" : num(s.saturatedFraction()))
                            .append(',').append(l.distinctUnits())
                            .append(',').append(num(l.theory().stdZ()))
                            .append(',').append(num(r.loss())).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%s", v) : "";
    }
}
