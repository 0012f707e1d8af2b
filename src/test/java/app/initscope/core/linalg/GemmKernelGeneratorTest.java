package app.initscope.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GemmKernelGeneratorTest {

    /** The checked-in file, from the repository root (surefire's working directory) or from {@code basedir}. */
    private static Path checkedIn() {
        Path relative = Path.of(GemmKernelGenerator.TARGET);
        if (Files.exists(relative)) {
            return relative;
        }
        return Path.of(System.getProperty("basedir", "."), GemmKernelGenerator.TARGET);
    }

    /**
     * The first line where the two texts differ, shown as a unified diff would (line number, then the
     * checked-in line with "-" and the generated one with "+"), or null if they are equal.
     */
    static String firstDifference(String checkedIn, String generated) {
        if (checkedIn.equals(generated)) {
            return null;
        }
        String[] old = checkedIn.split("\n", -1);
        String[] now = generated.split("\n", -1);
        int i = 0;
        while (i < old.length && i < now.length && old[i].equals(now[i])) {
            i++;
        }
        return "@@ line " + (i + 1) + " @@\n"
                + "-" + (i < old.length ? old[i] : "<end of file>") + "\n"
                + "+" + (i < now.length ? now[i] : "<end of file>");
    }

    @Test
    void checkedInKernelsAreTheGeneratorsOutput() throws IOException {
        String checkedIn = Files.readString(checkedIn(), StandardCharsets.UTF_8);
        String difference = firstDifference(checkedIn, GemmKernelGenerator.generate());
        if (difference != null) {
            fail(GemmKernelGenerator.TARGET + " differs from its generator; regenerate it with\n    "
                    + GemmKernelGenerator.COMMAND + "\n--- checked in\n+++ generated\n" + difference);
        }
    }

    @Test
    void theDifferenceNamesTheFirstDifferingLine() {
        assertEquals("@@ line 2 @@\n-b\n+x", firstDifference("a\nb\nc\n", "a\nx\nc\n"));
        assertEquals("@@ line 3 @@\n-<end of file>\n+c", firstDifference("a\nb", "a\nb\nc"));
    }

    @Test
    void generatesOneKernelPerBlockShapeAndNamesTheRegenerateCommand() {
        String text = GemmKernelGenerator.generate();
        Matcher m = Pattern.compile("private static void k(\\d+)x(\\d+)\\(").matcher(text);
        int kernels = 0;
        while (m.find()) {
            kernels++;
        }
        // rows 8, 4, 2, 1 × vectors 1, 2, 3
        assertEquals(12, kernels);
        assertTrue(text.contains("GENERATED FILE"));
        assertTrue(text.contains(GemmKernelGenerator.COMMAND));
    }

    @Test
    void packedKernelsReadBAtTheConstantPanelStrideAndAThroughItsRuntimeStride() {
        // what their speed on 16 vector registers rests on (see the generator's comment): the p kernels step
        // through B by the constant NR and through A by the runtime ps, one offset per row; the k kernels step
        // through B by their parameter ldb
        String text = GemmKernelGenerator.generate();
        Matcher m = Pattern.compile("private static void ([kp])(\\d+)x\\d+\\((.*?)\n    }\n", Pattern.DOTALL)
                .matcher(text);
        int packed = 0;
        int strided = 0;
        while (m.find()) {
            int rows = Integer.parseInt(m.group(2));
            String body = m.group(3);
            if (m.group(1).equals("p")) {
                packed++;
                assertEquals(GemmKernelGenerator.MR / 2, rows);
                assertTrue(body.contains("ao += ps, bo += NR)") && !body.contains("ldb"), body);
                for (int i = 1; i < rows; i++) {
                    assertTrue(body.contains("a[ao + r" + i + "]"), "p" + rows + " row " + i);
                }
            } else {
                strided++;
                assertTrue(body.contains("bo += ldb)"), body);
            }
        }
        assertEquals(GemmKernelGenerator.NV, packed);
        assertEquals(12, strided);
    }

    @Test
    void everyAccumulatorIsOneFmaChainFromZero() {
        String text = GemmKernelGenerator.generate();
        // c<i><j> starts at zero and is only ever updated as x<i>.fma(b<j>, c<i><j>)
        Matcher m = Pattern.compile("c(\\d)(\\d) = (.*);").matcher(text);
        int updates = 0;
        while (m.find()) {
            String rhs = m.group(3);
            String i = m.group(1);
            String j = m.group(2);
            boolean start = rhs.equals("FloatVector.zero(S)");
            boolean fma = rhs.equals("x" + i + ".fma(b" + j + ", c" + i + j + ")");
            assertTrue(start || fma, "c" + i + j + " = " + rhs);
            updates += fma ? 1 : 0;
        }
        // one fma per accumulator per p: Σ over rows {8,4,2,1} and vectors {1,2,3} of rows·vectors = 15·6, and the
        // packed 4-row kernels' 4·6
        assertEquals(15 * 6 + 4 * 6, updates);
    }
}
