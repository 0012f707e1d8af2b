package app.initscope.core.linalg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Writes {@code VectorGemmKernels.java}, the register-blocked kernels of {@link VectorGemm}: one method per block
 * shape of {@code rows × vectors} of C, for rows = {@value #MR}, {@value #MR}/2, ..., 1 and vectors = 1..{@value #NV},
 * and the two methods that pick one. The idea is EJML's {@code GeneratorMatrixMatrixMult_DDRM}: the repetitive
 * code is Java text written by loops over the unroll factors, so it can be changed in one place.
 *
 * <p>Every kernel computes each element of its block as one fused-multiply-add chain over p = 0..k−1, starting
 * from 0, and stores the last vector of a row through the mask of its {@code lastCols} valid lanes. Changing the
 * order of the fma calls within a chain would change the results; the order between chains does not.
 *
 * <p>The {@value #MR}/2-row kernels (the register block where there are 16 vector registers: x86 with AVX2) come
 * twice: {@code k4xV}, which read B at the stride {@code ldb} like all the others, and {@code p4xV}, for a packed
 * panel read at the constant stride {@code NR}. The constant stride lets C2 check the bounds of B's loads once per
 * call instead of at every step, and frees a register: a 1000³ product on one core with {@code -XX:UseAVX=2} went
 * from 20.6-21.4 ms to 18.9-20.3 (Zen 4). A keeps its runtime stride and one offset per row on purpose: each
 * broadcast keeps its own range check in the loop, which keeps the broadcasts in order. Where C2 could merge or
 * hoist those checks (A read as a[ao + i], or at a constant stride), it issued all the broadcasts of a step at
 * once and spilled accumulators to the stack, at half speed. The {@value #MR}-row kernels (AVX-512) written the
 * {@code p} way ran 4-5% slower, short of general-purpose registers, so only the {@value #MR}/2-row ones have it.
 *
 * <p>Regenerate from the repository root, with no build needed (the generator uses the JDK only):
 * <pre>{@value #COMMAND}</pre>
 * {@code GemmKernelGeneratorTest} fails while the checked-in file differs from {@link #generate()}.
 */
public final class GemmKernelGenerator {

    /** Rows of C per full register block: 4 or 8 (the accumulators are named c{row}{vector}). */
    static final int MR = 8;
    /** Most vectors of C per register block, at most 10. */
    static final int NV = 3;
    /** Where the generated file lives, from the repository root. */
    static final String TARGET = "src/main/java/app/initscope/core/linalg/VectorGemmKernels.java";
    /** The command that regenerates the file, from the repository root. */
    static final String COMMAND = "java src/test/java/app/initscope/core/linalg/GemmKernelGenerator.java";

    private final StringBuilder out = new StringBuilder();

    private GemmKernelGenerator() {
    }

    /** Writes the file to {@value #TARGET}, or to the path given as the first argument. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : TARGET);
        Files.writeString(target, generate(), StandardCharsets.UTF_8);
    }

    /** The text of {@code VectorGemmKernels.java}. */
    public static String generate() {
        if (Integer.bitCount(MR) != 1 || MR < 4 || MR > 8 || NV < 1 || NV > 10) {
            throw new IllegalStateException("unsupported unroll factors MR=" + MR + ", NV=" + NV);
        }
        GemmKernelGenerator g = new GemmKernelGenerator();
        g.header();
        g.dispatchFullBlock();
        g.dispatchFewRows();
        g.dispatchPacked();
        for (int rows = MR; rows >= 1; rows /= 2) {
            for (int vectors = 1; vectors <= NV; vectors++) {
                g.kernel(rows, vectors);
            }
        }
        for (int vectors = 1; vectors <= NV; vectors++) {
            g.packedKernel(MR / 2, vectors);
        }
        g.line("}");
        return g.out.toString();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void header() {
        line("package app.initscope.core.linalg;");
        line("");
        line("import jdk.incubator.vector.FloatVector;");
        line("import jdk.incubator.vector.VectorMask;");
        line("import jdk.incubator.vector.VectorSpecies;");
        line("");
        line("// GENERATED FILE: do not edit by hand. Written by app.initscope.core.linalg.GemmKernelGenerator");
        line("// (src/test/java/app/initscope/core/linalg/GemmKernelGenerator.java). Change the generator, then run");
        line("// from the repository root:");
        line("//     " + COMMAND);
        line("// GemmKernelGeneratorTest fails while this file differs from the generator's output.");
        line("");
        line("/**");
        line(" * The register-blocked kernels of {@link VectorGemm}: a block of C = rows of A times a panel of B, for");
        line(" * blocks of " + MR + ", " + (MR / 2) + ", ..., 1 rows × 1.." + NV + " vectors. Every element is one"
                + " fused-multiply-add chain");
        line(" * over p = 0..k-1, starting from 0, and the last vector of each row is stored through the mask of its");
        line(" * {@code lastCols} valid lanes.");
        line(" *");
        line(" * <p>Arguments of every kernel: A(i, p) = a[ai + i*rs + p*ps], not modified;"
                + " B(p, j) = b[bi + p*ldb + j],");
        line(" * not modified; C(i, j) = c[ci + i*ldc + j], modified (only the block's elements). The p"
                + (MR / 2) + "xV kernels read a packed");
        line(" * panel of B at the constant stride ldb = {@link #NR}: see GemmKernelGenerator's comment for why.");
        line(" */");
        line("final class VectorGemmKernels {");
        line("");
        line("    /** Rows of C per full register block. */");
        line("    static final int MR = " + MR + ";");
        line("    /** Most vectors of C per register block. */");
        line("    static final int NV = " + NV + ";");
        line("");
        line("    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;");
        line("    /** Lanes per vector. */");
        line("    private static final int L = S.length();");
        line("    /** Columns per full panel of B, and the row stride of the packed panels that the p kernels read. */");
        line("    static final int NR = NV * L;");
        line("");
        line("    private VectorGemmKernels() {");
        line("    }");
        line("");
    }

    private static String call(int rows, int vectors) {
        return "k" + rows + "x" + vectors + "(a, ai, rs, ps, b, bi, ldb, c, ci, ldc, k, lastCols);";
    }

    private void cases(String indent, int rows) {
        line(indent + "switch (nv) {");
        for (int v = 1; v <= NV; v++) {
            line(indent + "    case " + v + " -> " + call(rows, v));
        }
        line(indent + "    default -> throw new IllegalStateException(\"vectors per block: \" + nv);");
        line(indent + "}");
    }

    private void dispatchFullBlock() {
        line("    /** Computes " + MR + " rows × nv vectors of C. */");
        line("    static void block(int nv, float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb, float[] c,");
        line("            int ci, int ldc, int k, int lastCols) {");
        cases("        ", MR);
        line("    }");
        line("");
    }

    private void dispatchFewRows() {
        line("    /** Computes rows × nv vectors of C, rows = " + (MR / 2) + ", ..., 1 (a power of two). */");
        line("    static void fewRows(int rows, int nv, float[] a, int ai, int rs, int ps, float[] b, int bi,"
                + " int ldb,");
        line("            float[] c, int ci, int ldc, int k, int lastCols) {");
        for (int rows = MR / 2; rows >= 1; rows /= 2) {
            if (rows == MR / 2) {
                line("        if (rows == " + rows + ") {");
            } else if (rows > 1) {
                line("        } else if (rows == " + rows + ") {");
            } else {
                line("        } else {");
            }
            cases("            ", rows);
        }
        line("        }");
        line("    }");
    }

    private void dispatchPacked() {
        int rows = MR / 2;
        line("");
        line("    /** Computes " + rows + " rows × nv vectors of C from a packed panel of B, whose row stride is NR. */");
        line("    static void packedBlock(int nv, float[] a, int ai, int rs, int ps, float[] b, int bi, float[] c,"
                + " int ci,");
        line("            int ldc, int k, int lastCols) {");
        line("        switch (nv) {");
        for (int v = 1; v <= NV; v++) {
            line("            case " + v + " -> p" + rows + "x" + v + "(a, ai, rs, ps, b, bi, c, ci, ldc, k, lastCols);");
        }
        line("            default -> throw new IllegalStateException(\"vectors per block: \" + nv);");
        line("        }");
        line("    }");
    }

    /** "+ i * x" with the factor left out for 1 and the term for 0. */
    private static String offset(int i, String unit) {
        return i == 0 ? "" : i == 1 ? " + " + unit : " + " + i + " * " + unit;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** A kernel that reads B at the constant stride NR: see the class comment. */
    private void packedKernel(int rows, int vectors) {
        line("");
        line("    /** " + plural(rows, "row") + " × " + plural(vectors, "vector")
                + " of C from a packed panel of B (ldb = NR), one fma chain per element over p = 0..k-1. */");
        line("    private static void p" + rows + "x" + vectors
                + "(float[] a, int ai, int rs, int ps, float[] b, int bi,");
        line("            float[] c, int ci, int ldc, int k, int lastCols) {");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < vectors; j++) {
                line("        FloatVector c" + i + j + " = FloatVector.zero(S);");
            }
        }
        for (int i = 1; i < rows; i++) {
            line("        int r" + i + " = " + (i == 1 ? "rs" : i + " * rs") + ";");
        }
        line("        for (int p = 0, ao = ai, bo = bi; p < k; p++, ao += ps, bo += NR) {");
        fmaStep(rows, vectors, i -> i == 0 ? "ao" : "ao + r" + i);
        line("        }");
        store(rows, vectors);
    }

    private void fmaStep(int rows, int vectors, IntFunction<String> aIndex) {
        for (int j = 0; j < vectors; j++) {
            line("            FloatVector b" + j + " = FloatVector.fromArray(S, b, bo" + offset(j, "L") + ");");
        }
        for (int i = 0; i < rows; i++) {
            line("            FloatVector x" + i + " = FloatVector.broadcast(S, a[" + aIndex.apply(i) + "]);");
            for (int j = 0; j < vectors; j++) {
                line("            c" + i + j + " = x" + i + ".fma(b" + j + ", c" + i + j + ");");
            }
        }
    }

    private void store(int rows, int vectors) {
        line("        VectorMask<Float> last = S.indexInRange(0, lastCols);");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < vectors; j++) {
                String mask = j == vectors - 1 ? ", last" : "";
                line("        c" + i + j + ".intoArray(c, ci" + offset(i, "ldc") + offset(j, "L") + mask + ");");
            }
        }
        line("    }");
    }

    private void kernel(int rows, int vectors) {
        line("");
        line("    /** " + plural(rows, "row") + " × " + plural(vectors, "vector")
                + " of C, one fma chain per element over p = 0..k-1. */");
        line("    private static void k" + rows + "x" + vectors
                + "(float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb,");
        line("            float[] c, int ci, int ldc, int k, int lastCols) {");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < vectors; j++) {
                line("        FloatVector c" + i + j + " = FloatVector.zero(S);");
            }
        }
        for (int i = 0; i < rows; i++) {
            line("        int a" + i + " = ai" + offset(i, "rs") + ";");
        }
        line("        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {");
        fmaStep(rows, vectors, i -> "a" + i + " + ao");
        line("        }");
        store(rows, vectors);
    }
}
