package app.initscope.core.linalg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        for (int rows = MR; rows >= 1; rows /= 2) {
            for (int vectors = 1; vectors <= NV; vectors++) {
                g.kernel(rows, vectors);
            }
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
                + " B(p, j) = b[bi + p*NR + j], a");
        line(" * packed panel of B, not modified; C(i, j) = c[ci + i*ldc + j], modified (only the block's elements).");
        line(" *");
        line(" * <p>How the indices are written decides what C2 makes of the loop, and the " + (MR / 2)
                + "-row kernels (the register");
        line(" * block on x86 with 16 vector registers: AVX2) are the tight case. They read B at the constant row stride");
        line(" * {@link #NR}, which takes the range checks of B's loads out of the loop and frees a register: 8-10% faster");
        line(" * (-XX:UseAVX=2 on Zen 4). They read A through the runtime row offset rs and stride ps, so that each");
        line(" * broadcast keeps its own range check in the loop, which keeps the broadcasts in order: where C2 could");
        line(" * merge or hoist those checks (A read as a[ao + i], or at a constant stride), it issued all the broadcasts");
        line(" * of a step at once and spilled accumulators to the stack, at half speed. The " + MR
                + "-row kernels (AVX-512,");
        line(" * 32 registers) take B's stride as the parameter ldb instead, with one offset per row of A: written like");
        line(" * the others they ran 4-5% slower, short of general-purpose registers.");
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
        line("    /** Columns per panel of B: the row stride of every packed panel, the tail panel's too. */");
        line("    static final int NR = NV * L;");
        line("");
        line("    private VectorGemmKernels() {");
        line("    }");
        line("");
    }

    private static String call(int rows, int vectors) {
        String ldb = rows == MR ? "ldb, " : "";
        return "k" + rows + "x" + vectors + "(a, ai, rs, ps, b, bi, " + ldb + "c, ci, ldc, k, lastCols);";
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
        line("    /** Computes " + MR + " rows × nv vectors of C; ldb is {@link #NR} (see the class comment). */");
        line("    static void block(int nv, float[] a, int ai, int rs, int ps, float[] b, int bi, int ldb, float[] c,");
        line("            int ci, int ldc, int k, int lastCols) {");
        cases("        ", MR);
        line("    }");
        line("");
    }

    private void dispatchFewRows() {
        line("    /** Computes rows × nv vectors of C, rows = " + (MR / 2) + ", ..., 1 (a power of two). */");
        line("    static void fewRows(int rows, int nv, float[] a, int ai, int rs, int ps, float[] b, int bi,"
                + " float[] c,");
        line("            int ci, int ldc, int k, int lastCols) {");
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

    /** "+ i * x" with the factor left out for 1 and the term for 0. */
    private static String offset(int i, String unit) {
        return i == 0 ? "" : i == 1 ? " + " + unit : " + " + i + " * " + unit;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private void kernel(int rows, int vectors) {
        line("");
        line("    /** " + plural(rows, "row") + " × " + plural(vectors, "vector")
                + " of C, one fma chain per element over p = 0..k-1. */");
        // the full block's kernels read B at a runtime stride, through one offset per row of A (see the header)
        boolean full = rows == MR;
        line("    private static void k" + rows + "x" + vectors
                + "(float[] a, int ai, int rs, int ps, float[] b, int bi," + (full ? " int ldb," : ""));
        line("            float[] c, int ci, int ldc, int k, int lastCols) {");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < vectors; j++) {
                line("        FloatVector c" + i + j + " = FloatVector.zero(S);");
            }
        }
        if (full) {
            for (int i = 0; i < rows; i++) {
                line("        int a" + i + " = ai" + offset(i, "rs") + ";");
            }
            line("        for (int p = 0, ao = 0, bo = bi; p < k; p++, ao += ps, bo += ldb) {");
        } else {
            for (int i = 1; i < rows; i++) {
                line("        int r" + i + " = " + (i == 1 ? "rs" : i + " * rs") + ";");
            }
            line("        for (int p = 0, ao = ai, bo = bi; p < k; p++, ao += ps, bo += NR) {");
        }
        for (int j = 0; j < vectors; j++) {
            line("            FloatVector b" + j + " = FloatVector.fromArray(S, b, bo" + offset(j, "L") + ");");
        }
        for (int i = 0; i < rows; i++) {
            String index = full ? "a" + i + " + ao" : i == 0 ? "ao" : "ao + r" + i;
            line("            FloatVector x" + i + " = FloatVector.broadcast(S, a[" + index + "]);");
            for (int j = 0; j < vectors; j++) {
                line("            c" + i + j + " = x" + i + ".fma(b" + j + ", c" + i + j + ");");
            }
        }
        line("        }");
        line("        VectorMask<Float> last = S.indexInRange(0, lastCols);");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < vectors; j++) {
                String mask = j == vectors - 1 ? ", last" : "";
                line("        c" + i + j + ".intoArray(c, ci" + offset(i, "ldc") + offset(j, "L") + mask + ");");
            }
        }
        line("    }");
    }
}
