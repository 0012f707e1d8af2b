package app.initscope.core.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Float32 products by the system's OpenBLAS ({@code cblas_sgemm}), called through the FFM API on the Java arrays
 * themselves (heap segments passed to a {@linkplain Linker.Option#critical(boolean) critical} call: no copies).
 *
 * <p>C is cut into tiles of at most {@value #TILE_ROWS}×{@value #TILE_COLS}, a function of the shape only, and
 * every tile is one single-threaded {@code cblas_sgemm} call, run by the given {@link Parallel}. The same calls on
 * the same tiles are made whatever the thread count, so the result is bit-identical for any {@link Parallel};
 * the order in which an element's k products are summed is OpenBLAS's (blocked over k, fused multiply-adds), so
 * it differs from {@link VectorGemm}'s in the last bits. OpenBLAS chooses its kernel for the CPU at load time:
 * two machines of different kinds may differ in the last bits too.
 *
 * <p>A critical call holds off the garbage collector until it returns; a tile is at most
 * 2·{@value #TILE_ROWS}·{@value #TILE_COLS}·k flops (about 3 ms for k = 1000 on one core), and a cancel is
 * noticed between tiles.
 *
 * <p>The library is looked up once, under the names in {@link #LIBRARY_NAMES}; {@link #available()} says whether it
 * was found. A build of OpenBLAS with its own threads (pthread or OpenMP) is set to one thread, so that every
 * call runs on the thread that makes it. Calls are made one at a time: Debian's serial build gave wrong numbers
 * (0.418 for 0.243) when two threads called it at once, so the tiles' calls take turns and the kernel uses one
 * core whatever the parallel.
 */
// The FFM calls are restricted methods: the launchers grant this module native access (--enable-native-access).
@SuppressWarnings("restricted")
public final class BlasGemm implements Gemm {

    /** One call into the library at a time (see the class comment). */
    private static final java.util.concurrent.locks.ReentrantLock CALLS = new java.util.concurrent.locks.ReentrantLock();

    /** Rows of C per BLAS call at most. */
    static final int TILE_ROWS = 256;
    /** Columns of C per BLAS call at most. */
    static final int TILE_COLS = 512;
    /** The shared-library names tried, in order: OpenBLAS itself, then the BLAS alternative if it is OpenBLAS. */
    static final List<String> LIBRARY_NAMES = List.of("libopenblas.so.0", "libopenblas.so", "libblas.so.3",
            "libopenblas.dylib", "libopenblas.dll");

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private final Parallel parallel;
    private final Library library;

    /**
     * @param parallel runs the tiles of a product; its thread count does not change the results
     * @throws IllegalStateException if the library is not {@linkplain #available() available}
     */
    public BlasGemm(Parallel parallel) {
        this.parallel = Objects.requireNonNull(parallel, "parallel");
        this.library = Library.INSTANCE.orElseThrow(() -> new IllegalStateException(
                "OpenBLAS not found (tried " + String.join(", ", LIBRARY_NAMES) + ")"));
    }

    /** Whether OpenBLAS was found and its {@code cblas_sgemm} can be called. */
    public static boolean available() {
        return Library.INSTANCE.isPresent();
    }

    @Override
    public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        run(false, false, a, b, c, m, k, n);
    }

    @Override
    public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        run(true, false, a, b, c, m, k, n);
    }

    @Override
    public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
        Kernels.checkProduct(a, b, c, m, k, n);
        run(false, true, a, b, c, m, k, n);
    }

    @Override
    public String name() {
        return library.name;
    }

    @Override
    public String toString() {
        return name() + " (" + TILE_ROWS + "×" + TILE_COLS + " tiles, parallelism " + parallel.parallelism() + ")";
    }

    /** C (m×n) = op(A)·op(B): A is k×m when transA (else m×k), B is n×k when transB (else k×n). */
    private void run(boolean transA, boolean transB, float[] a, float[] b, float[] c, int m, int k, int n) {
        int rowTiles = (m + TILE_ROWS - 1) / TILE_ROWS;
        int colTiles = (n + TILE_COLS - 1) / TILE_COLS;
        int tiles = rowTiles * colTiles;
        MemorySegment as = MemorySegment.ofArray(a);
        MemorySegment bs = MemorySegment.ofArray(b);
        MemorySegment cs = MemorySegment.ofArray(c);
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        IntConsumer tile = t -> {
            int i0 = (t % rowTiles) * TILE_ROWS;
            int j0 = (t / rowTiles) * TILE_COLS;
            int rows = Math.min(TILE_ROWS, m - i0);
            int cols = Math.min(TILE_COLS, n - j0);
            // the first element of the tile's rows of op(A), columns of op(B), and of C
            long aOffset = transA ? i0 : (long) i0 * k;
            long bOffset = transB ? (long) j0 * k : j0;
            long cOffset = (long) i0 * n + j0;
            library.sgemm(transA, transB, rows, cols, k,
                    as.asSlice(aOffset * Float.BYTES), lda,
                    bs.asSlice(bOffset * Float.BYTES), ldb,
                    cs.asSlice(cOffset * Float.BYTES), n);
        };
        if (tiles == 1) {
            tile.accept(0);
        } else {
            parallel.forEach(tiles, tile);     // even on one thread: a cancellable Parallel polls between tiles
        }
    }

    /** The loaded library: {@code cblas_sgemm} and a name for reports. */
    private static final class Library {
        static final Optional<Library> INSTANCE = load();

        private final MethodHandle sgemm;
        private final String name;

        private Library(MethodHandle sgemm, String name) {
            this.sgemm = sgemm;
            this.name = name;
        }

        void sgemm(boolean transA, boolean transB, int m, int n, int k, MemorySegment a, int lda,
                MemorySegment b, int ldb, MemorySegment c, int ldc) {
            CALLS.lock();
            try {
                sgemm.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                        1f, a, lda, b, ldb, 0f, c, ldc);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cblas_sgemm failed", e);
            } finally {
                CALLS.unlock();
            }
        }

        /** A 1×1 product on this thread, so that OpenBLAS sets up its buffers before calls come from many. */
        private void firstCall() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 2f);
                MemorySegment y = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 3f);
                MemorySegment z = arena.allocate(ValueLayout.JAVA_FLOAT);
                sgemm(false, false, 1, 1, 1, x, 1, y, 1, z, 1);
                if (z.get(ValueLayout.JAVA_FLOAT, 0) != 6f) {
                    throw new IllegalStateException("cblas_sgemm computed 2·3 = " + z.get(ValueLayout.JAVA_FLOAT, 0));
                }
            }
        }

        private static Optional<Library> load() {
            Linker linker = Linker.nativeLinker();
            for (String file : LIBRARY_NAMES) {
                try {
                    SymbolLookup lookup = SymbolLookup.libraryLookup(file, Arena.global());
                    Optional<MemorySegment> config = lookup.find("openblas_get_config");
                    Optional<MemorySegment> sgemm = lookup.find("cblas_sgemm");
                    if (config.isEmpty() || sgemm.isEmpty()) {
                        continue;       // not OpenBLAS (a reference BLAS is slower than the Vector API kernel)
                    }
                    MethodHandle handle = linker.downcallHandle(sgemm.get(), FunctionDescriptor.ofVoid(
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                            Linker.Option.critical(true));
                    boolean threaded = singleThreaded(linker, lookup);
                    Library library = new Library(handle, describe(config(linker, config.get()), threaded));
                    library.firstCall();
                    return Optional.of(library);
                } catch (IllegalArgumentException | IllegalStateException | IllegalCallerException
                        | UnsupportedOperationException e) {
                    // not found, or not loadable here: try the next name
                }
            }
            return Optional.empty();
        }

        /**
         * Sets a threaded build to one thread; returns whether it was threaded. OpenBLAS's
         * {@code openblas_get_parallel} is 0 for a serial build, 1 for pthreads, 2 for OpenMP.
         */
        private static boolean singleThreaded(Linker linker, SymbolLookup lookup) {
            Optional<MemorySegment> parallel = lookup.find("openblas_get_parallel");
            Optional<MemorySegment> setThreads = lookup.find("openblas_set_num_threads");
            if (parallel.isEmpty() || setThreads.isEmpty()) {
                return false;
            }
            try {
                int kind = (int) linker.downcallHandle(parallel.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT))
                        .invokeExact();
                if (kind == 0) {
                    return false;
                }
                linker.downcallHandle(setThreads.get(), FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT))
                        .invokeExact(1);
                return true;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** What {@code openblas_get_config} says, e.g. "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH ... Zen ...". */
        private static String config(Linker linker, MemorySegment function) {
            try {
                MemorySegment text = (MemorySegment) linker.downcallHandle(function,
                        FunctionDescriptor.of(ValueLayout.ADDRESS)).invokeExact();
                return text.equals(MemorySegment.NULL) ? "" : text.reinterpret(1024).getString(0);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

    }

    /**
     * The kernel's name from what {@code openblas_get_config} says: "openblas 0.3.21 (serial)", or "openblas
     * 0.3.21 (set to 1 thread)" for a threaded build.
     */
    static String describe(String config, boolean threaded) {
        String[] words = config.trim().split("\\s+");
        String version = words.length >= 2 && words[0].equalsIgnoreCase("OpenBLAS") ? " " + words[1] : "";
        return "openblas" + version + (threaded ? " (set to 1 thread)" : " (serial)");
    }
}
