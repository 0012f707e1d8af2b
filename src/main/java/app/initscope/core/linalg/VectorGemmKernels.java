package app.initscope.core.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

// GENERATED FILE: do not edit by hand. Written by app.initscope.core.linalg.GemmKernelGenerator
// (src/test/java/app/initscope/core/linalg/GemmKernelGenerator.java). Change the generator, then run
// from the repository root:
//     java src/test/java/app/initscope/core/linalg/GemmKernelGenerator.java
// GemmKernelGeneratorTest fails while this file differs from the generator's output.

/**
 * The register-blocked kernels of {@link VectorGemm}: a block of C = rows of A times a panel of B, for
 * blocks of 8, 4, ..., 1 rows × 1..3 vectors. Every element is one fused-multiply-add chain
 * over p = 0..k-1, starting from 0, and the last vector of each row is stored through the mask of its
 * {@code lastCols} valid lanes.
 *
 * <p>Arguments of every kernel: A(i, p) = a[ai + i*rs + p*ps], not modified; B(p, j) = b[bi + p*ldb + j],
 * not modified; C(i, j) = c[ci + i*ldc + j], modified (only the block's elements). The p4xV kernels read a packed
 * panel of B at the constant stride ldb = {@link #NR}: see GemmKernelGenerator's comment for why.
 */
final class VectorGemmKernels {

    /** Rows of C per full register block. */
    static final int MR = 8;
    /** Most vectors of C per register block. */
    static final int NV = 3;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    private static final int L = S.length();
    /** Columns per full panel of B, and the row stride of the packed panels that the p kernels read. */
    static final int NR = NV * L;

    private VectorGemmKernels() {
    }

