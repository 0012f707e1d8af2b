package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.experiment.TensorKind;
import app.initscope.core.init.Strategy;
import app.initscope.core.linalg.Kernels;
import app.initscope.core.nn.Activation;
import app.initscope.core.train.DatasetId;
import app.initscope.core.train.TrainConfig;
import app.initscope.core.train.TrainListener;
import app.initscope.core.train.TrainResult;
import app.initscope.core.train.Trainer;
import app.initscope.engine.ComputePool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Defect 8: at 1280×720 texts were cut off: the decision regions' titles ("Small · test 8…"), the heat map's last
 * step tick ("100(") and its caption ("… shaded by count"), and the depth view's headers ("layer 1 ·…"). Each
 * figure is laid out at the size the window gives it (the Train figure 978 × 560, the depth figure 996 × 432)
 * and every text must be drawn whole: not cut with an ellipsis, inside the figure, and not painted over later.
 */
class WindowFitTest {

    /** Every text of a figure painted at w × h that is cut, outside the figure, or covered by a later fill. */
    static List<String> cut(Figure f, double w, double h) {
        RecordingPen pen = new RecordingPen();
        f.paint(pen, w, h);
        List<String> bad = new ArrayList<>();
        List<RecordingPen.Mark> marks = pen.marks;
        for (int i = 0; i < marks.size(); i++) {
            if (!(marks.get(i) instanceof RecordingPen.Text t)) {
                continue;
            }
            if (t.text().endsWith("…")) {
                bad.add("'" + t.text() + "' is cut");
            }
            if (!t.rotated() && (t.left() < -0.5 || t.right() > w + 0.5)) {
                bad.add("'" + t.text() + "' spans " + t.left() + ".." + t.right() + " of " + w);
            }
            for (RecordingPen.Mark later : marks.subList(i + 1, marks.size())) {
                if (!t.rotated() && later instanceof RecordingPen.Rect r && r.colour().opacity() == 1
                        && r.x() < t.right() - 1 && t.left() + 1 < r.x() + r.w() && r.y() < t.bottom() - 1
                        && t.top() + 1 < r.y() + r.h()) {
                    bad.add("'" + t.text() + "' is painted over by " + r);
                    break;
                }
            }
        }
        return bad;
    }

    /**
     * On the moons the heat map shares its row with the decision regions; on the teacher it spans the figure,
     * and its last step tick reached past the canvas.
     */
    @ParameterizedTest
    @EnumSource(value = DatasetId.class, names = {"MOONS", "TEACHER"})
    void everyTextOfTheTrainFigureIsWholeAtTheWindowsSize(DatasetId data) {
        ExperimentConfig config = ExperimentConfig.builder().activation(Activation.TANH).fanIn(20).samples(100)
                .width(16).depth(2).seed(3).strategies(Strategy.SEED).build();
        TrainConfig train = TrainConfig.defaults().withDataset(data).withBatch(32).withSteps(1000, 100);
        List<TrainResult> results;
        try (ComputePool pool = new ComputePool(2)) {
            Trainer t = new Trainer(Kernels::best, pool, 1);
            results = config.strategies().stream().map(s -> t.train(config, train, s, TrainListener.NONE,
                    () -> false)).toList();
        }
        Figure f = TrainFigures.figure(config, train, results, TrainFigures.Options.DEFAULT);
        List<String> bad = cut(f, 978, 560);
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void everyHeaderOfTheDepthFigureIsWholeAtTheWindowsSizeDuringAPreview() {
        ExperimentResult full = TestRunners.run(ExperimentConfig.builder().fanIn(100).samples(100).width(50)
                .depth(10).strategies(Strategy.SEED).build());
        ExperimentResult preview = new ExperimentResult(full.config(), full.results(), full.kernel(), true);
        Figure f = Figures.depth(preview, Strategy.XAVIER, Strategy.SEED, new Figures.Options(1, TensorKind.DELTA,
                false, true, false, false));
        List<String> bad = cut(f, 996, 432);
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
