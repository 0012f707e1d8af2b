package app.initscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.RunListener;
import app.initscope.core.experiment.StrategyResult;
import app.initscope.core.settings.Setting;
import app.initscope.render.ViewCatalog;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tour's steps on residual branches and BatchNorm quote live numbers; run at the steps' own settings, those
 * numbers are the theory's: std(a) grows ×√2 per block at α = 1 (×2^9.5 ≈ 724 over 20 blocks), and with BatchNorm
 * the weight gradient grows about ×√(π/(π−1)) ≈ 1.21 per layer going back (Yang et al. 2019). Both steps turn the
 * depth view's "with and without" on, which their captions describe.
 */
class TourNormCaptionTest {

    private static String filled(String title) {
        Tour.Step step = Tour.bundled().steps().stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow();
        assertTrue(step.view().get(ViewCatalog.WITH_AND_WITHOUT), title + ": the dashed lines it talks about show");
        ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
        for (Map.Entry<Setting<?>, Object> e : step.config().entrySet()) {
            set(b, e.getKey(), e.getValue());
        }
        ExperimentConfig c = b.build();
        StrategyResult r = TestRunners.runner(2).run(c, RunListener.NONE, () -> false).find(step.strategy())
                .orElseThrow();
        String caption = Tour.caption(step, r);
        assertTrue(!caption.contains("{"), "every placeholder filled: " + caption);
        return caption;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(ExperimentConfig.Builder b, Setting<T> s, Object value) {
        b.set(s, (T) value);
    }

    private static double number(String caption, String regex) {
        Matcher m = Pattern.compile(regex).matcher(caption);
        assertTrue(m.find(), regex + " in: " + caption);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theResidualStepQuotesTheDoublingPerBlock() {
        String caption = filled("Residual connections: the variance adds up");
        double growth = number(caption, "×([0-9.]+) from block 1 to block 20");
        assertEquals(Math.pow(2, 9.5), growth, Math.pow(2, 9.5) * 0.3, caption);
    }

    @Test
    void theBatchNormStepQuotesTheGradientsGrowthPerLayer() {
        String caption = filled("BatchNorm's gradient explosion");
        double perLayer = number(caption, "grows by ×([0-9.]+) per layer");
        assertEquals(Math.sqrt(Math.PI / (Math.PI - 1)), perLayer, 0.06, caption);
        double overall = number(caption, "×([0-9.]+) over the network");
        assertEquals(perLayer, Math.pow(overall, 1.0 / 29), 0.005, "the per-layer figure is the overall one's "
                + "29th root, to its two decimals: " + caption);
    }
}
