package app.initscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.TestRunners;
import app.initscope.core.experiment.ExperimentConfig;
import app.initscope.core.experiment.ExperimentResult;
import app.initscope.core.init.Strategy;
import app.initscope.core.stats.Histogram;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Defect 8: the compare grid's shared linear axes turned Xavier into one or two bars once Large was in the grid.
 * A shared symlog axis (and each row's own axis) keeps Xavier's shape, and the figure says which mode is in force.
 * These run with no toolkit at all: the figure is drawn through the SVG pen, measured with AWT.
 */
class CompareAxesTest {

    private static ExperimentResult result;

    @BeforeAll
    static void compute() {
        // the seed's fan-in of 1000: Large's z has std √1000 ≈ 32, Xavier's about 1
        result = TestRunners.run(ExperimentConfig.builder().fanIn(1000).samples(200).width(200).depth(1)
                .strategies(List.of(Strategy.LARGE, Strategy.XAVIER)).bins(60).build());
    }

    private static Figure compare(AxisMode mode) {
        return Figures.compare(result, List.of(Strategy.LARGE, Strategy.XAVIER),
                Figures.Options.DEFAULT.withCompareAxes(mode));
    }

    private static HistogramChart.Data xavierZ(Figure f) {
        return f.panels().stream().filter(p -> p.strategy().equals("xavier") && p.tensor().equals("z"))
                .findFirst().orElseThrow().data();
    }

    private static int nonEmptyBars(Histogram h) {
        int n = 0;
        for (int i = 0; i < h.bins(); i++) {
            n += h.count(i) > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void xavierBesideLargeSpansManyBarsOnASharedSymlogAxisButFewOnASharedLinearOne() {
        int linear = nonEmptyBars(xavierZ(compare(AxisMode.SHARED_LINEAR)).histogram());
        int symlog = nonEmptyBars(xavierZ(compare(AxisMode.SHARED_SYMLOG)).histogram());
        assertTrue(linear <= 12, "shared linear squeezes Xavier: " + linear + " bars");
        assertTrue(symlog >= 20, "shared symlog shows Xavier's shape: " + symlog + " bars");
    }

    @Test
    void aSharedSymlogColumnHasOneAxisAndKeepsEveryCount() {
        Figure f = compare(AxisMode.SHARED_SYMLOG);
        HistogramChart.Data xavier = xavierZ(f);
        HistogramChart.Data large = f.panels().stream().filter(p -> p.strategy().equals("large")
                && p.tensor().equals("z")).findFirst().orElseThrow().data();
        assertEquals(xavier.scale(), large.scale(), "one scale for the column");
        assertEquals(xavier.histogram().lo(), large.histogram().lo());
        assertEquals(xavier.histogram().hi(), large.histogram().hi());
        Histogram own = xavier.summary().histogram();
        assertEquals(own.total(), xavier.histogram().total(), "re-binning loses no value");
        // the threshold is the smallest std of the column: Xavier's, about 1
        assertEquals(xavier.summary().std(), xavier.scale().linthresh(), 1e-12);
        // the edges are axis positions; in data units they span the union of the rows' ranges
        assertEquals(Math.min(own.lo(), large.summary().histogram().lo()), xavier.edge(0), 1e-9);
    }

    @Test
    void eachRowsOwnAxisIsTheRowsOwnHistogram() {
        Figure f = compare(AxisMode.PER_ROW);
        HistogramChart.Data xavier = xavierZ(f);
        assertEquals(xavier.summary().histogram(), xavier.histogram());
        assertEquals(AxisScale.LINEAR, xavier.scale());
    }

    @Test
    void theExportedFigureSaysWhichAxisModeIsInForce() {
        for (AxisMode mode : AxisMode.values()) {
            SvgPen pen = new SvgPen(1600, 400, AwtTextMeasure.INSTANCE);
            compare(mode).paint(pen);
            String svg = pen.toSvg();
            assertTrue(svg.contains(">" + mode.label()), mode + " is named in the header");
            for (AxisMode other : AxisMode.values()) {
                if (other != mode) {
                    assertTrue(!svg.contains(">" + other.label()), other + " is not named under " + mode);
                }
            }
        }
    }

    @Test
    void symlogMapsZeroToZeroIsOddAndInvertsItself() {
        AxisScale s = AxisScale.symlog(0.01);
        assertEquals(0, s.toAxis(0));
        assertEquals(1, s.toAxis(0.09), 1e-12, "log10(1 + 0.09/0.01) = 1");
        assertEquals(-s.toAxis(3.5), s.toAxis(-3.5));
        for (double x : new double[] {-1e4, -2, -1e-3, 0, 5e-5, 0.7, 123}) {
            assertEquals(x, s.toData(s.toAxis(x)), 1e-9 * Math.max(1, Math.abs(x)));
        }
        // dx/du agrees with a finite difference of toData
        double u = 1.3;
        assertEquals((s.toData(u + 1e-6) - s.toData(u - 1e-6)) / 2e-6, s.dataPerAxis(u), 1e-4);
    }

    @Test
    void rebinningOntoASymlogAxisPutsEachCountWhereItsValueIs() {
        // 100 values in [4.8, 6), 10 in [−6, −4.8): on the axis they land in the bins over those ranges
        long[] counts = new long[10];
        counts[0] = 10;
        counts[9] = 100;
        Histogram h = new Histogram(-6, 6, counts, 1, 2, 3);
        AxisScale s = AxisScale.symlog(1);
        Histogram on = Plots.rebinToAxis(h, s, s.toAxis(-6), s.toAxis(6), 20);
        assertEquals(h.total(), on.total());
        assertEquals(1, on.underflow());
        assertEquals(2, on.overflow());
        assertEquals(3, on.nonFinite());
        long near5 = 0;
        long nearMinus5 = 0;
        for (int i = 0; i < on.bins(); i++) {
            double lo = s.toData(on.edge(i));
            double hi = s.toData(on.edge(i + 1));
            if (hi > 4.8 && lo < 6) {
                near5 += on.count(i);
            }
            if (hi > -6 && lo < -4.8) {
                nearMinus5 += on.count(i);
            }
        }
        assertEquals(100, near5);
        assertEquals(10, nearMinus5);
    }
}
