package app.initscope.cli;

import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.train.Dataset;
import app.initscope.core.train.TrainCatalog;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainResult;
import app.initscope.export.TrainJsonReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The human-readable summary of {@code initscope train}: a row per strategy (and repetition) with the first and
 * the final losses, the test loss and accuracy, or the step the run diverged at.
 */
final class TrainTableReport {

    private TrainTableReport() {
    }

    static String format(ExperimentConfig c, TrainConfig t, Dataset data, List<List<TrainResult>> repeats,
                         List<Double> millis, int threads) {
        boolean classification = data.classification();
        boolean repeated = repeats.size() > 1;
        List<String> header = new ArrayList<>(List.of("strategy"));
        if (repeated) {
            header.add("repeat");
        }
        header.addAll(List.of("steps", "first loss", "final loss", "test loss"));
        if (classification) {
            header.add("test acc %");
        }
        header.add("");
        List<String[]> rows = new ArrayList<>();
        rows.add(header.toArray(String[]::new));
        long updates = 0;
        for (int k = 0; k < repeats.size(); k++) {
            for (TrainResult r : repeats.get(k)) {
                List<String> row = new ArrayList<>(List.of(r.strategy().id()));
                if (repeated) {
                    row.add(Integer.toString(k + 1));
                }
                updates += TrainJsonReport.updates(r);
                row.add(Integer.toString(TrainJsonReport.updates(r)));
                row.add(r.steps().isEmpty() ? "-" : TableReport.num(r.steps().get(0).loss()));
                row.add(TableReport.num(r.finalLoss()));
                row.add(TableReport.num(r.finalTestLoss()));
                if (classification) {
                    row.add(Double.isFinite(r.finalTestAccuracy())
                            ? String.format(Locale.ROOT, "%.1f", 100 * r.finalTestAccuracy()) : "-");
                }
                row.add(r.diverged() ? "diverged at step " + r.divergedAt() : "");
                rows.add(row.toArray(String[]::new));
            }
        }
        int columns = header.size();
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "InitScope train: %s (%d training, %d test rows), %s, lr %s, batch %s,"
                        + " %d steps, biases %s%nnetwork: %s, width %d, depth %d, seed %d%n%n", data.name(),
                data.train().rows(), data.test().rows(), t.optimizer().id(), TrainCatalog.LEARNING_RATE.text(t.lr()),
                TrainCatalog.BATCH.text(t.batch()), t.steps(), t.bias() ? "on" : "off", c.activation().label(),
                c.width(), c.depth(), c.seed()));
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                boolean left = i == 0 || i == columns - 1;
                String cell = row[i];
                String spaces = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(left ? cell + spaces : spaces + cell);
            }
            String text = line.toString().stripTrailing();
            sb.append(text).append(System.lineSeparator());
            if (r == 0) {
                sb.append("-".repeat(text.length())).append(System.lineSeparator());
            }
        }
        double total = millis.stream().mapToDouble(Double::doubleValue).sum();
        sb.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                "trained in %s ms (%d thread%s), %.0f steps/s%n",
                millis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m)).collect(Collectors.joining(", ")),
                threads, threads == 1 ? "" : "s", updates / (total / 1000)));
        return sb.toString();
    }
}
