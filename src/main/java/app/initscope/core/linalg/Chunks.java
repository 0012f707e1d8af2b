package app.initscope.core.linalg;

/**
 * Fixed-size splitting of a flat range into pieces for {@link Parallel}.
 *
 * <p>The split depends only on the length, never on the thread count, so a reduction over pieces done in piece
 * order gives the same bits for any number of threads.
 */
public final class Chunks {

    /** Elements per piece of elementwise work and statistics. */
    public static final int SIZE = 1 << 15;

    private Chunks() {
    }

    /** The number of pieces that cover {@code n} elements. */
    public static int count(long n) {
        return (int) ((n + SIZE - 1) / SIZE);
    }

    /** The first index of piece {@code piece}. */
    public static int from(int piece) {
        return piece * SIZE;
    }

    /** One past the last index of piece {@code piece} of {@code n} elements. */
    public static int to(int piece, int n) {
        return (int) Math.min((long) (piece + 1) * SIZE, n);
    }
}
