package app.initscope.core.theory;

/**
 * How much memory the phase grid needs, estimated before it is computed, as the experiment's
 * {@code MemoryEstimate} does for a run. Each of the size² points is a {@link MeanField.Point} in a list, and a row of text when the grid is
 * written as CSV (built in a growing buffer, copied to a string and to bytes).
 */
public final class GridMemory {

    /** A point: its record and reference (about 100 bytes), and four copies of its CSV row of about 110 chars. */
    static final long BYTES_PER_POINT = 640;
    private static final long OVERHEAD = 16L << 20;

    private GridMemory() {
    }

    /** The bytes a grid of size × size points needs, with its CSV text. */
    public static long bytes(int size) {
        return (long) size * size * BYTES_PER_POINT + OVERHEAD;
    }
}
