package app.initscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import app.initscope.core.train.EvalRecord;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV of the Train view's series: one row per value, every series, empty cells for what is not finite. */
class TrainSeriesCsvTest {

    private static LayerStep layer(int l, double ratio) {
        return new LayerStep(l, 0.5, 0.01, ratio, 0.7, 0.1, 0, 3);
    }

    @Test
    void everySeriesIsThereOncePerStepLayerAndEvaluation() {
        List<StepRecord> steps = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            steps.add(new StepRecord(s, 2.0 / (s + 1), 0.25 * s, List.of(layer(1, -3 - s), layer(2,
                    Double.NEGATIVE_INFINITY))));
        }
        List<EvalRecord> evals = List.of(new EvalRecord(0, 2.5, 0.1, List.of()),
                new EvalRecord(4, 0.5, 0.9, List.of()));
        TrainResult r = new TrainResult(Strategy.XAVIER, steps, evals, -1, 0.4, 0.5, 0.9, true, 1, null);
        String csv = TrainSeriesCsv.of(List.of(r));
        List<String[]> rows = csv.lines().skip(1).map(l -> l.split(",", -1)).toList();
        assertEquals(TrainSeriesCsv.HEADER, csv.lines().findFirst().orElseThrow());
        assertTrue(rows.stream().allMatch(c -> c.length == 5 && c[0].equals("xavier")));
        assertEquals(4, count(rows, "loss"));
        assertEquals(4, count(rows, "accuracy"));
        assertEquals(2, count(rows, "testLoss"));
        assertEquals(2, count(rows, "testAccuracy"));
        assertEquals(8, count(rows, "updateToData"), "4 steps × 2 layers");
        String[] loss2 = rows.stream().filter(c -> c[1].equals("loss") && c[3].equals("2")).findFirst()
                .orElseThrow();
        assertEquals(2.0 / 3, Double.parseDouble(loss2[4]), 0);
        assertEquals("", loss2[2], "no layer for the loss");
        String[] ratio = rows.stream().filter(c -> c[1].equals("updateToData") && c[2].equals("1")
                && c[3].equals("3")).findFirst().orElseThrow();
        assertEquals(-6, Double.parseDouble(ratio[4]));
        assertTrue(rows.stream().filter(c -> c[1].equals("updateToData") && c[2].equals("2"))
                .allMatch(c -> c[4].isEmpty()), "−∞ (nothing moved) is an empty cell");
    }

    private static long count(List<String[]> rows, String series) {
        return rows.stream().filter(c -> c[1].equals(series)).count();
    }
}
