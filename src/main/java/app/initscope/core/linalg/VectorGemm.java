package app.initscope.core.linalg;

import static app.initscope.core.linalg.VectorGemmKernels.block;
import static app.initscope.core.linalg.VectorGemmKernels.fewRows;
import static app.initscope.core.linalg.VectorGemmKernels.packedBlock;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked float32 products on the Vector API ({@code jdk.incubator.vector}).
 *
 * <p>C is computed in blocks of {@value #MR} rows × {@value #NV} vectors held in registers, by the kernels of
 * {@link VectorGemmKernels}, which {@code GemmKernelGenerator} writes (see that file's header). Where the CPU has
 * only 16 vector registers (x86 without AVX-512), such a block is computed as two blocks of 4 rows: 8 × 3
 * accumulators and their operands do not fit, and the spills made a 1000³ product take 21–25 ms instead of 13–15
 * on 2 AVX2 cores (see {@link #blockRowsFor}). Those 4-row blocks read a packed full panel of B through kernels
 * whose stride is the constant {@code NR}, 5-10% faster there (see {@code GemmKernelGenerator}). Every element of C is one fused-multiply-add chain over the inner
 * index {@code p = 0..k-1}, starting from 0, with no k-blocking:
 * {@code acc = fma(a[i][p], b[p][j], acc)}. A vector lane and {@link Math#fma(float, float, float)} round the
 * same way, so the result does not depend on where a column falls (full panel, tail panel, partial vector),
 * on the block a row falls in, nor on the number of threads. Work is split over the output (row ranges, and
 * column panels when there are too few rows), never over the k sum.
 *
 * <p>Columns past the last whole vector are computed in masked-off lanes of a zero-padded vector, not with a
 * scalar loop: lane-wise {@code fma} is specified as {@link Math#fma(float, float, float)}, so they round like
 * every other column (equal columns of B give bit-equal columns of C).
 *
 * <p>B is copied, panel by panel ({@value #NV} vectors wide, k rows), into a contiguous buffer, each panel by the
 * first piece that needs it, so that one {@link Parallel#forEach} call does the whole product; with fewer than
 * {@value #MIN_BLOCKS_TO_PACK_B} row blocks, only the tail panel is copied and B is read in place. A is read in
 * place by {@link #mult} and {@link #multTransB}; {@link #multTransA} first copies the rows of Aᵀ that a piece
 * needs into blocks of {@value #MR} interleaved rows. The copies live in scratch buffers kept between calls
 * (up to 64 MB each), so an instance holds about one copy of its largest B.
 *
 * <p>Only load this class when the {@code jdk.incubator.vector} module is resolved: see {@link Kernels}.
 */
public final class VectorGemm implements Gemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    private static final int L = S.length();
    /** Rows of C per register block (the kernels are generated for it). */
    private static final int MR = VectorGemmKernels.MR;
    /** The smaller register block, for CPUs with 16 vector registers. */
    private static final int HALF = MR / 2;
    /** MR (= 8) lanes, to copy the MR values of a row block of Aᵀ at once. */
    private static final VectorSpecies<Float> SA = FloatVector.SPECIES_256;
    /** Vectors of C per register block (the kernels are generated for it). */
    private static final int NV = VectorGemmKernels.NV;
    /** Columns of C per panel. */
    private static final int NR = VectorGemmKernels.NR;
    /** Below this many flops (2·m·n·k), a product runs on the calling thread, in one piece. */
    private static final long MIN_PARALLEL_FLOPS = 1L << 24;
    /** Bytes of A per piece: with a k×NR panel of B, they should fit in a core's L2 cache. */
    private static final long A_CHUNK_BYTES = 256 * 1024;
    /** With fewer row blocks, B is read in place: copying a panel costs more than it saves. */
    private static final int MIN_BLOCKS_TO_PACK_B = 16;
    /** Pieces per unit of parallelism, for load balance. */
    private static final int PIECES_PER_THREAD = 16;

    /** Largest scratch buffer kept between calls, in floats (64 MB). */
    private static final int MAX_POOLED = 1 << 24;
    /** Largest array length this class allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final Parallel parallel;
    /** Rows per register block: MR, or HALF (a block of MR rows computed as two). */
    private final int blockRows;
    /** Scratch for packed B, kept between calls; a concurrent call allocates its own. */
    private final AtomicReference<float[]> packedB = new AtomicReference<>();
    /** Scratch for packed A (multTransA only), kept between calls; a concurrent call allocates its own. */
    private final AtomicReference<float[]> packedA = new AtomicReference<>();

    /**
     * @param parallel runs the pieces of a product; its thread count does not change the results
     */
    public VectorGemm(Parallel parallel) {
        this(parallel, blockRowsFor(System.getProperty("os.arch", ""), S.vectorBitSize()));
    }

    /**
     * @param parallel runs the pieces of a product
     * @param blockRows rows of C per register block, 8 or 4; neither it nor the thread count changes the results
     */
    VectorGemm(Parallel parallel, int blockRows) {
        if (blockRows != MR && blockRows != HALF) {
            throw new IllegalArgumentException("rows per register block must be " + MR + " or " + HALF + ": "
                    + blockRows);
        }
        this.parallel = Objects.requireNonNull(parallel, "parallel");
        this.blockRows = blockRows;
    }

    /**
     * Rows of C per register block for a CPU: {@value #MR} where it has 32 vector registers (x86 with AVX-512,
     * which 512-bit vectors imply, and AArch64), {@value #HALF} on x86 with 256-bit or narrower vectors, which has
     * 16. A block holds rows × {@value #NV} accumulators, {@value #NV} vectors of B and one broadcast value of A.
     */
    static int blockRowsFor(String osArch, int vectorBits) {
        boolean x86 = osArch.equals("amd64") || osArch.equals("x86_64") || osArch.equals("x86");
        return x86 && vectorBits < 512 ? HALF : MR;
    }

    @Override
    public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
        check(a, b, c, m, k, n);
        run(a, k, 1, false, b, false, c, m, k, n);
    }

    @Override
    public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        check(a, b, c, m, k, n);
        run(a, 1, m, true, b, false, c, m, k, n);
    }

    @Override
    public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
        check(a, b, c, m, k, n);
        run(a, k, 1, false, b, true, c, m, k, n);
    }

    @Override
    public String name() {
        return "vector-api " + S.vectorBitSize() + "-bit";
    }

    @Override
    public String toString() {
        return name() + " (" + blockRows + "×" + NV + " block, parallelism " + parallel.parallelism() + ")";
    }

    private static void check(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        // the packed, zero-padded copies of B and A must fit in arrays too
        if ((long) k * roundUp(n, NR) > MAX_ARRAY || (long) k * roundUp(m, MR) > MAX_ARRAY) {
            throw new IllegalArgumentException("matrix too large: m=" + m + ", k=" + k + ", n=" + n);
        }
    }

    private static long roundUp(int x, int multiple) {
        return ((long) x + multiple - 1) / multiple * multiple;
    }

    /**
     * Computes C (m×n) = A·B where A(i, p) = a[i*rs + p*ps], and B(p, j) = b[p*n + j], or b[j*k + p] if
     * {@code transB}.
     *
     * @param packA whether to copy A into row blocks first (worth it when rs == 1: Aᵀ)
     */
    private void run(float[] a, int rs, int ps, boolean packA, float[] b, boolean transB, float[] c, int m, int k,
            int n) {
        int par = parallel.parallelism();
        int rowBlocks = (m + MR - 1) / MR;
        int panels = (n + NR - 1) / NR;
        int rowPieces = 1;
        int colPieces = 1;
        if (2.0 * m * n * k >= MIN_PARALLEL_FLOPS) {
            // row ranges whose rows of A stay in cache across the panels of B (at least one per thread), cut
            // into column ranges until there are enough pieces to balance the threads
            long blocksPerChunk = Math.max(1, A_CHUNK_BYTES / (4L * k * MR));
            int byCache = (int) ((rowBlocks + blocksPerChunk - 1) / blocksPerChunk);
            rowPieces = Math.min(rowBlocks, Math.max(byCache, par));
            if (par > 1) {
                colPieces = Math.min(panels, (par * PIECES_PER_THREAD + rowPieces - 1) / rowPieces);
            }
        }
        // multTransB always packs Bᵀ; otherwise only the panels of a product with many rows are worth packing,
        // and the tail panel, so that its last vector can be read whole
        boolean packB = transB || rowBlocks >= MIN_BLOCKS_TO_PACK_B;
        float[] bp = take(packedB, k * (int) (packB ? roundUp(n, L) : roundUp(n % NR, L)));
        float[] ap = packA ? take(packedA, k * (int) roundUp(m, MR)) : null;
        try {
            Product product = new Product(a, rs, ps, ap, b, transB, packB, bp, c, m, k, n, rowPieces, colPieces,
                    blockRows);
            int pieces = rowPieces * colPieces;
            if (pieces == 1) {
                product.run(0);
            } else {
                parallel.forEach(pieces, product::run);     // even on one thread: a cancellable Parallel polls
            }
        } finally {
            give(packedB, bp);
            if (ap != null) {
                give(packedA, ap);
            }
        }
    }

    /** Takes the pooled buffer if it is large enough, else allocates one. */
    private static float[] take(AtomicReference<float[]> pool, int size) {
        float[] buffer = pool.getAndSet(null);
        return buffer != null && buffer.length >= size ? buffer : new float[size];
    }

    /** Returns a buffer to the pool, unless it is huge. */
    private static void give(AtomicReference<float[]> pool, float[] buffer) {
        if (buffer.length <= MAX_POOLED) {
            pool.set(buffer);
        }
    }

    /** One product, cut into rowPieces × colPieces rectangles of C. */
    private static final class Product {
        private static final int NOT_PACKED = 0;
        private static final int PACKING = 1;
        private static final int PACKED = 2;

        private final float[] a;
        private final int rs;
        private final int ps;
        private final float[] b;
        private final boolean transB;
        /** Whether every panel of B is packed into bp, or only the tail panel (at 0). */
        private final boolean packB;
        private final float[] bp;
        private final float[] c;
        private final int m;
        private final int k;
        private final int n;
        private final int rowBlocks;
        private final int panels;
        private final int fullPanels;
        private final int tailVectors;
        private final int lastCols;
        private final int rowPieces;
        private final int colPieces;
        /** Per panel of B: NOT_PACKED, PACKING or PACKED into bp. */
        private final AtomicIntegerArray panelState;
        /** A packed in row blocks (ap[ib*MR*k + p*MR + r] = A(ib*MR + r, p)), or null to read a in place. */
        private final float[] ap;
        /** Per row piece: NOT_PACKED, PACKING or PACKED into ap. */
        private final AtomicIntegerArray rowState;
        private final int blockRows;

        Product(float[] a, int rs, int ps, float[] ap, float[] b, boolean transB, boolean packB, float[] bp,
                float[] c, int m, int k, int n, int rowPieces, int colPieces, int blockRows) {
            this.a = a;
            this.rs = rs;
            this.ps = ps;
            this.b = b;
            this.transB = transB;
            this.packB = packB;
            this.bp = bp;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.rowBlocks = (m + MR - 1) / MR;
            this.fullPanels = n / NR;
            int tailCols = n - fullPanels * NR;
            this.panels = fullPanels + (tailCols > 0 ? 1 : 0);
            this.tailVectors = (tailCols + L - 1) / L;
            this.lastCols = tailCols - (tailVectors - 1) * L;
            this.rowPieces = rowPieces;
            this.colPieces = colPieces;
            this.panelState = new AtomicIntegerArray(panels);
            this.ap = ap;
            this.rowState = ap == null ? null : new AtomicIntegerArray(rowPieces);
            this.blockRows = blockRows;
        }

        void run(int piece) {
            int rp = piece % rowPieces; // pieces run about in index order: neighbours share no rows
            int cp = piece / rowPieces;
            int rowStart = (int) ((long) rp * rowBlocks / rowPieces) * MR;
            int rowEnd = Math.min(m, (int) ((long) (rp + 1) * rowBlocks / rowPieces) * MR);
            int panelStart = (int) ((long) cp * panels / colPieces);
            int count = (int) ((long) (cp + 1) * panels / colPieces) - panelStart;
            // panels outer, row blocks inner: one packed k×NR panel of B stays in cache across the row blocks.
            // Row pieces start at different panels, so that threads pack different panels; a panel that another
            // thread is packing is done last.
            if (ap != null) {
                awaitRowsPacked(rp, rowStart, rowEnd);
            }
            int first = (int) ((long) rp * count / rowPieces);
            int[] later = null;
            int laterCount = 0;
            for (int t = 0; t < count; t++) {
                int q = panelStart + (first + t) % count;
                if (!packB && q < fullPanels) {
                    compute(q, b, col(q), n, rowStart, rowEnd);
                    continue;
                }
                if (panelState.get(q) != PACKED) {
                    if (panelState.compareAndSet(q, NOT_PACKED, PACKING)) {
                        try {
                            packPanel(q);
                        } finally {
                            panelState.set(q, PACKED);
                        }
                    } else {
                        if (later == null) {
                            later = new int[count];
                        }
                        later[laterCount++] = q;
                        continue;
                    }
                }
                compute(q, bp, packedOffset(q), width(q), rowStart, rowEnd);
            }
            for (int t = 0; t < laterCount; t++) {
                int q = later[t];
                awaitPacked(panelState, q);
                compute(q, bp, packedOffset(q), width(q), rowStart, rowEnd);
            }
        }

        /** The first column of panel q. */
        private static int col(int q) {
            return q * NR;
        }

        /** The width of panel q, rounded up to whole vectors. */
        private int width(int q) {
            return q < fullPanels ? NR : tailVectors * L;
        }

        /** Where panel q starts in bp. */
        private int packedOffset(int q) {
            return packB ? q * k * NR : 0;
        }

        /** Packs rows [rowStart, rowEnd) of A into ap unless done; if another piece is packing them, waits. */
        private void awaitRowsPacked(int rp, int rowStart, int rowEnd) {
            if (rowState.get(rp) == PACKED) {
                return;
            }
            if (rowState.compareAndSet(rp, NOT_PACKED, PACKING)) {
                try {
                    // Aᵀ has the MR values of a block at p next to each other: copy them as one short vector
                    int fullEnd = rowStart + (rowEnd - rowStart) / MR * MR;
                    for (int p = 0, src = 0; p < k; p++, src += ps) {
                        for (int i0 = rowStart; i0 < fullEnd; i0 += MR) {
                            FloatVector.fromArray(SA, a, src + i0).intoArray(ap, i0 * k + p * MR);
                        }
                        for (int i = fullEnd; i < rowEnd; i++) {
                            ap[fullEnd * k + p * MR + i - fullEnd] = a[src + i];
                        }
                    }
                } finally {
                    rowState.set(rp, PACKED);
                }
                return;
            }
            awaitPacked(rowState, rp);
        }

        /** Waits while another thread packs item i (a few microseconds of copying, which never blocks). */
        private static void awaitPacked(AtomicIntegerArray state, int i) {
            for (int spins = 1; state.get(i) != PACKED; spins++) {
                if (spins % 1024 == 0) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
        }

        /**
         * Computes rows [rowStart, rowEnd) of panel q of C, with B(p, col(q) + j) = pb[bi + p*ldb + j]: blocks of
         * MR rows, then blocks of MR/2, MR/4, ..., 1 rows for the rest.
         */
        private void compute(int q, float[] pb, int bi, int ldb, int rowStart, int rowEnd) {
            boolean full = q < fullPanels;
            int nv = full ? NV : tailVectors;
            int lc = full ? L : lastCols;
            int col = col(q);
            int i = rowStart;
            if (ap == null) {
                for (; i + MR <= rowEnd; i += MR) {
                    eightRows(full, nv, a, i * rs, rs, ps, pb, bi, ldb, i * n + col, lc);
                }
                for (int rows = MR / 2; rows >= 1; rows /= 2) {
                    if (i + rows <= rowEnd) {
                        fewRows(rows, nv, a, i * rs, rs, ps, pb, bi, ldb, c, i * n + col, n, k, lc);
                        i += rows;
                    }
                }
            } else {
                // ap holds row i at (i - i % MR) * k + i % MR, the next rows beside it
                for (; i + MR <= rowEnd; i += MR) {
                    eightRows(full, nv, ap, i * k, 1, MR, pb, bi, ldb, i * n + col, lc);
                }
                for (int rows = MR / 2; rows >= 1; rows /= 2) {
                    if (i + rows <= rowEnd) {
                        int r = i % MR;
                        fewRows(rows, nv, ap, (i - r) * k + r, 1, MR, pb, bi, ldb, c, i * n + col, n, k, lc);
                        i += rows;
                    }
                }
            }
        }

        /**
         * Computes MR rows of C, in one register block or in two, from A(i, p) = as[ai + i*rs + p*ps] (a, or its
         * packed copy); {@code full}: whether this is a full panel.
         */
        private void eightRows(boolean full, int nv, float[] as, int ai, int rs, int ps, float[] pb, int bi,
                int ldb, int ci, int lc) {
            if (blockRows == MR) {
                block(nv, as, ai, rs, ps, pb, bi, ldb, c, ci, n, k, lc);
            } else if (full && pb == bp) {
                // a packed full panel: its row stride is NR
                packedBlock(nv, as, ai, rs, ps, pb, bi, c, ci, n, k, lc);
                packedBlock(nv, as, ai + HALF * rs, rs, ps, pb, bi, c, ci + HALF * n, n, k, lc);
            } else {
                fewRows(HALF, nv, as, ai, rs, ps, pb, bi, ldb, c, ci, n, k, lc);
                fewRows(HALF, nv, as, ai + HALF * rs, rs, ps, pb, bi, ldb, c, ci + HALF * n, n, k, lc);
            }
        }

        /** Copies panel q of B (or of Bᵀ) into bp, row stride = its width, zero-padded to whole vectors. */
        private void packPanel(int q) {
            int col = col(q);
            int width = width(q);
            int cols = Math.min(NR, n - col);
            int base = packedOffset(q);
            if (!transB) {
                if (cols == NR) {
                    for (int p = 0, src = col, dst = base; p < k; p++, src += n, dst += NR) {
                        for (int v = 0; v < NR; v += L) {
                            FloatVector.fromArray(S, b, src + v).intoArray(bp, dst + v);
                        }
                    }
                } else {
                    for (int p = 0, src = col, dst = base; p < k; p++, src += n, dst += width) {
                        System.arraycopy(b, src, bp, dst, cols);
                        Arrays.fill(bp, dst + cols, dst + width, 0f);
                    }
                }
            } else {
                for (int p = 0, dst = base; p < k; p++, dst += width) {
                    for (int j = 0, src = col * k + p; j < cols; j++, src += k) {
                        bp[dst + j] = b[src];
                    }
                    Arrays.fill(bp, dst + cols, dst + width, 0f);
                }
            }
        }
    }
}
