package app.initscope.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.initscope.core.linalg.Chunks;
import app.initscope.core.linalg.Parallel;
import app.initscope.engine.ComputePool;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The summary's passes (vector first pass, slots counted by blocks, four pieces side by side) give the same bits as
 * the plain two-pass loops they replaced, written out again here as the reference: piece by piece, four running sums
 * until the first group with a non-finite value, the squares one after the other, each value binned on its own.
 */
class SummaryBitsTest {

    private static ComputePool pool;

    @BeforeAll
    static void startPool() {
        pool = new ComputePool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    /** Tensors of every kind the experiment makes, and the edge cases of the passes. */
    private static float[] data(String kind) {
        SplittableRandom r = new SplittableRandom(kind.hashCode());
        int n = switch (kind) {
            case "tiny" -> 7;
            case "odd" -> 4 * Chunks.SIZE + 4 * Chunks.SIZE / 3 + 5;
            default -> 300_001;
        };
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        switch (kind) {
            case "nonFinite" -> {
                for (int k = 0; k < 40; k++) {
                    int at = r.nextInt(n);
                    x[at] = switch (k % 3) {
                        case 0 -> Float.NaN;
                        case 1 -> Float.POSITIVE_INFINITY;
                        default -> Float.NEGATIVE_INFINITY;
                    };
                }
            }
            case "zeros" -> {
                for (int i = 0; i < n; i++) {
                    x[i] = r.nextInt(3) == 0 ? (r.nextBoolean() ? 0f : -0f) : Math.max(0f, x[i]);
                }
            }
            case "constant" -> java.util.Arrays.fill(x, 0.25f);
            case "steps" -> {
                // pieces of one value each (not the mean, so their squares are not 0), of zeros of both signs,
                // and of random values, side by side in one group of pieces
                for (int i = 0; i < n; i++) {
                    x[i] = switch (i / Chunks.SIZE % 5) {
                        case 0 -> 0.25f;
                        case 1 -> x[i];
                        case 2 -> -3.5f;
                        case 3 -> i % 2 == 0 ? 0f : -0f;
                        default -> 1e-3f;
                    };
                }
            }
            case "tiny", "odd" -> {
                x[n - 1] = Float.NaN;
            }
            case "subnormal" -> {
                for (int i = 0; i < n; i++) {
                    x[i] *= 1e-40f;
                }
            }
            case "offset" -> {
                for (int i = 0; i < n; i++) {
                    x[i] = 1000f + x[i] * 1e-3f;
                }
            }
            case "saturated" -> {
                for (int i = 0; i < n; i++) {
                    x[i] = (float) Math.tanh(3 * x[i]);
                }
            }
            default -> {
            }
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "nonFinite", "zeros", "constant", "steps", "tiny", "odd", "subnormal",
        "offset", "saturated"})
    void summariesAreTheBitsOfThePlainLoops(String kind) {
        float[] x = data(kind);
        Summary.SaturationTest band = Summary.SaturationTest.outside(-0.97f, 0.97f);
        Summary.SaturationTest lambda = v -> Math.abs(v) > 0.97f;
        List<Range> ranges = new ArrayList<>();
        ranges.add(null);
        ranges.add(new Range(-0.5, 0.5));
        ranges.add(new Range(0.25, 0.25));
        for (Range range : ranges) {
            for (int bins : new int[] {1, 7, 60}) {
                Summary expected = reference(x, x.length, range, bins, band);
                for (Parallel parallel : new Parallel[] {Parallel.sequential(), pool}) {
                    assertEquals(expected, Summary.of(x, x.length, range, bins, band, parallel, true),
                            kind + " " + range + " " + bins);
                    assertEquals(expected, Summary.of(x, x.length, range, bins, lambda, parallel, true),
                            kind + " " + range + " " + bins + " with a test of its own");
                    assertEquals(expected, Summary.of(x, x.length, range, bins, band, parallel, true, false),
                            kind + " " + range + " " + bins + " in plain loops");
                }
                assertMagnitudes(x, Summary.of(x, x.length, range, bins, null, pool, true).magnitudes());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "nonFinite", "zeros", "steps", "saturated"})
    void threeFirstPassesSideBySideAreTheBitsOfOneAtATime(String kind) {
        // the three tensors stop running side by side at different places: at x's non-finite values, or never
        float[] x = data(kind);
        float[] y = data("saturated");
        float[] w = data("subnormal");
        int n = x.length;
        Summary.SaturationTest band = Summary.SaturationTest.outside(-0.97f, 0.97f);
        Summary.Sweep sx = new Summary.Sweep(n, null, 60, null, true);
        Summary.Sweep sy = new Summary.Sweep(n, null, 60, band, true);
        Summary.Sweep sw = new Summary.Sweep(n, null, 60, null, true);
        for (int p = 0; p < sx.pieces(); p++) {
            Summary.Sweep.firstThree(sx, x, sy, y, sw, w, p);
        }
        for (int g = 0; g < sx.groups(); g++) {
            sx.second(x, g);
            sy.second(y, g);
            sw.second(w, g);
        }
        assertEquals(Summary.of(x, n, null, 60, null, Parallel.sequential(), true), sx.finish(), kind);
        assertEquals(Summary.of(y, n, null, 60, band, Parallel.sequential(), true), sy.finish(), kind);
        assertEquals(Summary.of(w, n, null, 60, null, Parallel.sequential(), true), sw.finish(), kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "constant", "tiny", "odd", "offset"})
    void stdIsTheBitsOfThePlainLoop(String kind) {
        float[] x = data(kind);
        int n = kind.equals("tiny") || kind.equals("odd") ? x.length - 1 : x.length;      // no NaN
        double expected = referenceStd(x, n);
        assertEquals(expected, Summary.std(x, n, Parallel.sequential()));
        assertEquals(expected, Summary.std(x, n, pool));
    }

    /** Every finite non-zero value by sign and quarter octave, counted one by one from its bits. */
    private static void assertMagnitudes(float[] x, Magnitudes m) {
        java.util.TreeMap<Double, Long> expected = new java.util.TreeMap<>();
        long zeros = 0;
        for (float v : x) {
            if (v == 0f) {
                zeros++;
            } else if (Float.isFinite(v)) {
                int b = (Float.floatToRawIntBits(v) & 0x7fffffff) >>> 21;
                double lower = Float.intBitsToFloat(b << 21);
                expected.merge(v < 0 ? -lower : lower, 1L, Long::sum);
            }
        }
        java.util.TreeMap<Double, Long> actual = new java.util.TreeMap<>();
        m.forEach((lo, hi, count) -> {
            if (lo != 0 || hi != 0) {
                actual.put(lo < 0 ? hi : lo, count);
            }
        });
        assertEquals(expected, actual);
        assertEquals(zeros, m.zeros());
    }

    /** The summary as it was computed before the passes were rewritten, on one thread. */
    private static Summary reference(float[] data, int n, Range range, int bins, Summary.SaturationTest saturated) {
        int pieces = Chunks.count(n);
        double total = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long finiteCount = 0;
        long zeroCount = 0;
        long satCount = 0;
        for (int p = 0; p < pieces; p++) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            int i = Chunks.from(p);
            int end = Chunks.to(p, n);
            for (; i + 3 < end; i += 4) {
                float v0 = data[i];
                float v1 = data[i + 1];
                float v2 = data[i + 2];
                float v3 = data[i + 3];
                if (!(Float.isFinite(v0) && Float.isFinite(v1) && Float.isFinite(v2) && Float.isFinite(v3))) {
                    break;
                }
                finiteCount += 4;
                s0 += v0;
                s1 += v1;
                s2 += v2;
                s3 += v3;
                lo = Math.min(Math.min(lo, Math.min(v0, v1)), Math.min(v2, v3));
                hi = Math.max(Math.max(hi, Math.max(v0, v1)), Math.max(v2, v3));
                for (float v : new float[] {v0, v1, v2, v3}) {
                    zeroCount += v == 0f ? 1 : 0;
                    satCount += saturated.test(v) ? 1 : 0;
                }
            }
            for (; i < end; i++) {
                float v = data[i];
                zeroCount += v == 0f ? 1 : 0;
                satCount += saturated.test(v) ? 1 : 0;
                if (Float.isFinite(v)) {
                    finiteCount++;
                    s0 += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            total += (s0 + s1) + (s2 + s3);
            min = Math.min(min, lo);
            max = Math.max(max, hi);
        }
        double mean = finiteCount > 0 ? total / finiteCount : Double.NaN;
        if (finiteCount == 0) {
            min = Double.NaN;
            max = Double.NaN;
        }
        Range edges = range != null ? range : finiteCount > 0 ? new Range(min, max) : new Range(0, 0);
        double centre = finiteCount > 0 ? mean : 0.0;
        double ss = 0;
        long[] counts = new long[bins];
        long under = 0;
        long over = 0;
        long nonFinite = 0;
        boolean flat = !(edges.hi() > edges.lo());
        double scale = flat ? 0.0 : bins / (edges.hi() - edges.lo());
        for (int p = 0; p < pieces; p++) {
            double squares = 0;
            for (int i = Chunks.from(p), end = Chunks.to(p, n); i < end; i++) {
                float v = data[i];
                if (!Float.isFinite(v)) {
                    nonFinite++;
                    continue;
                }
                double dev = v - centre;
                squares += dev * dev;
                if (v < edges.lo()) {
                    under++;
                } else if (v > edges.hi()) {
                    over++;
                } else {
                    int b = flat ? bins / 2 : (int) ((v - edges.lo()) * scale);
                    counts[Math.min(b, bins - 1)]++;
                }
            }
            ss += squares;
        }
        double std = finiteCount > 0 ? Math.sqrt(ss / finiteCount) : Double.NaN;
        return new Summary(n, mean, std, min, max, n - finiteCount, (double) zeroCount / n, (double) satCount / n,
                new Histogram(edges.lo(), edges.hi(), counts, under, over, nonFinite), Magnitudes.of(data, n));
    }

    /** {@link Summary#std} as it was: each piece one after the other. */
    private static double referenceStd(float[] data, int n) {
        int pieces = Chunks.count(n);
        double k0 = data[0];
        double s = 0;
        double q = 0;
        for (int p = 0; p < pieces; p++) {
            int from = Chunks.from(p);
            double k = data[from];
            double ps = 0;
            double pq = 0;
            for (int i = from, end = Chunks.to(p, n); i < end; i++) {
                double d = data[i] - k;
                ps += d;
                pq += d * d;
            }
            double m = Chunks.to(p, n) - from;
            double dk = k - k0;
            s += ps + m * dk;
            q += pq + 2 * dk * ps + m * dk * dk;
        }
        double mean = s / n;
        return Math.sqrt(Math.max(0.0, q / n - mean * mean));
    }
}
