package app.initscope.render;

import app.initscope.core.init.Strategy;
import app.initscope.core.train.LayerStep;
import app.initscope.core.train.StepRecord;
import app.initscope.core.train.TrainResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training's line charts, each a {@link ChartFrame}: the loss of every strategy on a log axis, the test
 * accuracy (and, when asked, each step's batch accuracy, dashed), and the update:data ratio (log10) per strategy
 * or per layer with the 10⁻³ guide. Curves that lie on one another (Zero's and Small's loss at ln 10) are both
 * shown, and the legend says so.
 */
final class TrainCharts {

    static final Rgba WARN = Rgba.web("#b00020");

    private TrainCharts() {
    }

    private static ChartFrame frame(String title, int steps, ChartAxis y, List<ChartFrame.Series> lines) {
        return ChartFrame.of(ChartFrame.Style.TRAIN, title, ChartAxis.steps(steps), y).withSeries(lines)
                .markingOverlap();
    }

    static ChartFrame loss(List<TrainResult> all, int steps) {
        List<ChartFrame.Series> lines = new ArrayList<>();
        for (TrainResult r : all) {
            double[] xs = new double[r.steps().size()];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                StepRecord s = r.steps().get(i);
                xs[i] = s.step();
                ys[i] = s.loss();
            }
            String label = r.strategy().label() + (r.diverged() ? " ✕ step " + r.divergedAt() : "");
            // a loss that never moves (Zero without biases) is said in words
            boolean constant = ys.length > 1 && Arrays.stream(ys).allMatch(v -> v == ys[0]);
            ChartFrame.Series line = ChartFrame.Series.line(constant ? label + " (constant)" : label,
                    Palette.of(r.strategy()), xs, ys);
            lines.add(r.diverged() ? line.withLabelInk(WARN) : line);
        }
        return frame("Training loss (log scale)", steps, ChartAxis.log(null), lines);
    }

    /** The test accuracy of every strategy, with each step's batch accuracy (faint, dashed) when {@code batch}. */
    static ChartFrame accuracy(List<TrainResult> all, int steps, boolean batch) {
        List<ChartFrame.Series> lines = new ArrayList<>();
        for (TrainResult r : all) {
            Rgba c = Palette.of(r.strategy());
            double[] xs = new double[r.evals().size()];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = r.evals().get(i).step();
                ys[i] = r.evals().get(i).testAccuracy();
            }
            lines.add(ChartFrame.Series.line(r.strategy().label(), c, xs, ys));
            if (batch) {
                double[] sx = new double[r.steps().size()];
                double[] sy = new double[sx.length];
                for (int i = 0; i < sx.length; i++) {
                    sx[i] = r.steps().get(i).step();
                    sy[i] = r.steps().get(i).accuracy();
                }
                lines.add(ChartFrame.Series.line(null, c.fade(0.45), sx, sy).styled(1.2, 4, 3));
            }
        }
        return frame(batch ? "Accuracy (test; dashed: batch)" : "Accuracy (test)", steps,
                ChartAxis.fixed(0, 1, null).withTicks(ChartAxis.TickRule.NICE, ChartAxis.TickFormat.PERCENT, 40),
                lines);
    }

    /** The update:data ratio of one layer for every strategy (chosen null), or of every layer of one. */
    static ChartFrame ratio(List<TrainResult> all, Strategy chosen, int layer, int steps) {
        List<ChartFrame.Series> lines = new ArrayList<>();
        String title;
        if (chosen == null) {
            title = "Update:data ratio, layer " + layer + " (log10)";
            for (TrainResult r : all) {
                lines.add(ratioLine(r, layer, r.strategy().label(), Palette.of(r.strategy())));
            }
        } else {
            TrainResult r = TrainFigures.focus(all, chosen);
            title = "Update:data ratio of " + r.strategy().label() + " by layer (log10)";
            int depth = r.steps().isEmpty() ? 0 : r.steps().getFirst().layers().size();
            Rgba base = Palette.of(r.strategy());
            for (int l = 1; l <= depth; l++) {
                double t = depth == 1 ? 0 : (double) (l - 1) / (depth - 1);
                lines.add(ratioLine(r, l, "layer " + l, base.mix(ChartFrame.INK, 0.6 * t)));
            }
        }
        double g = TrainFigures.GUIDE;
        return frame(title, steps, ChartAxis.powersOfTen(null).including(g - 0.5, g + 0.5), lines)
                .withGuides(List.of(new ChartFrame.Guide(false, g, ChartAxis.powerLabel(g), WARN, 1.2,
                        new double[] {6, 4}, ChartFrame.Style.TRAIN.text())));
    }

    private static ChartFrame.Series ratioLine(TrainResult r, int layer, String label, Rgba color) {
        double[] xs = new double[r.steps().size()];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            StepRecord s = r.steps().get(i);
            xs[i] = s.step();
            List<LayerStep> ls = s.layers();
            ys[i] = layer <= ls.size() ? ls.get(layer - 1).updateToData() : Double.NaN;
        }
        boolean moved = false;
        for (double v : ys) {
            moved |= !(Double.isInfinite(v) && v < 0);
        }
        return ChartFrame.Series.line(moved || ys.length == 0 ? label : label + " (no update)", color, xs, ys);
    }
}
