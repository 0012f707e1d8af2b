package app.initscope.cli;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.LayerResult;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The human-readable table of {@code initscope run}: a row per strategy × layer. */
final class TableReport {

    private static final String[] HEADER = {"strategy", "layer", "mean z", "std z", "theory std z", "mean a",
        "std a", "sat %", "zero %", "mean δ", "std δ", "mean dW", "std dW", "distinct", "loss"};

    private TableReport() {
    }

    static String format(ExperimentResult result, List<Double> millis, int threads) {
        ExperimentConfig c = result.config();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (StrategyResult r : result.results()) {
            for (LayerResult l : r.layers()) {
                Summary a = l.activation();
                rows.add(new String[] {r.strategy().id(), Integer.toString(l.layer()), num(l.z().mean()),
                    num(l.z().std()), num(l.theory().stdZ()), num(a.mean()), num(a.std()),
                    a.saturatedFraction() == null ? "-" : pct(a.saturatedFraction()), pct(a.zeroFraction()),
                    num(l.delta().mean()), num(l.delta().std()), num(l.weightGradient().mean()),
                    num(l.weightGradient().std()), l.distinctUnits() + "/" + l.fanOut(),
                    l.layer() == 1 ? num(r.loss()) : ""});
            }
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "InitScope: %s, fan_in %d, samples %d, width %d, depth %d, outputs %d,"
                        + " seed %d, %s input%n%n", c.activation().label(), c.fanIn(), c.samples(), c.width(),
                c.depth(), c.outputs(), c.seed(), c.input().id()));
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i < 2 ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (r == 0) {
                sb.append("-".repeat(line.toString().stripTrailing().length())).append(System.lineSeparator());
            }
        }
        for (StrategyResult r : result.results()) {
            if (r.jacobian() != null) {
                sb.append(String.format(Locale.ROOT, "%nJacobian %s (%d inputs): mean σ² %s, Var(λ) %s, σ max %s, "
                                + "σ min %s", r.strategy().id(), r.jacobian().inputs(),
                        num(r.jacobian().meanSquaredSingular()), num(r.jacobian().eigenVariance()),
                        num(r.jacobian().maxSingular()), num(r.jacobian().minSingular())));
                if (Double.isNaN(r.jacobian().meanSquaredSingular() + r.jacobian().minSingular())) {
                    sb.append(" ('-': J overflowed float32, or its SVD failed, at an input; the number does not "
                            + "exist)");
                }
            }
            if (!r.lsuvRounds().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%nLSUV rounds per layer: %s", r.lsuvRounds()));
            }
        }
        if (result.results().stream().anyMatch(r -> r.jacobian() != null || !r.lsuvRounds().isEmpty())) {
            sb.append(System.lineSeparator());
        }
        sb.append(System.lineSeparator()).append(String.format(Locale.ROOT, "computed in %s ms (%s, %d thread%s)%n",
                millis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m)).collect(Collectors.joining(", ")),
                result.kernel(), threads, threads == 1 ? "" : "s"));
        return sb.toString();
    }

    private static String pad(String s, int width, boolean left) {
        String spaces = " ".repeat(width - s.length());
        return left ? s + spaces : spaces + s;
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "-" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        return abs >= 1e-3 && abs < 1e5 ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.3e", v);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }
}
