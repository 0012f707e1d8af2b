package app.initscope.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class GaussHermiteTest {

    @Test
    void gaussianMomentsAreExact() {
        GaussHermite gh = GaussHermite.standard();
        double q = 2.5;
        assertEquals(1.0, gh.expectation(z -> 1.0, q), 1e-12);
        assertEquals(q, gh.expectation(z -> z * z, q), 1e-10);
        assertEquals(3 * q * q, gh.expectation(z -> z * z * z * z, q), 1e-9);
        assertEquals(0.0, gh.expectation(z -> z * z * z, q), 1e-10);
    }

    @Test
    void tanhSecondMomentAtUnitVarianceMatchesTheKnownValue() {
        // E[tanh(z)²], z ~ N(0,1) = 0.394294 (numerical integration, e.g. scipy.integrate.quad)
        assertEquals(0.394294, GaussHermite.standard().expectation(z -> Math.tanh(z) * Math.tanh(z), 1.0), 1e-5);
    }

    @Test
    void reluMomentsMatchTheHalfNormal() {
        GaussHermite gh = GaussHermite.standard();
        double q = 2.0;
        assertEquals(q / 2, gh.expectation(z -> z > 0 ? z * z : 0, q), 1e-9);
        // E[relu z] has a kink at 0, where Gauss–Hermite converges slowly: 96 nodes are within 1%
        double mean = Math.sqrt(q / (2 * Math.PI));
        assertEquals(mean, gh.expectation(z -> z > 0 ? z : 0, q), 0.01 * mean);
        assertEquals(0.5, gh.expectation(z -> z > 0 ? 1 : 0, q), 1e-12);
    }

    @Test
    void aFewNodesIntegrateLowDegreePolynomialsExactly() {
        GaussHermite three = GaussHermite.withNodes(3);
        assertEquals(3, three.size());
        // exact up to degree 2n − 1 = 5: E[z⁴] = 3
        assertEquals(3.0, three.expectation(z -> z * z * z * z, 1.0), 1e-12);
        // and not beyond: E[z⁶] = 15, but three nodes give 9
        assertEquals(9.0, three.expectation(z -> Math.pow(z, 6), 1.0), 1e-9);
    }

    @Test
    void aRuleIsComputedOncePerNodeCount() {
        assertSame(GaussHermite.withNodes(17), GaussHermite.withNodes(17));
        assertSame(GaussHermite.standard(), GaussHermite.withNodes(GaussHermite.DEFAULT_NODES));
    }
}
