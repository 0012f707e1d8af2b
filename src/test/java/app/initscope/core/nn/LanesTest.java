package app.initscope.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Lanes}' sum is its stated order to the bit, vector blocks and tail alike, at every length. */
class LanesTest {

    @Test
    void theSumIsSixteenRunningSumsAddedPairwise() {
        SplittableRandom random = new SplittableRandom(1);
        double[] scratch = new double[Lanes.LANES];
        for (int n = 0; n <= 70; n++) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-3, 4));
            }
            double[] s = new double[Lanes.LANES];
            for (int j = 0; j < n; j++) {
                s[j % Lanes.LANES] += x[j];
            }
            double[] level = s;
            while (level.length > 1) {
                double[] next = new double[level.length / 2];
                for (int k = 0; k < next.length; k++) {
                    next[k] = level[2 * k] + level[2 * k + 1];
                }
                level = next;
            }
            assertEquals(Double.doubleToLongBits(level[0]), Double.doubleToLongBits(Lanes.sum(x, n, scratch)),
                    "n = " + n);
        }
    }
}
