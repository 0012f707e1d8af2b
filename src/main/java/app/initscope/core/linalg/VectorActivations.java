package app.initscope.core.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the transcendental activations and their derivatives.
 *
 * <p><b>Determinism.</b> The Vector API's own {@code EXP} and {@code TANH} give different last bits when the
 * JIT has compiled them (vector math library) and when it has not (scalar fallback), so a result would depend
 * on how warm the JVM is. Everything here is therefore built from operations that IEEE 754 defines exactly
 * (add, multiply, fused multiply-add, divide, compare, bit shifts): exp(y) − 1 by range reduction
 * y = n·ln 2 + r, |r| ≤ ln 2 / 2, and a degree-7 polynomial for e^r − 1 (error below one float ulp), then
 * 2ⁿ from the exponent bits. Every element, including the tail (with a mask), goes through the same
 * operations, so equal inputs give equal outputs anywhere in the array and on any thread.
 *
 * <p>Loaded only when {@link Kernels#vectorApiAvailable()}; use through {@link Elementwise}. All methods:
 * {@code z} Not modified; {@code a} and {@code d} Modified on {@code [from, to)}.
 */
final class VectorActivations {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float INV_LN2 = 1.44269504088896341f;
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.42860682030941723e-6f;
    private static final float ROUNDER = 12582912f;           // 1.5·2²³: adding it rounds to an integer
    private static final float MIN_EXP_ARG = -104f;            // e^−104 is below half the smallest subnormal
    private static final float TWO_M64 = 0x1p-64f;

    private VectorActivations() {
    }

    private static final int L = S.length();
    private static final VectorMask<Float> ALL = S.maskAll(true);

    // Each activation has a loop of its own: full vectors, then the tail under a mask. One loop shared through a
    // switch on the kind made the JIT compile all four activations into one method, where it ran out of nodes
    // (NodeCountInliningCutoff), left expm1Reduced out of line, and boxed every vector across that call: 25 MB of
    // garbage per strategy at the seed size, and a slower loop.

    /** n = round(y / ln 2), as an integral float. */
    private static FloatVector exponent(FloatVector y) {
        return y.mul(INV_LN2).add(ROUNDER).sub(ROUNDER);
    }

    /** e^r − 1 for |r| ≤ ln 2 / 2, relative error below 2⁻²⁴. */
    private static FloatVector expm1Reduced(FloatVector y, FloatVector n) {
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), y);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.fma(1f / 5040, 1f / 720);
        p = p.fma(r, FloatVector.broadcast(S, 1f / 120));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 24));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 6));
        p = p.fma(r, FloatVector.broadcast(S, 0.5f));
        return p.mul(r).fma(r, r);
    }

    /**
     * e^y for y ≤ 0, down through the subnormal floats: 2ⁿ⁺⁶⁴·(1 + p) is formed in the normal range and scaled
     * by 2⁻⁶⁴ (exact for normal results, one rounding for subnormal ones); 0 below −104, NaN for NaN.
     */
    private static FloatVector expNonPositive(FloatVector y) {
        FloatVector clamped = y.max(MIN_EXP_ARG);
        FloatVector n = exponent(clamped);
        return expNonPositive(y, n, expm1Reduced(clamped, n));
    }

    /** {@link #expNonPositive(FloatVector)} from n and p = expm1Reduced(max(y, −104), n), shared with expm1. */
    private static FloatVector expNonPositive(FloatVector y, FloatVector n, FloatVector p) {
        FloatVector scale = twoPow(n.add(64f));
        FloatVector e = scale.fma(p, scale).mul(TWO_M64);
        return e.blend(0f, y.compare(VectorOperators.LT, MIN_EXP_ARG));
    }

    /**
     * e^y − 1 for y ≤ 0, with full relative precision near 0 (where n = 0 and the result is the polynomial
     * itself). Below y ≈ −21 the result rounds to −1, so 2ⁿ is taken no smaller than 2⁻³⁰. From n and
     * p = expm1Reduced(max(y, −104), n), which e^y shares: computing them once keeps tanh and SELU small enough
     * for the JIT to compile each into one piece.
     */
    private static FloatVector expm1NonPositive(FloatVector y, FloatVector n, FloatVector p) {
        FloatVector scale = twoPow(n.max(-30f));
        FloatVector u = scale.fma(p, scale.sub(1f));
        return u.blend(-1f, y.compare(VectorOperators.LT, -30f));
    }

    /** 2ⁿ for integral n in [−126, 127]. */
    private static FloatVector twoPow(FloatVector n) {
        IntVector bits = (IntVector) n.convert(VectorOperators.F2I, 0);
        return bits.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /** a = tanh z, d = sech² z = 4e/(1 + e)² with e = e^{−2|z|} (no cancellation where tanh rounds to ±1). */
    static void tanh(float[] z, float[] a, float[] d, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            tanhAt(z, a, d, i, ALL);
        }
        if (i < to) {
            tanhAt(z, a, d, i, S.indexInRange(i, to));
        }
    }

    private static void tanhAt(float[] z, float[] a, float[] d, int i, VectorMask<Float> m) {
        FloatVector v = FloatVector.fromArray(S, z, i, m);
        FloatVector y = v.abs().mul(-2f);
        FloatVector n = exponent(y.max(MIN_EXP_ARG));
        FloatVector p = expm1Reduced(y.max(MIN_EXP_ARG), n);
        FloatVector e = expNonPositive(y, n, p);              // e^{−2|z|}
        FloatVector u = expm1NonPositive(y, n, p);            // e^{−2|z|} − 1, precise for small |z|
        FloatVector onePlusE = e.add(1f);
        FloatVector t = u.neg().div(onePlusE);
        t.blend(t.neg(), v.compare(VectorOperators.LT, 0f)).intoArray(a, i, m);
        e.mul(4f).div(onePlusE.mul(onePlusE)).intoArray(d, i, m);
    }

    /** a = σ(z), d = σ(z)(1 − σ(z)) = e/(1 + e)², both from e = e^{−|z|}, which never overflows. */
    static void sigmoid(float[] z, float[] a, float[] d, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            sigmoidAt(z, a, d, i, ALL);
        }
        if (i < to) {
            sigmoidAt(z, a, d, i, S.indexInRange(i, to));
        }
    }

    private static void sigmoidAt(float[] z, float[] a, float[] d, int i, VectorMask<Float> m) {
        FloatVector v = FloatVector.fromArray(S, z, i, m);
        FloatVector e = expNonPositive(v.abs().neg());
        FloatVector onePlusE = e.add(1f);
        FloatVector positive = FloatVector.broadcast(S, 1f).div(onePlusE);
        positive.blend(e.div(onePlusE), v.compare(VectorOperators.LT, 0f)).intoArray(a, i, m);
        e.div(onePlusE.mul(onePlusE)).intoArray(d, i, m);
    }

    /**
     * GELU, tanh form: a = ½z(1 + tanh u), u = c(z + k z³). ½(1 + tanh u) = σ(2u) is computed from
     * e = e^{−2|u|} as 1/(1 + e) or e/(1 + e), which keeps its precision for very negative z; the derivative
     * is σ(2u) + ½z·sech²(u)·u′ with sech² u = 4e/(1 + e)² and u′ = c(1 + 3k z²), and σ(2u) alone where
     * sech² u underflows (so a huge z gives 1 or 0, never ∞·0).
     */
    static void gelu(float[] z, float[] a, float[] d, int from, int to, float c, float k) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            geluAt(z, a, d, i, ALL, c, k);
        }
        if (i < to) {
            geluAt(z, a, d, i, S.indexInRange(i, to), c, k);
        }
    }

    private static void geluAt(float[] z, float[] a, float[] d, int i, VectorMask<Float> m, float c, float k) {
        FloatVector v = FloatVector.fromArray(S, z, i, m);
        FloatVector v2 = v.mul(v);
        FloatVector arg = v2.fma(k, 1f).mul(v).mul(c);
        FloatVector e = expNonPositive(arg.abs().mul(-2f));
        FloatVector onePlusE = e.add(1f);
        FloatVector upper = FloatVector.broadcast(S, 1f).div(onePlusE);
        FloatVector half = upper.blend(e.div(onePlusE), arg.compare(VectorOperators.LT, 0f));   // σ(2u)
        half.mul(v).intoArray(a, i, m);
        FloatVector sech2 = e.mul(4f).div(onePlusE.mul(onePlusE));
        FloatVector du = v2.fma(3f * k, 1f).mul(c);
        FloatVector slope = v.mul(0.5f).mul(sech2).fma(du, half);
        slope.blend(half, e.compare(VectorOperators.EQ, 0f)).intoArray(d, i, m);
    }

    /** SELU: a = λz or λα(e^z − 1), d = λ or λα·e^z. */
    static void selu(float[] z, float[] a, float[] d, int from, int to, float lambda, float alpha) {
        // the slope and the value in two steps: one step for both went over the JIT's node budget when it was
        // compiled on its own (after the tests that call SELU on short arrays), left expNonPositive out of line and
        // boxed its vectors. The slope goes first, so that a written over z would still be right.
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            seluSlopeAt(z, d, i, ALL, lambda, alpha);
            seluValueAt(z, a, i, ALL, lambda, alpha);
        }
        if (i < to) {
            VectorMask<Float> tail = S.indexInRange(i, to);
            seluSlopeAt(z, d, i, tail, lambda, alpha);
            seluValueAt(z, a, i, tail, lambda, alpha);
        }
    }

    private static void seluValueAt(float[] z, float[] a, int i, VectorMask<Float> m, float lambda, float alpha) {
        FloatVector v = FloatVector.fromArray(S, z, i, m);
        FloatVector y = v.min(0f);
        FloatVector n = exponent(y.max(MIN_EXP_ARG));
        expm1NonPositive(y, n, expm1Reduced(y.max(MIN_EXP_ARG), n)).mul(lambda * alpha)
                .blend(v.mul(lambda), v.compare(VectorOperators.GT, 0f)).intoArray(a, i, m);
    }

    private static void seluSlopeAt(float[] z, float[] d, int i, VectorMask<Float> m, float lambda, float alpha) {
        FloatVector v = FloatVector.fromArray(S, z, i, m);
        FloatVector y = v.min(0f);
        FloatVector n = exponent(y.max(MIN_EXP_ARG));
        expNonPositive(y, n, expm1Reduced(y.max(MIN_EXP_ARG), n)).mul(lambda * alpha)
                .blend(FloatVector.broadcast(S, lambda), v.compare(VectorOperators.GT, 0f)).intoArray(d, i, m);
    }
}