    /** Computes 8 rows × nv vectors of C. */
    static void block(int nv, float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb, float[] c,
            int ci, int ldc, int k, int lastCols) {
        switch (nv) {
            case 1 -> k8x1(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
            case 2 -> k8x2(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
            case 3 -> k8x3(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
            default -> throw new IllegalStateException("vectors per block: " + nv);
        }
    }

    /** Computes rows × nv vectors of C, rows = 4, ..., 1 (a power of two). */
    static void fewRows(int rows, int nv, float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        if (rows == 4) {
            switch (nv) {
                case 1 -> k4x1(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                case 2 -> k4x2(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                case 3 -> k4x3(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                default -> throw new IllegalStateException("vectors per block: " + nv);
            }
        } else if (rows == 2) {
            switch (nv) {
                case 1 -> k2x1(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                case 2 -> k2x2(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                case 3 -> k2x3(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                default -> throw new IllegalStateException("vectors per block: " + nv);
            }
        } else {
            switch (nv) {
                case 1 -> k1x1(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                case 2 -> k1x2(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                case 3 -> k1x3(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);
                default -> throw new IllegalStateException("vectors per block: " + nv);
            }
        }
    }

    /** Computes 4 rows × nv vectors of C from a packed panel of B, whose row stride is NR. */
    static void packedBlock(int nv, float[] a, int ai, int rs, int ps, float[] b, int bi, float[] c, int ci,
            int ldc, int k, int lastCols) {
        switch (nv) {
            case 1 -> p4x1(a, ai, rs, ps, b, bi, c, ci, ldc, k, lastCols);
            case 2 -> p4x2(a, ai, rs, ps, b, bi, c, ci, ldc, k, lastCols);
            case 3 -> p4x3(a, ai, rs, ps, b, bi, c, ci, ldc, k, lastCols);
            default -> throw new IllegalStateException("vectors per block: " + nv);
        }
    }

    /** 8 rows × 1 vector of C, one fma chain per element over p = 0..k-1. */
    private static void k8x1(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        int a4 = ai + 4 * rs;
        int a5 = ai + 5 * rs;
        int a6 = ai + 6 * rs;
        int a7 = ai + 7 * rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + ao]);
            c20 = x2.fma(b0, c20);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + ao]);
            c30 = x3.fma(b0, c30);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + ao]);
            c40 = x4.fma(b0, c40);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + ao]);
            c50 = x5.fma(b0, c50);
            FloatVector x6 = FloatVector.broadcast(S, a[a6 + ao]);
            c60 = x6.fma(b0, c60);
            FloatVector x7 = FloatVector.broadcast(S, a[a7 + ao]);
            c70 = x7.fma(b0, c70);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci, last);
        c10.intoArray(c, ci + ldc, last);
        c20.intoArray(c, ci + 2 * ldc, last);
        c30.intoArray(c, ci + 3 * ldc, last);
        c40.intoArray(c, ci + 4 * ldc, last);
        c50.intoArray(c, ci + 5 * ldc, last);
        c60.intoArray(c, ci + 6 * ldc, last);
        c70.intoArray(c, ci + 7 * ldc, last);
    }

    /** 8 rows × 2 vectors of C, one fma chain per element over p = 0..k-1. */
    private static void k8x2(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c71 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        int a4 = ai + 4 * rs;
        int a5 = ai + 5 * rs;
        int a6 = ai + 6 * rs;
        int a7 = ai + 7 * rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + ao]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + ao]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + ao]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + ao]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[a6 + ao]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[a7 + ao]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L, last);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L, last);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + L, last);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + L, last);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + L, last);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + L, last);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + L, last);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + L, last);
    }

    /** 8 rows × 3 vectors of C, one fma chain per element over p = 0..k-1. */
    private static void k8x3(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        FloatVector c52 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c61 = FloatVector.zero(S);
        FloatVector c62 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c71 = FloatVector.zero(S);
        FloatVector c72 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        int a4 = ai + 4 * rs;
        int a5 = ai + 5 * rs;
        int a6 = ai + 6 * rs;
        int a7 = ai + 7 * rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + ao]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + ao]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + ao]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            c42 = x4.fma(b2, c42);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + ao]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            c52 = x5.fma(b2, c52);
            FloatVector x6 = FloatVector.broadcast(S, a[a6 + ao]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            c62 = x6.fma(b2, c62);
            FloatVector x7 = FloatVector.broadcast(S, a[a7 + ao]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
            c72 = x7.fma(b2, c72);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L, last);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L);
        c12.intoArray(c, ci + ldc + 2 * L, last);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + L);
        c22.intoArray(c, ci + 2 * ldc + 2 * L, last);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + L);
        c32.intoArray(c, ci + 3 * ldc + 2 * L, last);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + L);
        c42.intoArray(c, ci + 4 * ldc + 2 * L, last);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + L);
        c52.intoArray(c, ci + 5 * ldc + 2 * L, last);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + L);
        c62.intoArray(c, ci + 6 * ldc + 2 * L, last);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + L);
        c72.intoArray(c, ci + 7 * ldc + 2 * L, last);
    }

    /** 4 rows × 1 vector of C, one fma chain per element over p = 0..k-1. */
    private static void k4x1(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + ao]);
            c20 = x2.fma(b0, c20);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + ao]);
            c30 = x3.fma(b0, c30);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci, last);
        c10.intoArray(c, ci + ldc, last);
        c20.intoArray(c, ci + 2 * ldc, last);
        c30.intoArray(c, ci + 3 * ldc, last);
    }

    /** 4 rows × 2 vectors of C, one fma chain per element over p = 0..k-1. */
    private static void k4x2(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + ao]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + ao]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L, last);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L, last);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + L, last);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + L, last);
    }

    /** 4 rows × 3 vectors of C, one fma chain per element over p = 0..k-1. */
    private static void k4x3(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        int a2 = ai + 2 * rs;
        int a3 = ai + 3 * rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + ao]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + ao]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L, last);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L);
        c12.intoArray(c, ci + ldc + 2 * L, last);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + L);
        c22.intoArray(c, ci + 2 * ldc + 2 * L, last);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + L);
        c32.intoArray(c, ci + 3 * ldc + 2 * L, last);
    }

    /** 2 rows × 1 vector of C, one fma chain per element over p = 0..k-1. */
    private static void k2x1(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci, last);
        c10.intoArray(c, ci + ldc, last);
    }

    /** 2 rows × 2 vectors of C, one fma chain per element over p = 0..k-1. */
    private static void k2x2(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L, last);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L, last);
    }

    /** 2 rows × 3 vectors of C, one fma chain per element over p = 0..k-1. */
    private static void k2x3(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        int a0 = ai;
        int a1 = ai + rs;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L, last);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L);
        c12.intoArray(c, ci + ldc + 2 * L, last);
    }

    /** 1 row × 1 vector of C, one fma chain per element over p = 0..k-1. */
    private static void k1x1(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        int a0 = ai;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci, last);
    }

    /** 1 row × 2 vectors of C, one fma chain per element over p = 0..k-1. */
    private static void k1x2(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        int a0 = ai;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L, last);
    }

    /** 1 row × 3 vectors of C, one fma chain per element over p = 0..k-1. */
    private static void k1x3(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        int a0 = ai;
        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L, last);
    }

    /** 4 rows × 1 vector of C from a packed panel of B (ldb = NR), one fma chain per element over p = 0..k-1. */
    private static void p4x1(float[] a, int ai, int rs, int ps, float[] b, int bi,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        int r1 = rs;
        int r2 = 2 * rs;
        int r3 = 3 * rs;
        for (int p = 0, ao = ai, bo = bi; p < k; p++, ao += ps, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector x0 = FloatVector.broadcast(S, a[ao]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(S, a[ao + r1]);
            c10 = x1.fma(b0, c10);
            FloatVector x2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = x2.fma(b0, c20);
            FloatVector x3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = x3.fma(b0, c30);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci, last);
        c10.intoArray(c, ci + ldc, last);
        c20.intoArray(c, ci + 2 * ldc, last);
        c30.intoArray(c, ci + 3 * ldc, last);
    }

    /** 4 rows × 2 vectors of C from a packed panel of B (ldb = NR), one fma chain per element over p = 0..k-1. */
    private static void p4x2(float[] a, int ai, int rs, int ps, float[] b, int bi,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        int r1 = rs;
        int r2 = 2 * rs;
        int r3 = 3 * rs;
        for (int p = 0, ao = ai, bo = bi; p < k; p++, ao += ps, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector x0 = FloatVector.broadcast(S, a[ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[ao + r1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L, last);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L, last);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + L, last);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + L, last);
    }

    /** 4 rows × 3 vectors of C from a packed panel of B (ldb = NR), one fma chain per element over p = 0..k-1. */
    private static void p4x3(float[] a, int ai, int rs, int ps, float[] b, int bi,
            float[] c, int ci, int ldc, int k, int lastCols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S);
        int r1 = rs;
        int r2 = 2 * rs;
        int r3 = 3 * rs;
        for (int p = 0, ao = ai, bo = bi; p < k; p++, ao += ps, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ao]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, a[ao + r1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            FloatVector x2 = FloatVector.broadcast(S, a[ao + r2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            FloatVector x3 = FloatVector.broadcast(S, a[ao + r3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
        }
        VectorMask<Float> last = S.indexInRange(0, lastCols);
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L, last);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L);
        c12.intoArray(c, ci + ldc + 2 * L, last);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + L);
        c22.intoArray(c, ci + 2 * ldc + 2 * L, last);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + L);
        c32.intoArray(c, ci + 3 * ldc + 2 * L, last);
    }
}
